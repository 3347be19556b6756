package org.geotraffic.report;

import org.geotraffic.geo.GeoLocation;
import org.geotraffic.geo.Iso3166;
import org.geotraffic.privacy.PublishedRow;

/**
 * Words for the codes the published tables hold: English ISO 3166 names for countries and subdivisions,
 * and plain labels for the "(other)", "(unknown)" and "(internal)" buckets, which a reader must not take
 * for a place.
 */
public final class Labels {
  /** Kinds of a row: a real place or page, or one of the buckets. */
  public static final String PLACE = "place";
  public static final String OTHER = "other";
  public static final String UNKNOWN = "unknown";
  public static final String INTERNAL = "internal";

  private Labels() {}

  /**
   * The kind of a key: {@link #OTHER}, {@link #UNKNOWN}, {@link #INTERNAL} or {@link #PLACE}. A country's
   * "(other pages)" row of page_countries is an {@link #OTHER} too: a residual, never a page.
   */
  public static String kind(String key) {
    if (PublishedRow.OTHER.equals(key) || PublishedRow.OTHER_PAGES.equals(key)) {
      return OTHER;
    }
    if (GeoLocation.UNKNOWN.equals(key)) {
      return UNKNOWN;
    }
    return GeoLocation.INTERNAL.equals(key) ? INTERNAL : PLACE;
  }

  public static String country(String code) {
    return switch (kind(code)) {
      case OTHER -> "Other countries (combined)";
      case UNKNOWN -> "Unknown location";
      case INTERNAL -> "Internal network";
      default -> {
        String name = Iso3166.countryName(code);
        yield name == null ? code : name;
      }
    };
  }

  /** A region's label; a region that is no ISO 3166-2 code (a named internal network) keeps its name. */
  public static String region(String code) {
    return switch (kind(code)) {
      case OTHER -> "Other regions (combined)";
      case UNKNOWN -> "Region unknown";
      case INTERNAL -> "Internal network";
      default -> {
        String name = Iso3166.subdivisionName(code);
        yield name == null ? code : name;
      }
    };
  }

  public static String page(String page) {
    return OTHER.equals(kind(page)) ? "Other pages (combined)" : page;
  }

  /** How a value that was not published reads: "fewer than 10". */
  public static String fewerThan(int k) {
    return "fewer than " + k;
  }
}
