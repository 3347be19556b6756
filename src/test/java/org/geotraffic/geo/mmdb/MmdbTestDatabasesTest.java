package org.geotraffic.geo.mmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.AddressNotFoundException;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds databases with {@link TestDatabases} and reads them with GeoIP2's {@link DatabaseReader} and
 * {@code com.maxmind.db.Reader}, the way the job will.
 */
class MmdbTestDatabasesTest {
  @TempDir Path dir;

  private static DatabaseReader open(Path db) throws IOException {
    return new DatabaseReader.Builder(db.toFile()).build();
  }

  private static InetAddress ip(String literal) throws IOException {
    return InetAddress.getByName(literal);
  }

  /** {@code ::ffff:a.b.c.d} as a 16-byte address; {@code InetAddress.getByName} would make it IPv4. */
  private static InetAddress mapped(int a, int b, int c, int d) throws IOException {
    byte[] bits = new byte[16];
    bits[10] = (byte) 0xFF;
    bits[11] = (byte) 0xFF;
    bits[12] = (byte) a;
    bits[13] = (byte) b;
    bits[14] = (byte) c;
    bits[15] = (byte) d;
    return Inet6Address.getByAddress(null, bits, -1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GeoIP2-City", "GeoLite2-City"})
  void maxMindCityDatabase_givesCodesAndNamesForIpv4Ipv6AndMappedAddresses(String type) throws Exception {
    Path db = TestDatabases.city(type)
        .network("81.2.69.160/27", "GB", "ENG", "London")
        .network("2001:db8:1::/48", "DE", "BY", "Munich")
        .write(dir);

    assertEquals(dir.resolve(type + ".mmdb"), db);
    try (DatabaseReader reader = open(db)) {
      // The mapped address walks the ::ffff:0:0/96 alias: 96 + 27 bits.
      Map<InetAddress, Integer> prefixes = Map.of(ip("81.2.69.170"), 27, mapped(81, 2, 69, 170), 123);
      for (InetAddress address : prefixes.keySet()) {
        CityResponse london = reader.city(address);
        assertEquals("GB", london.country().isoCode());
        assertEquals("United Kingdom", london.country().name());
        assertEquals("EU", london.continent().code());
        assertEquals("Europe", london.continent().name());
        assertEquals("ENG", london.mostSpecificSubdivision().isoCode());
        assertNull(london.mostSpecificSubdivision().name());
        assertEquals("London", london.city().name());
        assertEquals(prefixes.get(address), london.traits().network().prefixLength());
      }
      CityResponse munich = reader.city(ip("2001:db8:1:2::3"));
      assertEquals("DE", munich.country().isoCode());
      assertEquals("BY", munich.mostSpecificSubdivision().isoCode());
      assertEquals("Munich", munich.city().name());
      assertEquals(type, reader.metadata().databaseType());
    }
  }

  @Test
  void dbipCityDatabase_givesSubdivisionNameWithoutCode() throws Exception {
    Path db = TestDatabases.city("DBIP-City-Lite").network("192.0.2.0/24", "DE", "Bavaria", "Munich").write(dir);

    try (DatabaseReader reader = open(db)) {
      CityResponse response = reader.city(ip("192.0.2.1"));
      assertEquals("DE", response.country().isoCode());
      assertNull(response.mostSpecificSubdivision().isoCode());
      assertEquals("Bavaria", response.mostSpecificSubdivision().name());
      assertEquals("Munich", response.city().name());
    }
  }

  @Test
  void cityWithoutSubdivisionOrCity_hasEmptySubdivisionsAndNoCityName() throws Exception {
    Path db = TestDatabases.city("GeoIP2-City").network("203.0.113.0/24", "JP", null, null).write(dir);

    try (DatabaseReader reader = open(db)) {
      CityResponse response = reader.city(ip("203.0.113.9"));
      assertEquals("JP", response.country().isoCode());
      assertEquals(List.of(), response.subdivisions());
      assertNull(response.city().name());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GeoIP2-Country", "GeoLite2-Country", "DBIP-Country-Lite"})
  void countryDatabase_givesCountryForIpv4Ipv6AndMappedAddresses(String type) throws Exception {
    Path db = TestDatabases.country(type)
        .network("192.0.2.0/24", "DE")
        .network("2001:db8::/32", "US")
        .network("198.51.100.0/24", "ZZ")
        .write(dir);

    try (DatabaseReader reader = open(db)) {
      CountryResponse germany = reader.country(ip("192.0.2.1"));
      assertEquals("DE", germany.country().isoCode());
      assertEquals("Germany", germany.country().name());
      assertEquals("DE", reader.country(mapped(192, 0, 2, 1)).country().isoCode());
      assertEquals("US", reader.country(ip("2001:db8::1")).country().isoCode());
      CountryResponse unknownName = reader.country(ip("198.51.100.1"));
      assertEquals("ZZ", unknownName.country().isoCode());
      assertNull(unknownName.country().name());
      assertNull(unknownName.continent().code());
    }
  }

  @Test
  void addressNotInserted_isNotFoundByCityAndEmptyByTryCity() throws Exception {
    Path db = TestDatabases.city("GeoIP2-City").network("192.0.2.0/24", "GB", "ENG", "London").write(dir);

    try (DatabaseReader reader = open(db)) {
      assertFalse(reader.tryCity(ip("192.0.3.1")).isPresent());
      assertFalse(reader.tryCity(ip("2001:db8::1")).isPresent());
      assertFalse(reader.tryCity(mapped(10, 0, 0, 1)).isPresent());
      assertTrue(reader.tryCity(ip("192.0.2.1")).isPresent());
      AddressNotFoundException e =
          assertThrows(AddressNotFoundException.class, () -> reader.city(ip("192.0.3.1")));
      assertEquals("The address 192.0.3.1 is not in the database.", e.getMessage());
    }
  }

  @Test
  void overlappingCityNetworks_splitTheBroaderOne() throws Exception {
    Path db = TestDatabases.city("GeoIP2-City")
        .network("192.0.2.0/24", "GB", "ENG", "London")
        .network("192.0.2.64/26", "GB", "SCT", "Edinburgh")
        .write(dir);

    try (DatabaseReader reader = open(db)) {
      assertEquals("London", reader.city(ip("192.0.2.63")).city().name());
      assertEquals("Edinburgh", reader.city(ip("192.0.2.64")).city().name());
      assertEquals("Edinburgh", reader.city(ip("192.0.2.127")).city().name());
      assertEquals("London", reader.city(ip("192.0.2.128")).city().name());
    }
  }

  @Test
  void metadata_isFixedPerType() throws Exception {
    Path db = TestDatabases.country("GeoLite2-Country").network("192.0.2.0/24", "DE").write(dir);

    try (DatabaseReader reader = open(db)) {
      assertEquals("GeoLite2-Country", reader.metadata().databaseType());
      assertEquals(TestDatabases.BUILD_TIME, reader.metadata().buildTime());
      assertEquals(Map.of("en", "geotraffic test database GeoLite2-Country"), reader.metadata().description());
      assertEquals(List.of("en"), reader.metadata().languages());
      assertEquals(6, reader.metadata().ipVersion());
      assertEquals(28, reader.metadata().recordSize());
    }
  }

  @Test
  void flatDatabase_givesFieldsAsStored() throws Exception {
    Path db = TestDatabases.flat("ipinfo-country")
        .network("192.0.2.0/24", Map.of("country_code", "DE", "state1", "Bavaria", "city", "Munich"))
        .write(dir);

    try (Reader reader = new Reader(db.toFile())) {
      assertEquals(Map.of("country_code", "DE", "state1", "Bavaria", "city", "Munich"),
          reader.get(ip("192.0.2.200"), Map.class));
      assertNull(reader.get(ip("198.51.100.1"), Map.class));
      assertEquals("ipinfo-country", reader.getMetadata().databaseType());
    }
  }

  @Test
  void rawDatabase_givesArbitraryTypedRecord() throws Exception {
    Path db = TestDatabases.raw("GeoIP2-City")
        .network("2001:db8::/32", Map.of(
            "country", Map.of("iso_code", "SE", "geoname_id", 2_661_886L),
            "location", Map.of("accuracy_radius", new MmdbValue.Uint16(100), "latitude", 59.3294)))
        .write(dir);

    try (Reader reader = new Reader(db.toFile())) {
      assertEquals(Map.of(
              "country", Map.of("iso_code", "SE", "geoname_id", 2_661_886L),
              "location", Map.of("accuracy_radius", 100, "latitude", 59.3294)),
          reader.get(ip("2001:db8::1"), Map.class));
    }
    try (DatabaseReader reader = open(db)) {
      CityResponse response = reader.city(ip("2001:db8::1"));
      assertEquals(2_661_886L, response.country().geonameId());
      assertEquals(100, response.location().accuracyRadius());
    }
  }

  @Test
  void cityBuilderWithCountryType_isRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.city("GeoIP2-Country"));
    assertEquals("Cannot build test database: type must contain \"City\", GeoIP2-Country", e.getMessage());
  }

  @Test
  void sameBuilderCalls_giveIdenticalFiles() throws Exception {
    Path first = TestDatabases.city("GeoIP2-City").network("192.0.2.0/24", "GB", "ENG", "London")
        .write(dir.resolve(mkdir("a")));
    Path second = TestDatabases.city("GeoIP2-City").network("192.0.2.0/24", "GB", "ENG", "London")
        .write(dir.resolve(mkdir("b")));

    assertEquals(-1L, java.nio.file.Files.mismatch(first, second));
    assertEquals(BigInteger.valueOf(TestDatabases.BUILD_TIME.getEpochSecond()),
        new Reader(first.toFile()).getMetadata().buildEpoch());
  }

  private Path mkdir(String name) throws IOException {
    return java.nio.file.Files.createDirectories(dir.resolve(name));
  }
}
