package org.geotraffic.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.PublishedRow;
import org.geotraffic.privacy.Table;

/**
 * Writes the published (already suppressed) rows as Parquet at {@code <output>/<table>/date=YYYY-MM-DD/}.
 *
 * <p>Rerunning a day replaces exactly that day: only the processed days' partitions are replaced, and
 * a processed day for which a table now has no row has its old partition removed, so no stale numbers
 * survive a rerun with a higher threshold. How a run publishes without ever leaving a day half
 * written is described at {@link #write}.
 */
public final class PublishedTableWriter {
  public static final String DATE = "date";
  /** Under the output directory: each run's staged tables, until they are published. */
  public static final String STAGING_DIR = "_staging";
  /** Under a run's staging folder: the partitions it replaced, until it has published everything. */
  static final String REPLACED_DIR = "_replaced";

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
   * <p>Two phases, so that a run that dies while writing leaves the previous output untouched:
   *
   * <ol>
   *   <li>Stage: every table is written by Spark into this run's own folder
   *       {@code <output>/_staging/<id>/<table>/date=D/}. This is where all the time goes; nothing
   *       published changes. A run killed here leaves only its staging folder behind.
   *   <li>Publish: for each table and processed day, the published partition is moved aside into
   *       {@code _staging/<id>/_replaced/} and the staged one renamed into its place; then the staging
   *       folder is deleted. Renames only, no data copied (on HDFS and local disks; object stores
   *       emulate rename by copying, see docs/cluster.md).
   * </ol>
   *
   * <p>The window that remains: between the two renames of one partition, that partition is absent
   * (a reader sees the day missing, never half a day or a mix of runs within a table); and while
   * publishing walks the tables, a reader may see one table of the day already new and another still
   * old. If the process dies inside that window, the old partition is not lost: it is in
   * {@code _staging/<id>/_replaced/}, and rerunning the day publishes the day again. Runs of different
   * days never touch each other's partitions or staging folders, so they may run at the same time; two
   * runs of the same day at the same time are not supported (the last to publish wins).
   *
   * @param days every (date, site)'s published rows, on the executors: they are written from there; all
   *     sites of a date must be in one partition (AggregateStage's day assembly puts them there), so that a
   *     date's rows are written by one task, as one file
   * @param rowsPerTable how many rows {@code days} hold per table (a table without rows is not written)
   * @param processedDates the dates this run is responsible for (their old partitions are replaced or removed)
   */
  public static Map<Table, Long> write(SparkSession spark, String outputDir, JavaRDD<PublishedDay> days, Map<Table, Long> rowsPerTable,
      Set<String> processedDates, String compression) throws IOException {
    Path output = new Path(outputDir);
    FileSystem fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    Path staging = new Path(new Path(output, STAGING_DIR), UUID.randomUUID().toString());
    Map<Table, Long> written = new TreeMap<>();
    Set<String> dates = new TreeSet<>(processedDates);
    // Whole partitions merged, so a date still has one task: as many tasks per table as the cluster runs at
    // once. A task per day cost more in per-task overhead than the rows took to write (10M benchmark
    // lines, 6 days: 30 tasks of about 0.1 s each for 89k rows).
    int slots = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaRDD<PublishedDay> writtenFrom = days.getNumPartitions() > slots ? days.coalesce(slots) : days;
    List<Callable<Long>> stagings = new ArrayList<>();
    for (Table table : Table.values()) {
      long rows = rowsPerTable.getOrDefault(table, 0L);
      stagings.add(() -> stage(spark, table, writtenFrom, rows, new Path(staging, table.tableName()), compression));
    }
    // The five tables are small (89k rows at 10M benchmark lines) and their write jobs mostly fixed cost:
    // planning, writer set-up and commit. Submitted from one driver thread per table, their planning and
    // commits overlap while their tasks queue for the cores (10M benchmark: 5.8 s one after another, 3.4 s
    // together; on 2 cores the event log shows each job's two tasks starting when the previous job's end).
    ExecutorService submitters = Executors.newFixedThreadPool(stagings.size(), r -> {
      Thread t = new Thread(r, "geotraffic-write");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Long>> futures = submitters.invokeAll(stagings);
      Table[] tables = Table.values();
      for (int i = 0; i < tables.length; i++) {
        written.put(tables[i], futures.get(i).get());
      }
    } catch (ExecutionException e) {
      // Nothing was published yet: the staged files are of no use to anyone.
      fs.delete(staging, true);
      // Rethrown as the submitting thread would have met it, so the job's exit code does not change.
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException("Cannot stage the tables in " + staging, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fs.delete(staging, true);
      throw new IOException("Interrupted while staging the tables in " + staging, e);
    } finally {
      submitters.shutdownNow();
    }
    for (Table table : Table.values()) {
      for (String date : dates) {
        publish(fs, staging, table.tableName(), DATE + "=" + date, new Path(output, table.tableName()));
      }
    }
    fs.delete(staging, true);
    return written;
  }

  /**
   * Writes one table's rows into its staging folder, one file per day: each day's rows are in one
   * partition of {@code days} already (see {@link #write}), so they are written where they are, without a
   * shuffle (a task writes the files of its days), sorted by every column (Spark's partitioned write keeps
   * their order within a day); identical input gives identical files. Returns the number of rows. (A shuffle by date cost a second stage per
   * table: 10M benchmark lines, 3.0 s for the five tables' writes.)
   */
  private static long stage(SparkSession spark, Table table, JavaRDD<PublishedDay> days, long rows, Path dir, String compression) {
    if (rows == 0) {
      return 0;
    }
    spark.sparkContext().setJobDescription("write " + table.tableName());
    Column[] columns = Arrays.stream(schema(table).fieldNames()).map(functions::col).toArray(Column[]::new);
    spark.createDataFrame(days.flatMap(d -> d.rows(table).stream().map(r -> toRow(table, r)).iterator()), schema(table))
        .sortWithinPartitions(columns)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", compression)
        .partitionBy(DATE)
        .parquet(dir.toString());
    return rows;
  }

  /** Replaces (or removes, when the run has no rows for it) one published partition by renames. */
  private static void publish(FileSystem fs, Path staging, String table, String partition, Path tableDir) throws IOException {
    Path target = new Path(tableDir, partition);
    Path fresh = new Path(new Path(staging, table), partition);
    Path replaced = new Path(new Path(new Path(staging, REPLACED_DIR), table), partition);
    boolean hasFresh = fs.exists(fresh);
    boolean movedAside = false;
    if (fs.exists(target)) {
      fs.mkdirs(replaced.getParent());
      if (!fs.rename(target, replaced)) {
        throw new IOException("Cannot publish " + table + "/" + partition + ": rename failed, " + target + " -> " + replaced);
      }
      movedAside = true;
    }
    if (hasFresh) {
      fs.mkdirs(tableDir);
      if (!fs.rename(fresh, target)) {
        // Put the previous output back rather than leave the day missing.
        if (movedAside && !fs.exists(target)) {
          fs.rename(replaced, target);
        }
        throw new IOException("Cannot publish " + table + "/" + partition + ": rename failed, " + fresh + " -> " + target);
      }
    }
  }
}
