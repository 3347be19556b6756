package org.geotraffic.geo;

/** The record schema of an MMDB file, detected from its metadata's database_type. */
public enum DatabaseKind {
  /** GeoIP2/GeoLite2/DB-IP City schema: country plus subdivisions. */
  CITY,
  /** GeoIP2/GeoLite2/DB-IP/IPFire Country schema: country only. */
  COUNTRY
}
