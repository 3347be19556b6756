package org.geotraffic.geo.mmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Metadata;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo database, built from demo-geo.csv and read back with GeoIP2's reader. */
class DemoDatabaseTest {
  private static final long NODE_COUNT = 235;
  private static final long FILE_SIZE = 3539;

  @TempDir Path dir;

  private Path demo() throws IOException {
    Path db = dir.resolve("demo.mmdb");
    DemoDatabase.write(db);
    return db;
  }

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1,       EU, GB, United Kingdom, ENG, England,          London",
      "192.0.2.100,     EU, GB, United Kingdom, SCT, Scotland,         Edinburgh",
      "192.0.2.200,     EU, DE, Germany,        BY,  Bavaria,          Munich",
      "198.51.100.1,    NA, US, United States,  NY,  New York,         New York",
      "198.51.100.255,  NA, US, United States,  CA,  California,       San Francisco",
      "203.0.113.5,     EU, FR, France,         IDF, Île-de-France,    Paris",
      "203.0.113.130,   EU, SE, Sweden,         AB,  Stockholm County, Stockholm",
      "2001:db8:1::1,   EU, DE, Germany,        BE,  Berlin,           Berlin",
      "2001:db8:2:ff::, NA, US, United States,  WA,  Washington,       Seattle",
      "2001:db8:3::9,   SA, BR, Brazil,         SP,  São Paulo,        São Paulo",
  })
  void demoAddress_isLocatedAsInTheCsv(String address, String continent, String country, String countryName,
      String subdivision, String subdivisionName, String city) throws Exception {
    try (DatabaseReader reader = new DatabaseReader.Builder(demo().toFile()).build()) {
      CityResponse response = reader.city(InetAddress.getByName(address));
      assertEquals(continent, response.continent().code());
      assertEquals(country, response.country().isoCode());
      assertEquals(countryName, response.country().name());
      assertEquals(subdivision, response.mostSpecificSubdivision().isoCode());
      assertEquals(subdivisionName, response.mostSpecificSubdivision().name());
      assertEquals(city, response.city().name());
    }
  }

  @Test
  void japanRow_hasCountryOnly() throws Exception {
    try (DatabaseReader reader = new DatabaseReader.Builder(demo().toFile()).build()) {
      CityResponse response = reader.city(InetAddress.getByName("203.0.113.200"));
      assertEquals("JP", response.country().isoCode());
      assertEquals("Asia", response.continent().name());
      assertEquals(List.of(), response.subdivisions());
      assertNull(response.city().name());
    }
  }

  @ParameterizedTest
  @CsvSource({"192.0.3.0", "10.0.0.1", "2001:db8::1", "2001:db8:4::1", "2001:db9::1"})
  void addressOutsideDemoRows_isNotFound(String address) throws Exception {
    try (DatabaseReader reader = new DatabaseReader.Builder(demo().toFile()).build()) {
      assertFalse(reader.tryCity(InetAddress.getByName(address)).isPresent());
    }
  }

  @Test
  void demoDatabase_holdsExactlyTheElevenCsvNetworks() throws Exception {
    List<String> networks = new ArrayList<>();
    try (Reader reader = new Reader(demo().toFile())) {
      Networks<Map> all = reader.networks(false, Map.class);
      while (all.hasNext()) {
        DatabaseRecord<Map> record = all.next();
        networks.add(record.network().toString());
      }
    }
    assertEquals(List.of(
        "192.0.2.0/26", "192.0.2.64/26", "192.0.2.128/25",
        "198.51.100.0/25", "198.51.100.128/25",
        "203.0.113.0/25", "203.0.113.128/26", "203.0.113.192/26",
        "2001:db8:1:0:0:0:0:0/48", "2001:db8:2:0:0:0:0:0/48", "2001:db8:3:0:0:0:0:0/48"), networks);
    assertEquals(11, DemoDatabase.rows().size());
  }

  @Test
  void metadata_isTheDemoOne() throws Exception {
    try (Reader reader = new Reader(demo().toFile())) {
      assertEquals(new Metadata(2, 0, BigInteger.valueOf(1_793_491_200L), "GeoTraffic-Demo-City", List.of("en"),
          Map.of("en", "geotraffic demo database: documentation ranges only"), 6, NODE_COUNT, 28),
          reader.getMetadata());
      assertEquals(DemoDatabase.BUILD_TIME, reader.getMetadata().buildTime());
    }
  }

  @Test
  void demoDatabase_isByteForByteReproducible() throws Exception {
    Path first = demo();
    Path second = dir.resolve("again.mmdb");
    DemoDatabase.main(new String[] {second.toString()});

    assertEquals(FILE_SIZE, Files.size(first));
    assertEquals(-1L, Files.mismatch(first, second));
  }
}
