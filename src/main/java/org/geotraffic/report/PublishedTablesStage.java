package org.geotraffic.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.geotraffic.config.OutputFormat;
import org.geotraffic.ledger.TableSnapshots;
import org.geotraffic.output.TableLayout;
import org.geotraffic.pipeline.IcebergReleaseView;
import org.geotraffic.pipeline.IcebergTables;
import org.geotraffic.pipeline.PublishedTableWriter;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileSystems;

/**
 * The report's one Spark stage: reads the five published (already suppressed) Parquet tables of one kind of
 * period under the job's output directory, keeps the requested periods, and brings the rows to the driver.
 *
 * <p>It reads nothing but the partitions {@code <output>/<table>/date=.../} (days) or
 * {@code <output>/weekly/<table>/date=.../} and {@code <output>/monthly/<table>/date=.../}: the report can
 * only show what the job published. The partitions are listed by name and handed to Spark one by one, so
 * neither the other periods' folders nor the operator's {@code _} folders (the release ledger
 * {@code _ledger/}, staging, {@code _runs/}) are read, whatever they hold. Collecting is bounded: these are
 * the suppressed aggregates, not events.
 */
public final class PublishedTablesStage {
  private final SparkSession spark;
  private final List<String> notes = new ArrayList<>();

  public PublishedTablesStage(SparkSession spark) {
    this.spark = spark;
  }

  /** All published rows of the periods {@code options} asks for (all sites; the caller picks one). */
  public List<PublishedRecord> read(String outputDir, ReportOptions options) throws IOException {
    notes.clear();
    List<PublishedRecord> rows = new ArrayList<>();
    spark.sparkContext().setJobDescription("report: read published " + options.period().key() + " tables");
    if (format(outputDir, options, spark.sparkContext().hadoopConfiguration()) == OutputFormat.ICEBERG) {
      return readIceberg(outputDir, options);
    }
    for (Table table : Table.values()) {
      Path dir = new Path(outputDir, options.period().tablePath(table.tableName()));
      String[] partitions = partitions(dir, options);
      if (partitions.length == 0) {
        continue;
      }
      Dataset<Row> df = spark.read()
          .schema(PublishedTableWriter.schema(table))
          .option("basePath", dir.toString())
          .parquet(partitions);
      for (Row r : df.collectAsList()) {
        rows.add(toRecord(table, r));
      }
    }
    return rows;
  }

  /**
   * The layout to read: as told (--format, --catalog), else Iceberg when the output directory holds the default catalog's
   * tables of the period ({@code <output>/<namespace>/<table>/metadata/}), else Parquet folders.
   */
  public static OutputFormat format(String outputDir, ReportOptions options, org.apache.hadoop.conf.Configuration conf) throws IOException {
    if (options.format() != null) {
      return options.format();
    }
    Path namespace = new Path(outputDir, options.namespace());
    FileSystem fs = namespace.getFileSystem(conf);
    for (Table table : Table.values()) {
      if (fs.isDirectory(new Path(new Path(namespace, TableLayout.icebergTable(options.period(), table)), "metadata"))) {
        return OutputFormat.ICEBERG;
      }
    }
    return OutputFormat.PARQUET;
  }

  /**
   * The rows of the period's Iceberg tables as main shows them, in the requested range, each table read at the snapshot
   * {@link IcebergReleaseView} chose once for all of them: when a run was stopped between its tables' fast-forwards, the
   * release before it in every table (the next run completes the stopped one).
   */
  private List<PublishedRecord> readIceberg(String outputDir, ReportOptions options) throws IOException {
    IcebergTables tables = IcebergTables.of(spark, options.icebergTarget(), new Path(outputDir), options.period());
    FileSystems.Located out = FileSystems.locate(outputDir, spark.sparkContext().hadoopConfiguration());
    IcebergReleaseView view = IcebergReleaseView.of(tables, TableSnapshots.readAll(out.moves(), out.dir()));
    if (view.halfPublishedRun() != null) {
      notes.add("run " + view.halfPublishedRun() + " was stopped while it fast-forwarded the Iceberg tables (" + view.tablesMoved()
          + " of " + Table.values().length + " moved): this report shows the release before it in every table; the next run into"
          + " the output completes it");
    }
    List<PublishedRecord> rows = new ArrayList<>();
    for (Table table : Table.values()) {
      if (!view.snapshots().containsKey(table)) {
        continue;
      }
      Dataset<Row> df = tables.readAt(table, view.snapshots().get(table));
      if (options.from() != null) {
        df = df.where(functions.col(TableLayout.DATE).between(options.from(), options.to()));
      }
      for (Row r : df.collectAsList()) {
        rows.add(toRecord(table, r));
      }
    }
    return rows;
  }

  /** What the last {@link #read} had to tell the reader (a release it did not show, and why). */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The table's {@code date=} partition folders in the requested range; none when the table folder is absent. */
  private String[] partitions(Path dir, ReportOptions options) throws IOException {
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.isDirectory(dir)) {
      return new String[0];
    }
    String prefix = PublishedTableWriter.DATE + "=";
    List<String> paths = new ArrayList<>();
    for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(prefix))) {
      if (f.isDirectory() && options.inRange(f.getPath().getName().substring(prefix.length()))) {
        paths.add(f.getPath().toString());
      }
    }
    return paths.stream().sorted().toArray(String[]::new);
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
