package org.geotraffic.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotraffic.geo.mmdb.GeoIp2Place;
import org.geotraffic.geo.mmdb.MmdbWriter;

/**
 * Small MaxMind DB files for tests, written with {@link MmdbWriter} into a test's folder, in the record
 * schemas of the databases the job meets in the field:
 *
 * <pre>{@code
 * Path db = TestDatabases.city("GeoIP2-City").network("81.2.69.160/27", "GB", "ENG", "London").write(dir);
 * Path db = TestDatabases.country("GeoLite2-Country").network("2001:db8::/32", "DE").write(dir);
 * Path db = TestDatabases.flat("ipinfo-country").network("192.0.2.0/24", Map.of("country_code", "DE")).write(dir);
 * }</pre>
 *
 * <ul>
 *   <li>{@link #city} for "GeoIP2-City", "GeoLite2-City" and "DBIP-City-Lite": continent, country,
 *       subdivisions and city, as {@code DatabaseReader.city} reads them. MaxMind subdivisions carry an
 *       {@code iso_code} without the country prefix ({@code ENG}); DB-IP Lite subdivisions carry only a
 *       name, so for a type starting with "DBIP" the subdivision argument is written as the English name.
 *   <li>{@link #country} for "GeoIP2-Country", "GeoLite2-Country" and "DBIP-Country-Lite": continent and
 *       country.
 *   <li>{@link #flat} for flat schemas (IPinfo, ip-location-db): one map of string fields per network.
 *   <li>{@link #raw} for anything else: arbitrary record maps, typed as {@link MmdbWriter#insert} describes.
 * </ul>
 *
 * <p>Countries of a small built-in table (GB, DE, US, FR, SE, JP, BR, NL, CA, AU) get English country and
 * continent names like MaxMind's; other codes get the {@code iso_code} only. Each file is named after its
 * type ({@code GeoIP2-City.mmdb}), has languages [en], build time {@link #BUILD_TIME} and is reproducible.
 * Builders are single-use and not thread-safe.
 */
public final class TestDatabases {
  /** The fixed build time of every test database. */
  public static final Instant BUILD_TIME = Instant.parse("2026-11-01T00:00:00Z");

  /** Continent code, continent name and country name by ISO 3166-1 code. */
  private static final Map<String, List<String>> COUNTRIES = Map.of(
      "GB", List.of("EU", "Europe", "United Kingdom"),
      "DE", List.of("EU", "Europe", "Germany"),
      "US", List.of("NA", "North America", "United States"),
      "FR", List.of("EU", "Europe", "France"),
      "SE", List.of("EU", "Europe", "Sweden"),
      "JP", List.of("AS", "Asia", "Japan"),
      "BR", List.of("SA", "South America", "Brazil"),
      "NL", List.of("EU", "Europe", "Netherlands"),
      "CA", List.of("NA", "North America", "Canada"),
      "AU", List.of("OC", "Oceania", "Australia"));

  private TestDatabases() {}

  /** A City-schema database; {@code type} must contain "City", as GeoIP2's {@code city()} requires. */
  public static CityDatabase city(String type) {
    requireTypeContains(type, "City");
    return new CityDatabase(type);
  }

  /** A Country-schema database; {@code type} must contain "Country". */
  public static CountryDatabase country(String type) {
    requireTypeContains(type, "Country");
    return new CountryDatabase(type);
  }

  /** A database with flat string records, e.g. {@code {"country_code":"DE","state1":"Bavaria"}}. */
  public static FlatDatabase flat(String type) {
    return new FlatDatabase(type);
  }

  /** A database with arbitrary records. */
  public static RawDatabase raw(String type) {
    return new RawDatabase(type);
  }

  private static void requireTypeContains(String type, String word) {
    if (type == null || !type.contains(word)) {
      throw new IllegalArgumentException(
          "Cannot build test database: type must contain \"" + word + "\", " + type);
    }
  }

  /** What every builder shares: the writer and the file it writes. */
  public abstract static class Database<B extends Database<B>> {
    private final String type;
    private final MmdbWriter writer;

    Database(String type) {
      this.type = type;
      this.writer = new MmdbWriter(
          type, Map.of("en", "geotraffic test database " + type), List.of("en"), BUILD_TIME.getEpochSecond());
    }

    String type() {
      return type;
    }

    @SuppressWarnings("unchecked")
    B put(String cidr, Map<String, ?> record) {
      writer.insert(cidr, record);
      return (B) this;
    }

    /** Writes {@code <type>.mmdb} into {@code dir}, replacing an existing file, and returns its path. */
    public Path write(Path dir) throws IOException {
      Path file = dir.resolve(type + ".mmdb");
      writer.write(file);
      return file;
    }
  }

  /** Builds a City-schema database. */
  public static final class CityDatabase extends Database<CityDatabase> {
    CityDatabase(String type) {
      super(type);
    }

    /**
     * Maps {@code cidr} to a city.
     *
     * @param subdivision MaxMind code without country prefix ({@code ENG}); for DB-IP types the English
     *     subdivision name; null for none
     * @param cityName English city name, or null for none
     */
    public CityDatabase network(String cidr, String countryIso, String subdivision, String cityName) {
      List<String> country = COUNTRIES.get(countryIso);
      boolean dbip = type().startsWith("DBIP");
      return network(cidr, new GeoIp2Place(
          country == null ? null : country.get(0),
          country == null ? null : country.get(1),
          countryIso,
          country == null ? null : country.get(2),
          dbip ? null : subdivision,
          dbip ? subdivision : null,
          cityName));
    }

    /** Maps {@code cidr} to {@code place}, with full control over codes and names. */
    public CityDatabase network(String cidr, GeoIp2Place place) {
      return put(cidr, place.cityRecord());
    }
  }

  /** Builds a Country-schema database. */
  public static final class CountryDatabase extends Database<CountryDatabase> {
    CountryDatabase(String type) {
      super(type);
    }

    /** Maps {@code cidr} to the country {@code countryIso} (ISO 3166-1 alpha-2). */
    public CountryDatabase network(String cidr, String countryIso) {
      List<String> country = COUNTRIES.get(countryIso);
      return put(cidr, new GeoIp2Place(
          country == null ? null : country.get(0),
          country == null ? null : country.get(1),
          countryIso,
          country == null ? null : country.get(2),
          null, null, null).countryRecord());
    }
  }

  /** Builds a database of flat string records. */
  public static final class FlatDatabase extends Database<FlatDatabase> {
    FlatDatabase(String type) {
      super(type);
    }

    /** Maps {@code cidr} to {@code fields}, e.g. {@code {"country_code":"DE","state1":"Bavaria"}}. */
    public FlatDatabase network(String cidr, Map<String, String> fields) {
      return put(cidr, new LinkedHashMap<>(fields));
    }
  }

  /** Builds a database of arbitrary records. */
  public static final class RawDatabase extends Database<RawDatabase> {
    RawDatabase(String type) {
      super(type);
    }

    /** Maps {@code cidr} to {@code record}; values typed as {@link MmdbWriter#insert} describes. */
    public RawDatabase network(String cidr, Map<String, ?> record) {
      return put(cidr, record);
    }
  }
}
