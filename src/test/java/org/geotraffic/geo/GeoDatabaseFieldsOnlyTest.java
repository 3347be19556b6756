package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotraffic.geo.mmdb.GeoIp2Place;
import org.geotraffic.testsupport.TestDatabases;
import org.geotraffic.testsupport.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * City/Country lookups that decode only the fields used ({@link GeoIp2Fields}) give exactly what GeoIP2's full
 * responses give, on the project's own generated databases, and are only used when that is guaranteed.
 */
class GeoDatabaseFieldsOnlyTest {
  @TempDir Path dir;

  private static final List<String> CITY_NETWORKS = List.of("81.2.69.160/27", "2001:480:10::/48", "89.160.20.128/25",
      "1.0.0.0/24", "1.0.1.0/24", "1.0.2.0/24", "1.0.3.0/24", "1.0.4.0/24", "1.0.5.0/24", "1.0.6.0/24", "1.0.7.0/24",
      "1.0.8.0/24", "1.0.9.0/24", "2a02:ff::/32");

  private Path quirkyCity(String type) throws IOException {
    TestDatabases.CityDatabase db = TestDatabases.city(type)
        .network("81.2.69.160/27", "GB", "ENG", "London")
        .network("2001:480:10::/48", "US", "CA", "San Diego")
        .network("89.160.20.128/25", "SE", "E", "Linköping")
        // No country at all, an unknown country, a lower-case code, no subdivisions, a name-only subdivision,
        // a code and a name, a code that is not a code, a name-only subdivision of an unknown name.
        .network("1.0.0.0/24", new GeoIp2Place("EU", "Europe", null, null, "ENG", "England", "London"))
        .network("1.0.1.0/24", new GeoIp2Place("EU", "Europe", "XX", "Nowhere", "AB", null, null))
        .network("1.0.2.0/24", new GeoIp2Place("EU", "Europe", "de", "Germany", "by", null, null))
        .network("1.0.3.0/24", new GeoIp2Place("EU", "Europe", "FR", "France", null, null, "Paris"))
        .network("1.0.4.0/24", new GeoIp2Place("EU", "Europe", "DE", "Germany", null, "Bavaria", "Munich"))
        .network("1.0.5.0/24", new GeoIp2Place("NA", "North America", "US", "United States", "NY", "New York", null))
        .network("1.0.6.0/24", new GeoIp2Place("NA", "North America", "US", "United States", "TOOLONG", "Texas", null))
        .network("1.0.7.0/24", new GeoIp2Place("EU", "Europe", "DE", "Germany", null, "Atlantis", null))
        .network("2a02:ff::/32", new GeoIp2Place("AS", "Asia", "CN", "China", null, "Guangdong Province", null));
    return db.write(dir);
  }

  @Test
  void cityDatabasesWithQuirks_fieldsOnlyGivesWhatGeoIp2Gives() throws Exception {
    for (String type : List.of("GeoIP2-City", "GeoLite2-City", "DBIP-City-Lite")) {
      Path file = quirkyCity(type);
      try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
        assertEquals(DatabaseKind.CITY, db.info().kind());
        assertTrue(db.readsFieldsOnly(), type);
        int compared = compareEverywhere(db, CITY_NETWORKS);
        assertTrue(compared > 1000, type + ": " + compared);
      }
    }
  }

  @Test
  void cityRecordsWithEmptyOrSeveralSubdivisions_fieldsOnlyGivesWhatGeoIp2Gives() throws Exception {
    Map<String, Object> empty = new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", null, null, "X").cityRecord();
    empty.put("subdivisions", List.of());
    Map<String, Object> two = new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", "ENG", null, "X").cityRecord();
    two.put("subdivisions", List.of(Map.of("iso_code", "ENG"), Map.of("iso_code", "LND")));
    Map<String, Object> nameless = new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", null, null, "X").cityRecord();
    nameless.put("subdivisions", List.of(Map.of("geoname_id", 6269131L)));
    Map<String, Object> noCountryCode = new LinkedHashMap<>();
    noCountryCode.put("country", Map.of("geoname_id", 2635167L, "names", Map.of("en", "United Kingdom")));
    Path file = TestDatabases.raw("GeoIP2-City")
        .network("10.1.0.0/16", empty).network("10.2.0.0/16", two).network("10.3.0.0/16", nameless)
        .network("10.4.0.0/16", noCountryCode).network("10.5.0.0/16", Map.of())
        .write(dir);
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      assertTrue(db.readsFieldsOnly());
      compareEverywhere(db, List.of("10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16", "10.5.0.0/16"));
      assertEquals(new GeoLocation("GB", "GB-ENG"), db.lookup(IpLiterals.parse("10.2.3.4")));
      assertEquals(GeoLocation.countryOnly("GB"), db.lookup(IpLiterals.parse("10.1.3.4")));
    }
  }

  @Test
  void countryDatabase_fieldsOnlyGivesWhatGeoIp2Gives() throws Exception {
    Path file = TestDatabases.country("GeoIP2-Country")
        .network("81.2.69.0/24", "GB").network("2001:480::/32", "US").network("89.160.0.0/16", "SE")
        .network("1.0.0.0/24", "XX").network("1.0.1.0/24", "jp")
        .write(dir);
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      assertEquals(DatabaseKind.COUNTRY, db.info().kind());
      assertTrue(db.readsFieldsOnly());
      compareEverywhere(db, List.of("81.2.69.0/24", "2001:480::/32", "89.160.0.0/16", "1.0.0.0/24", "1.0.1.0/24"));
      assertEquals(GeoLocation.countryOnly("JP"), db.lookup(IpLiterals.parse("1.0.1.9")));
    }
  }

  @Test
  void flatDatabase_keepsReadingMaps() throws Exception {
    Path file = TestDatabases.flat("ip-location-db").network("1.0.0.0/24", Map.of("country_code", "DE")).write(dir);
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      assertEquals(DatabaseKind.FLAT, db.info().kind());
      assertFalse(db.readsFieldsOnly());
    }
  }

  /**
   * More distinct records than the open-time probe decodes: a record it did not decode may be corrupt in a field the
   * fields-only read skips, so lookups keep GeoIP2's full decode and fail on it as before.
   */
  @Test
  void moreRecordsThanProbed_corruptUnusedFieldStillFailsTheLookup() throws Exception {
    TestDatabases.RawDatabase raw = TestDatabases.raw("GeoIP2-City");
    for (int i = 0; i < GeoDatabase.MAX_SAMPLES; i++) {
      raw.network("10." + (i >> 8) + "." + (i & 255) + ".0/24",
          new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", "ENG", null, "Town " + i).cityRecord());
    }
    // Last in tree order, so not among the probed samples. Its city name is made invalid UTF-8: GeoIP2 decodes it
    // and fails, a read that skips the city does not notice.
    Path file = raw.network("200.0.0.0/24",
        new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", "ENG", null, "Qzxj").cityRecord()).write(dir);
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, new byte[] {0x44, 'Q', 'z', 'x', 'j'});
    assertTrue(at > 0);
    bytes[at + 1] = (byte) 0xFF;
    bytes[at + 2] = (byte) 0xFE;
    Files.write(file, bytes);
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      assertFalse(db.readsFieldsOnly());
      assertEquals(new GeoLocation("GB", "GB-ENG"), db.lookup(IpLiterals.parse("10.3.4.5")));
      IOException e = assertThrows(IOException.class, () -> db.lookup(IpLiterals.parse("200.0.0.7")));
      assertFalse(e.getMessage().contains("200.0.0"), e.getMessage());
      // The fields-only read would not have noticed: that is why it is not used here.
      assertEquals(new GeoLocation("GB", "GB-ENG"), db.findFields(IpLiterals.parse("200.0.0.7")));
    }
  }

  /** First, last and random addresses of every network, and addresses around and outside them, both ways. */
  private static int compareEverywhere(GeoDatabase db, List<String> networks) throws Exception {
    Random random = new Random(42);
    List<InetAddress> addresses = new ArrayList<>();
    for (String cidr : networks) {
      TestNetwork network = TestNetwork.parse(cidr);
      BigInteger size = network.size();
      for (BigInteger offset : List.of(BigInteger.ZERO, size.subtract(BigInteger.ONE), size, size.add(BigInteger.TWO))) {
        addresses.add(network.at(offset));
        if (network.low().signum() > 0) {
          addresses.add(network.at(BigInteger.ONE.negate()));
        }
      }
      for (int i = 0; i < 200; i++) {
        addresses.add(network.at(new BigInteger(size.bitLength(), random).mod(size)));
      }
    }
    for (int i = 0; i < 500; i++) {
      addresses.add(TestNetwork.address(BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL), 4));
      addresses.add(TestNetwork.address(new BigInteger(128, random), 16));
    }
    for (InetAddress a : addresses) {
      GeoLocation full = db.find(a);
      assertEquals(full, db.findFields(a), "network record at " + a);
      assertEquals(full, db.lookup(a));
    }
    return addresses.size();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
