package org.geotraffic.geo;

/**
 * The record schema of an MMDB file, detected when {@link GeoDatabase#open} reads the metadata and probes records.
 */
public enum DatabaseKind {
  /**
   * GeoIP2 City schema (GeoIP2/GeoLite2 City, DB-IP City Lite), read with GeoIP2's {@code DatabaseReader.city}:
   * country plus subdivisions (DB-IP Lite: names without codes, mapped by {@link SubdivisionNames}).
   */
  CITY,
  /** GeoIP2 Country schema (GeoIP2/GeoLite2/DB-IP/IPFire Country), read with {@code DatabaseReader.country}. */
  COUNTRY,
  /**
   * Any other record shape (IPinfo, ip-location-db, GeoIP2-shaped records under a type GeoIP2 refuses), read as
   * maps with {@code com.maxmind.db.Reader} through a {@link GeoFieldMapping}.
   */
  FLAT
}
