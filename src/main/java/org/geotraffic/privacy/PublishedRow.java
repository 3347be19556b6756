package org.geotraffic.privacy;

/**
 * One row as published. Key columns a table does not have are null (totals has none; countries has
 * country; regions has country and region; pages has page; page_countries has page and country).
 * An "other" row carries {@link #OTHER} in the key it folds.
 */
public record PublishedRow(String date, String site, String country, String region, String page, Measures measures) implements java.io.Serializable {
  public static final String OTHER = "(other)";
}
