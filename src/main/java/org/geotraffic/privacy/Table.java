package org.geotraffic.privacy;

/** The published tables, in hierarchy order. */
public enum Table {
  TOTALS("totals"),
  COUNTRIES("countries"),
  REGIONS("regions"),
  PAGES("pages"),
  PAGE_COUNTRIES("page_countries");

  private final String tableName;

  Table(String tableName) {
    this.tableName = tableName;
  }

  /** The name of the table's folder under the output directory and its config key suffix. */
  public String tableName() {
    return tableName;
  }
}
