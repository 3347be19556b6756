package org.geotraffic.geo;

import java.time.Instant;

/**
 * What the run summary says about the database used.
 *
 * @param type metadata database_type ("GeoLite2-City")
 * @param buildDate metadata build_epoch
 * @param description English description, or empty
 * @param kind the schema used for lookups, detected at open
 * @param fields for {@link DatabaseKind#FLAT}, where country and region are read ({@link GeoFieldMapping#describe});
 *     empty for the GeoIP2 schemas
 */
public record GeoDatabaseInfo(String type, Instant buildDate, String description, DatabaseKind kind, String fields) {

  public GeoDatabaseInfo(String type, Instant buildDate, String description, DatabaseKind kind) {
    this(type, buildDate, description, kind, "");
  }

  /** "city", "country" or "flat (country=country_code, region=state1 (auto))": for the console and the summary. */
  public String schema() {
    String k = kind.name().toLowerCase(java.util.Locale.ROOT);
    return fields == null || fields.isEmpty() ? k : k + " (" + fields + ")";
  }
}
