package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each database kind the job supports, built with {@link TestDatabases} and read through the whole job (k=1):
 * GeoIP2/GeoLite2/DB-IP City and Country, IPinfo's flat country schema and ip-location-db's flat city schema. The
 * log has IPv4, IPv6, IPv4-mapped and 6to4 clients (the last two resolve to their IPv4), a private and an unlisted
 * address. Broken databases stop the run with exit 4 before Spark.
 */
class DatabaseKindsJobTest {
  @TempDir static Path dir;
  private static Path log;

  /** One line per client; the expected tables below are counted by hand from them. */
  private static final String[] CLIENTS = {
    "81.2.69.161", "81.2.69.161", "2002:5102:45a1::1", // GB (the last is 6to4 of 81.2.69.161)
    "89.160.20.130", "::ffff:89.160.20.131", // SE (the last is IPv4-mapped)
    "2001:480:10::5", // US
    "8.8.8.8", // not in the database
    "192.168.1.1", // private
  };

  private static final Map<String, Long> COUNTRIES =
      Map.of("GB", 3L, "SE", 2L, "US", 1L, "(unknown)", 1L, "(internal)", 1L);
  private static final Map<String, Long> REGIONS_CITY = Map.of("GB/GB-ENG", 3L, "SE/SE-E", 2L, "US/US-CA", 1L,
      "(unknown)/(unknown)", 1L, "(internal)/(internal)", 1L);
  private static final Map<String, Long> REGIONS_COUNTRY = Map.of("GB/(unknown)", 3L, "SE/(unknown)", 2L,
      "US/(unknown)", 1L, "(unknown)/(unknown)", 1L, "(internal)/(internal)", 1L);

  @BeforeAll
  static void writeLog() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < CLIENTS.length; i++) {
      sb.append(CLIENTS[i]).append(" - - [25/Nov/2026:10:00:0").append(i)
          .append(" +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n");
    }
    log = dir.resolve("access.log");
    Files.writeString(log, sb.toString());
  }

  private static Path city(String type, String eng, String se, String ca) throws Exception {
    return TestDatabases.city(type)
        .network("81.2.69.160/27", "GB", eng, "London")
        .network("89.160.20.128/25", "SE", se, "Linköping")
        .network("2001:480:10::/48", "US", ca, "San Diego")
        .write(Files.createDirectories(dir.resolve(type)));
  }

  private static Path country(String type) throws Exception {
    return TestDatabases.country(type)
        .network("81.2.69.160/27", "GB").network("89.160.20.128/25", "SE").network("2001:480:10::/48", "US")
        .write(Files.createDirectories(dir.resolve(type)));
  }

  private static JobRun run(Path db, String name, String schema) throws Exception {
    JobRun run = JobRun.run(log, db, dir.resolve("out-" + name));
    assertEquals(COUNTRIES, run.countries(), name);
    assertEquals(schema, run.summary().path("database").path("schema").asText(), name);
    assertEquals("2026-11-01T00:00:00Z", run.summary().path("database").path("build_date").asText(), name);
    assertEquals(Map.of("database", 6L, "not-in-database", 1L, "special-internal", 1L), run.geoSources(), name);
    return run;
  }

  @Test
  void geoip2City() throws Exception {
    JobRun run = run(city("GeoIP2-City", "ENG", "E", "CA"), "geoip2-city", "city");
    assertEquals(REGIONS_CITY, run.regions());
    assertEquals("GeoIP2-City", run.summary().path("database").path("type").asText());
    assertEquals("geotraffic test database GeoIP2-City", run.summary().path("database").path("description").asText());
  }

  @Test
  void geoLite2City() throws Exception {
    assertEquals(REGIONS_CITY, run(city("GeoLite2-City", "ENG", "E", "CA"), "geolite2-city", "city").regions());
  }

  @Test
  void dbipCityLite_subdivisionNamesBecomeCodes() throws Exception {
    Path db = city("DBIP-City-Lite", "England", "Östergötland County", "California");
    assertEquals(REGIONS_CITY, run(db, "dbip-city", "city").regions());
  }

  @Test
  void countryDatabases() throws Exception {
    for (String type : new String[] {"GeoIP2-Country", "GeoLite2-Country", "DBIP-Country-Lite"}) {
      assertEquals(REGIONS_COUNTRY, run(country(type), type, "country").regions(), type);
    }
  }

  @Test
  void ipinfoFlatCountry() throws Exception {
    Path db = TestDatabases.flat("ipinfo generic_country_free.mmdb")
        .network("81.2.69.160/27", Map.of("country", "GB", "country_name", "United Kingdom", "continent", "EU"))
        .network("89.160.20.128/25", Map.of("country", "SE", "country_name", "Sweden", "continent", "EU"))
        .network("2001:480:10::/48", Map.of("country", "US", "country_name", "United States", "continent", "NA"))
        .write(Files.createDirectories(dir.resolve("ipinfo")));
    assertEquals(REGIONS_COUNTRY, run(db, "ipinfo", "flat").regions());
  }

  @Test
  void ipLocationDbFlatCity() throws Exception {
    Path db = TestDatabases.flat("ip-location-db dbip-city")
        .network("81.2.69.160/27", Map.of("country_code", "GB", "state1", "England", "city", "London"))
        .network("89.160.20.128/25", Map.of("country_code", "SE", "state1", "Östergötland", "city", "Linköping"))
        .network("2001:480:10::/48", Map.of("country_code", "US", "state1", "California", "city", "San Diego"))
        .write(Files.createDirectories(dir.resolve("iplocationdb")));
    assertEquals(REGIONS_CITY, run(db, "ip-location-db", "flat").regions());
  }

  @Test
  void configuredFields_readAFlatDatabaseDetectionWouldNotKnow() throws Exception {
    Path db = TestDatabases.flat("Acme-Geo")
        .network("81.2.69.160/27", Map.of("land", "GB", "gebiet", "GB-ENG"))
        .network("89.160.20.128/25", Map.of("land", "SE", "gebiet", "SE-E"))
        .network("2001:480:10::/48", Map.of("land", "US", "gebiet", "US-CA"))
        .write(Files.createDirectories(dir.resolve("acme")));
    assertEquals(4, exitOf(db), "without geoip.fields.* the schema is unknown");
    JobRun run = JobRun.run(log, db, dir.resolve("out-acme"), "geoip.fields.country=land", "geoip.fields.region=gebiet",
        "geoip.fields.region-kind=iso-code");
    assertEquals(REGIONS_CITY, run.regions());
  }

  @Test
  void truncatedDatabase_exitsFourBeforeSparkNamingThePath() throws Exception {
    Path good = city("GeoIP2-City", "ENG", "E", "CA");
    Path cut = dir.resolve("cut.mmdb");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    JobRuns.Run run = JobRuns.run("run", "--input", log.toString(), "--output", dir.resolve("out-cut").toString(),
        "--geoip-db", cut.toString());
    String text = run.console();
    assertEquals(4, run.exitCode(), text);
    assertTrue(text.startsWith("geotraffic: Cannot open geo database: not a valid MaxMind DB ("), text);
    assertTrue(text.strip().endsWith(", " + cut), text);
    assertFalse(Files.exists(dir.resolve("out-cut")), "nothing was written");
  }

  private static int exitOf(Path db) {
    return JobRuns.run("run", "--input", log.toString(), "--output", dir.resolve("out-x").toString(), "--geoip-db", db.toString())
        .exitCode();
  }
}
