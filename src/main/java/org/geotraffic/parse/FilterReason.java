package org.geotraffic.parse;

/**
 * Why a well-formed line was deliberately left out. Each reason is a counter in the run summary
 * ({@code lines.filtered.<key>}).
 */
public enum FilterReason {
  /** An empty or whitespace-only line. */
  BLANK("blank"),
  /** A directive or comment line, such as W3C "#Fields:" headers. */
  DIRECTIVE("directive"),
  /** The event's date lies outside the requested window. */
  OUT_OF_WINDOW("out-of-window"),
  /**
   * A week or month leaves out a line of a day whose published day version does not include it (late input
   * since that day was published): rerun the day first, then the period.
   */
  NEWER_THAN_PUBLISHED_DAY("newer-than-published-day");

  private final String key;

  FilterReason(String key) {
    this.key = key;
  }

  /** The kebab-case name used in the run summary. */
  public String key() {
    return key;
  }
}
