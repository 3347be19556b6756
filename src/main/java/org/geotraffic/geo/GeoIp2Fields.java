package org.geotraffic.geo;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import java.util.List;
import java.util.Map;

/**
 * The few fields of a GeoIP2 City or Country record that {@link GeoDatabase} turns into a {@link GeoLocation}, as
 * maxmind-db's {@code Reader} decodes them into small objects: the country's ISO code and the first subdivision's ISO
 * code and English name. Every other field of the record is skipped by the library, not decoded.
 *
 * <p>The declared types are those of GeoIP2's own model ({@code com.maxmind.geoip2.record.Country}, {@code
 * Subdivision}), so a record GeoIP2 can decode is decodable here too. Public only because the library instantiates
 * the records reflectively; not part of the job's API.
 */
public final class GeoIp2Fields {
  private GeoIp2Fields() {}

  /** {@code country} (and nothing else) of a Country record. */
  public record CountryRecord(IsoCoded country) {
    @MaxMindDbConstructor
    public CountryRecord(@MaxMindDbParameter(name = "country") IsoCoded country) {
      this.country = country;
    }
  }

  /** {@code country} and {@code subdivisions} of a City record. */
  public record CityRecord(IsoCoded country, List<Subdivision> subdivisions) {
    @MaxMindDbConstructor
    public CityRecord(@MaxMindDbParameter(name = "country") IsoCoded country,
        @MaxMindDbParameter(name = "subdivisions") List<Subdivision> subdivisions) {
      this.country = country;
      this.subdivisions = subdivisions;
    }
  }

  /** A country: only {@code iso_code}. */
  public record IsoCoded(String isoCode) {
    @MaxMindDbConstructor
    public IsoCoded(@MaxMindDbParameter(name = "iso_code") String isoCode) {
      this.isoCode = isoCode;
    }
  }

  /** A subdivision: {@code iso_code} and {@code names} (DB-IP Lite writes only the names). */
  public record Subdivision(String isoCode, Map<String, String> names) {
    @MaxMindDbConstructor
    public Subdivision(@MaxMindDbParameter(name = "iso_code") String isoCode,
        @MaxMindDbParameter(name = "names") Map<String, String> names) {
      this.isoCode = isoCode;
      this.names = names;
    }
  }
}
