package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.geotraffic.geo.mmdb.GeoIp2Place;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that writes the exceptionally reserved {@code UK} locates its clients in GB (region codes kept, with
 * the GB prefix); the pseudo-codes {@code EU} and {@code AP} and other codes that name no country stay unknown, in
 * every database schema the job reads.
 */
class ReservedCountryCodesTest {
  @TempDir Path dir;

  private static GeoLocation lookup(Path file, String address) throws Exception {
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      return db.lookup(InetAddress.getByName(address)); // a literal: no DNS
    }
  }

  @Test
  void cityDatabase_ukIsGb_euAndApAreUnknown() throws Exception {
    Path file = TestDatabases.city("GeoIP2-City")
        .network("192.0.2.0/25", new GeoIp2Place("EU", "Europe", "UK", "United Kingdom", "ENG", "England", "London"))
        .network("192.0.2.128/26", new GeoIp2Place("EU", "Europe", "EU", "Europe", null, null, null))
        .network("192.0.2.192/26", new GeoIp2Place("AS", "Asia", "AP", "Asia/Pacific Region", null, null, null))
        .network("198.51.100.0/24", new GeoIp2Place("EU", "Europe", "uk", "United Kingdom", null, null, null))
        .write(dir);
    assertEquals(new GeoLocation("GB", "GB-ENG"), lookup(file, "192.0.2.10"));
    assertEquals(GeoLocation.countryOnly("GB"), lookup(file, "198.51.100.1"));
    assertNull(lookup(file, "192.0.2.130"));
    assertNull(lookup(file, "192.0.2.200"));
  }

  @Test
  void countryDatabase_ukIsGb() throws Exception {
    Path file = TestDatabases.country("GeoLite2-Country").network("2001:db8::/32", "UK").network("192.0.2.0/24", "EU")
        .write(dir);
    assertEquals(GeoLocation.countryOnly("GB"), lookup(file, "2001:db8::1"));
    assertNull(lookup(file, "192.0.2.1"));
  }

  @Test
  void flatDatabase_ukIsGb_andItsRegionNameMapsUnderGb() throws Exception {
    Path file = TestDatabases.flat("ip-location-db-city")
        .network("192.0.2.0/24", Map.of("country_code", "UK", "state1", "Scotland"))
        .network("198.51.100.0/24", Map.of("country_code", "AP"))
        .write(dir);
    assertEquals("GB", lookup(file, "192.0.2.1").country());
    assertNull(lookup(file, "198.51.100.1"));
  }
}
