package org.geotraffic.output;

import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;

/**
 * Where the published tables lie under the output directory: {@code <period folder>/<table>/date=YYYY-MM-DD/}, one
 * folder per day (or per week or month, named by its first day). Names only, no Spark: the write stage
 * (org.geotraffic.pipeline.PublishedTableWriter) lays the tables out so, and the checks before a publish read them so.
 */
public final class TableLayout {
  /** The partition column of every table. */
  public static final String DATE = "date";

  private TableLayout() {}

  /** A table's partition of one date (the first day of a week or month), relative to the output directory. */
  public static String partition(Period period, Table table, String date) {
    return period.tablePath(table.tableName()) + "/" + DATE + "=" + date;
  }

  /**
   * A table's name in the Iceberg namespace (output.format=iceberg): the folder path with {@code _} for {@code /}, so
   * {@code countries}, {@code weekly_countries}, {@code monthly_countries}. One level of namespace: Trino and DuckDB
   * read nested namespaces poorly.
   */
  public static String icebergTable(Period period, Table table) {
    return period.tablePath(table.tableName()).replace('/', '_');
  }
}
