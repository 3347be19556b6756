package org.geotraffic.privacy;

/**
 * One row as published. Key columns a table does not have are null (totals has none; countries has
 * country; regions has country and region; pages has page; page_countries has page and country).
 * An "other" row carries {@link #OTHER} in the key it folds; a page_countries row ({@link #OTHER_PAGES}, country)
 * holds the country's cells that page_countries does not publish as their own rows.
 */
public record PublishedRow(String date, String site, String country, String region, String page, Measures measures) implements java.io.Serializable {
  public static final String OTHER = "(other)";
  /** The page of a page_countries row that holds what a country's own page cells do not. */
  public static final String OTHER_PAGES = "(other pages)";

  /** A page_countries row of a country's "(other pages)". */
  public boolean isOtherPages() {
    return OTHER_PAGES.equals(page) && country != null && !OTHER.equals(country);
  }
}
