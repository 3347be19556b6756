package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.file.Path;
import org.geotraffic.geo.DatabaseKind;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoLocation;
import org.geotraffic.geo.IpLiterals;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lookups against MaxMind's published facts for its GeoIP2-City test database (MaxMind-DB repository,
 * source-data/GeoIP2-City-Test.json, Apache-2.0/MIT). The networks, countries and subdivision codes below were
 * copied by hand from that file; the test builds its own database from them, so it needs nothing outside the
 * repository, and checks that {@link GeoDatabase#lookup} turns MaxMind's unprefixed codes into ISO 3166-2.
 */
class MaxMindFactsTest {
  @TempDir static Path dir;
  private static GeoDatabase db;

  @BeforeAll
  static void build() throws Exception {
    Path file = TestDatabases.city("GeoIP2-City")
        .network("81.2.69.142/31", "GB", "ENG", "London")
        .network("81.2.69.144/28", "GB", "ENG", "London")
        .network("81.2.69.160/27", "GB", "ENG", "London")
        .network("81.2.69.192/28", "GB", "ENG", "London")
        .network("2.2.3.0/24", "GB", "ENG", "Boxford")
        .network("2.125.160.216/29", "GB", "ENG", "Boxford")
        .network("89.160.20.112/28", "SE", "E", "Linköping")
        .network("89.160.20.128/25", "SE", "E", "Linköping")
        .network("216.160.83.56/29", "US", "WA", "Milton")
        .network("216.160.83.64/29", "US", "WA", null)
        .network("214.78.120.0/22", "US", "CA", "San Diego")
        .network("214.78.124.0/24", "US", "CA", null)
        .network("214.0.1.0/24", "AU", "VIC", "Melbourne")
        .network("175.16.199.0/24", "CN", "22", "Changchun")
        .network("214.0.0.0/24", "SG", null, "Singapore")
        .network("2001:480:10::/48", "US", "CA", "San Diego")
        .network("2001:218::/32", "JP", null, null)
        .network("2001:220::/32", "KR", null, null)
        .network("2001:238::/32", "TW", null, null)
        .network("2001:250::/31", "CN", null, null)
        .network("2001:2e0::/32", "HK", null, null)
        .write(dir);
    db = GeoDatabase.open(file.toFile());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static GeoLocation lookup(String ip) throws Exception {
    InetAddress address = IpLiterals.parse(ip);
    return db.lookup(address);
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource({
    "81.2.69.160, GB, GB-ENG",
    "81.2.69.142, GB, GB-ENG",
    "81.2.69.143, GB, GB-ENG",
    "81.2.69.150, GB, GB-ENG",
    "81.2.69.207, GB, GB-ENG",
    "2.2.3.77, GB, GB-ENG",
    "2.125.160.217, GB, GB-ENG",
    "89.160.20.128, SE, SE-E",
    "89.160.20.112, SE, SE-E",
    "89.160.20.255, SE, SE-E",
    "216.160.83.56, US, US-WA",
    "216.160.83.70, US, US-WA",
    "214.78.121.1, US, US-CA",
    "214.78.124.9, US, US-CA",
    "214.0.1.1, AU, AU-VIC",
    "175.16.199.1, CN, CN-22",
    "214.0.0.9, SG, (unknown)",
    "2001:480:10::1, US, US-CA",
    "2001:480:10:ffff::1, US, US-CA",
    "2001:218::1, JP, (unknown)",
    "2001:220:1::, KR, (unknown)",
    "2001:238:ffff::1, TW, (unknown)",
    "2001:251::1, CN, (unknown)",
    "2001:2e0::7, HK, (unknown)",
  })
  void publishedNetwork_givesIsoCodes(String ip, String country, String region) throws Exception {
    assertEquals(new GeoLocation(country, region), lookup(ip));
  }

  @ParameterizedTest
  @CsvSource({"10.10.10.10", "8.8.8.8", "81.2.69.141", "81.2.69.208", "2001:480:11::1"})
  void addressMaxMindDoesNotList_isNotFound(String ip) throws Exception {
    assertNull(lookup(ip));
  }

  @Test
  void cityDatabase_isDetectedAsCity() {
    assertEquals(DatabaseKind.CITY, db.info().kind());
    assertEquals("GeoIP2-City", db.info().type());
    assertEquals(TestDatabases.BUILD_TIME, db.info().buildDate());
    assertEquals("city", db.info().schema());
  }
}
