package org.geotraffic.report;

import org.geotraffic.privacy.Table;

/**
 * One published row as the report reads it back. Key columns the table does not have are null;
 * {@code bytes} is 0 for page_countries, which publishes none.
 */
public record PublishedRecord(
    Table table, String date, String site, String country, String region, String page,
    long visitors, long pageviews, long hits, long bytes) {

  /** The row's key within its table and day, e.g. "DE" for countries, "DE|DE-BY" for regions. */
  public String key() {
    return switch (table) {
      case TOTALS -> "";
      case COUNTRIES -> country;
      case REGIONS -> country + "|" + region;
      case PAGES -> page;
      case PAGE_COUNTRIES -> page + "|" + country;
    };
  }
}
