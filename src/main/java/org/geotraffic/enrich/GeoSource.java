package org.geotraffic.enrich;

/** How a client's location was decided; counted in the run summary (geo.&lt;key&gt;). */
public enum GeoSource {
  /** Found in the MaxMind database. */
  DATABASE("database"),
  /** An IP the database does not have, and not a special range. */
  NOT_IN_DATABASE("not-in-database"),
  /** A configured internal network (geo.internal-networks). */
  INTERNAL_NETWORK("internal-network"),
  /** Private, loopback, link-local, CGNAT or unique-local address. */
  SPECIAL_INTERNAL("special-internal"),
  /** Documentation, multicast, reserved or unspecified address (not a real client location). */
  SPECIAL_INVALID("special-invalid"),
  /** A host name placed by its domain suffix. */
  HOST_NAME("host-name"),
  /** A host name whose suffix says nothing about a place (generic TLD, bare name). */
  HOST_NAME_UNKNOWN("host-name-unknown"),
  /** The database failed on this record (corrupt data); counted, the line stays with an unknown location. */
  LOOKUP_ERROR("lookup-error");

  private final String key;

  GeoSource(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
