package org.geotraffic.geo;

import java.util.Objects;

/**
 * Where a client is: an ISO 3166-1 alpha-2 country and an ISO 3166-2 region with the country prefix
 * ({@code GB-ENG}), or one of the explicit buckets below. Aggregation happens on these codes only.
 *
 * @param country ISO 3166-1 alpha-2 code, {@link #UNKNOWN} or {@link #INTERNAL}
 * @param region ISO 3166-2 code ("US-NY"), a named internal network, or {@link #UNKNOWN} / {@link #INTERNAL}
 */
public record GeoLocation(String country, String region) {
  /** The database or the suffix rules do not know this client. */
  public static final String UNKNOWN = "(unknown)";
  /** Private, loopback or configured internal networks: our own traffic, not a place. */
  public static final String INTERNAL = "(internal)";

  public static final GeoLocation UNKNOWN_LOCATION = new GeoLocation(UNKNOWN, UNKNOWN);
  public static final GeoLocation INTERNAL_LOCATION = new GeoLocation(INTERNAL, INTERNAL);

  public GeoLocation {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(region, "region");
  }

  /** A known country whose region is not known. */
  public static GeoLocation countryOnly(String country) {
    return new GeoLocation(country, UNKNOWN);
  }
}
