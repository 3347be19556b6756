package org.geotraffic.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoLocation;
import org.geotraffic.geo.HostSuffixGeo;
import org.geotraffic.geo.InternalNetworks;
import org.geotraffic.geo.mmdb.GeoIp2Place;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembering the previous line's client changes no answer and no source, lookup errors included. */
class ClientLocatorTest {
  @TempDir Path dir;

  @Test
  void repeatedAndAlternatingClients_answerAsAFreshLocatorDoes() throws Exception {
    // More distinct records than GeoDatabase's open-time probe decodes, and the last one (not probed) corrupt:
    // invalid UTF-8 in its city name, so looking it up fails.
    TestDatabases.RawDatabase raw = TestDatabases.raw("GeoIP2-City");
    for (int i = 0; i < 4100; i++) {
      raw.network("10." + (i >> 8) + "." + (i & 255) + ".0/24",
          new GeoIp2Place("EU", "Europe", "GB", "United Kingdom", "ENG", null, "Town " + i).cityRecord());
    }
    Path file = raw.network("200.0.0.0/24",
        new GeoIp2Place("NA", "North America", "US", "United States", "CA", null, "Qzxj").cityRecord()).write(dir);
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, new byte[] {0x44, 'Q', 'z', 'x', 'j'});
    bytes[at + 1] = (byte) 0xFF;
    Files.write(file, bytes);

    List<String> clients = List.of("10.0.1.1", "10.0.1.1", "10.0.2.1", "10.0.1.1", "200.0.0.1", "200.0.0.1",
        "10.0.2.1", "200.0.0.2", "192.168.1.1", "192.168.1.1", "198.51.100.7", "8.8.8.8", "8.8.8.8",
        "host.example.de", "host.example.de", "not a client", "10.0.2.1", "not a client", "::ffff:10.0.2.9",
        "10.0.2.9");
    try (GeoDatabase db = GeoDatabase.open(file.toFile())) {
      ClientLocator locator = new ClientLocator(db, InternalNetworks.NONE, new HostSuffixGeo());
      for (String client : clients) {
        ClientLocator fresh = new ClientLocator(db, InternalNetworks.NONE, new HostSuffixGeo());
        GeoLocation expected = fresh.locate(client);
        assertEquals(expected, locator.locate(client), client);
        if (expected != null) {
          assertEquals(fresh.lastSource(), locator.lastSource(), client);
        }
      }
      locator.locate("200.0.0.1");
      assertEquals(GeoSource.LOOKUP_ERROR, locator.lastSource());
      assertEquals(GeoLocation.UNKNOWN_LOCATION, locator.locate("200.0.0.1"));
      assertEquals(GeoSource.LOOKUP_ERROR, locator.lastSource());
      assertEquals(new GeoLocation("GB", "GB-ENG"), locator.locate("10.0.2.1"));
      assertEquals(GeoSource.DATABASE, locator.lastSource());
    }
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
