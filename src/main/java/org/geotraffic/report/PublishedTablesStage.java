package org.geotraffic.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.geotraffic.output.PublishedTableWriter;
import org.geotraffic.privacy.Table;

/**
 * The report's one Spark stage: reads the five published (already suppressed) Parquet tables under the job's
 * output directory, keeps the requested days, and brings the rows to the driver.
 *
 * <p>It reads nothing but {@code <output>/<table>/date=.../*.parquet}: the report can only show what the
 * job published. Collecting is bounded: these are the suppressed daily aggregates, not events.
 */
public final class PublishedTablesStage {
  private final SparkSession spark;

  public PublishedTablesStage(SparkSession spark) {
    this.spark = spark;
  }

  /** All published rows of the days {@code options} asks for (all sites; the caller picks one). */
  public List<PublishedRecord> read(String outputDir, ReportOptions options) throws IOException {
    List<PublishedRecord> rows = new ArrayList<>();
    spark.sparkContext().setJobDescription("report: read published tables");
    for (Table table : Table.values()) {
      Path dir = new Path(outputDir, table.tableName());
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir) || fs.listStatus(dir, p -> p.getName().startsWith(PublishedTableWriter.DATE + "=")).length == 0) {
        continue;
      }
      Dataset<Row> df = spark.read()
          .schema(PublishedTableWriter.schema(table))
          .option("basePath", dir.toString())
          .parquet(dir.toString());
      if (options.from() != null) {
        df = df.where(functions.col(PublishedTableWriter.DATE).between(options.from(), options.to()));
      }
      for (Row r : df.collectAsList()) {
        rows.add(toRecord(table, r));
      }
    }
    return rows;
  }

  private static PublishedRecord toRecord(Table table, Row r) {
    String country = has(table, "country") ? r.getAs("country") : null;
    String region = table == Table.REGIONS ? r.getAs("region") : null;
    String page = has(table, "page") ? r.getAs("page") : null;
    long bytes = table == Table.PAGE_COUNTRIES ? 0L : r.<Long>getAs("bytes");
    return new PublishedRecord(table, r.getAs(PublishedTableWriter.DATE), r.getAs("site"), country, region, page,
        r.<Long>getAs("visitors"), r.<Long>getAs("pageviews"), r.<Long>getAs("hits"), bytes);
  }

  private static boolean has(Table table, String column) {
    return List.of(PublishedTableWriter.schema(table).fieldNames()).contains(column);
  }
}
