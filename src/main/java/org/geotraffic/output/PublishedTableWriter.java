package org.geotraffic.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.PublishedRow;
import org.geotraffic.privacy.Table;

/**
 * Writes the published (already suppressed) rows as Parquet at {@code <output>/<table>/date=YYYY-MM-DD/}.
 *
 * <p>Rerunning a day replaces exactly that day: Spark's dynamic partition overwrite replaces only the
 * partitions written, and a processed day for which a table now has no row has its old partition
 * removed, so no stale numbers survive a rerun with a higher threshold.
 */
public final class PublishedTableWriter {
  public static final String DATE = "date";

  private PublishedTableWriter() {}

  /** The Parquet schema of a table (date is the partition column and comes last in the files' view). */
  public static StructType schema(Table table) {
    StructType s = new StructType().add(DATE, DataTypes.StringType, false).add("site", DataTypes.StringType, false);
    switch (table) {
      case COUNTRIES -> s = s.add("country", DataTypes.StringType, false);
      case REGIONS -> s = s.add("country", DataTypes.StringType, false).add("region", DataTypes.StringType, false);
      case PAGES -> s = s.add("page", DataTypes.StringType, false);
      case PAGE_COUNTRIES -> s = s.add("page", DataTypes.StringType, false).add("country", DataTypes.StringType, false);
      default -> { }
    }
    s = s.add("visitors", DataTypes.LongType, false).add("pageviews", DataTypes.LongType, false).add("hits", DataTypes.LongType, false);
    return table == Table.PAGE_COUNTRIES ? s : s.add("bytes", DataTypes.LongType, false);
  }

  private static Row toRow(Table table, PublishedRow r) {
    List<Object> v = new ArrayList<>();
    v.add(r.date());
    v.add(r.site());
    switch (table) {
      case COUNTRIES -> v.add(r.country());
      case REGIONS -> {
        v.add(r.country());
        v.add(r.region());
      }
      case PAGES -> v.add(r.page());
      case PAGE_COUNTRIES -> {
        v.add(r.page());
        v.add(r.country());
      }
      default -> { }
    }
    v.add(r.measures().visitors());
    v.add(r.measures().pageviews());
    v.add(r.measures().hits());
    if (table != Table.PAGE_COUNTRIES) {
      v.add(r.measures().bytes());
    }
    return RowFactory.create(v.toArray());
  }

  /**
   * Writes every table; returns rows written per table.
   *
   * @param processedDates the dates this run is responsible for (their old partitions are replaced or removed)
   */
  public static Map<Table, Long> write(SparkSession spark, String outputDir, Collection<PublishedDay> days, Set<String> processedDates,
      String compression) throws IOException {
    Map<Table, Long> written = new TreeMap<>();
    for (Table table : Table.values()) {
      List<Row> rows = new ArrayList<>();
      Set<String> datesWithRows = new java.util.TreeSet<>();
      for (PublishedDay day : days) {
        for (PublishedRow r : day.rows(table)) {
          rows.add(toRow(table, r));
          datesWithRows.add(r.date());
        }
      }
      // Sorted rows, one file per day: identical input gives identical files.
      rows.sort(Comparator.comparing(Row::toString));
      String dir = outputDir + "/" + table.tableName();
      if (!rows.isEmpty()) {
        spark.sparkContext().setJobDescription("write " + table.tableName());
        spark.createDataFrame(rows, schema(table))
            .repartition(org.apache.spark.sql.functions.col(DATE))
            .write()
            .mode(SaveMode.Overwrite)
            .option("compression", compression)
            .partitionBy(DATE)
            .parquet(dir);
      }
      removeStalePartitions(spark, dir, processedDates, datesWithRows);
      written.put(table, (long) rows.size());
    }
    return written;
  }

  private static void removeStalePartitions(SparkSession spark, String dir, Set<String> processed, Set<String> withRows) throws IOException {
    Path tableDir = new Path(dir);
    FileSystem fs = tableDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (String date : processed) {
      if (!withRows.contains(date)) {
        Path partition = new Path(tableDir, DATE + "=" + date);
        if (fs.exists(partition)) {
          fs.delete(partition, true);
        }
      }
    }
  }
}
