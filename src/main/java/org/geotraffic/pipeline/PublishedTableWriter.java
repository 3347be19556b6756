package org.geotraffic.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.geotraffic.config.Period;
import org.geotraffic.output.TableLayout;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.PublishedRow;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.Publication;

/**
 * The write stage: writes the published (already suppressed) rows as Parquet into the run's staging folder,
 * laid out as they are published ({@link TableLayout}: {@code <table>/date=YYYY-MM-DD/}). The publish step ({@link
 * org.geotraffic.publish.Publication}) then moves them into {@code <output>} all or nothing.
 *
 * <p>Rerunning a day replaces exactly that day: only the processed days' partitions are replaced, and
 * a processed day for which a table now has no row has its old partition removed, so no stale numbers
 * survive a rerun with a higher threshold.
 */
public final class PublishedTableWriter {
  /** The partition column ({@link TableLayout#DATE}). */
  public static final String DATE = TableLayout.DATE;

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
   * Writes every table into the run's staging folder {@code <output>/<staging>/<table>/date=D/} and
   * returns, per table, the rows written and what the publish must move: for each table and processed
   * date, the staged partition (which may not exist: a date for which the table has no row) and the
   * published one it replaces ({@link org.geotraffic.publish.Publication}). Nothing published changes here;
   * this is where the time of the write goes.
   *
   * @param days every (date, site)'s published rows, on the executors: they are written from there; all
   *     sites of a date must be in one partition (AggregateStage's day assembly puts them there), so that a
   *     date's rows are written by one task, as one file
   * @param rowsPerTable how many rows {@code days} hold per table (a table without rows is not written)
   * @param processedDates the dates this run is responsible for (their old partitions are replaced or removed)
   * @param period days, or weeks or months (their tables under weekly/ or monthly/, named by their first day)
   */
  public static Staged stage(SparkSession spark, Path output, String staging, JavaRDD<PublishedDay> days, Map<Table, Long> rowsPerTable,
      Set<String> processedDates, String compression, Period period) throws IOException {
    Path stagingDir = new Path(output, staging);
    Map<Table, Long> written = new TreeMap<>();
    // Whole partitions merged, so a date still has one task: as many tasks per table as the cluster runs at
    // once. A task per day cost more in per-task overhead than the rows took to write (10M benchmark
    // lines, 6 days: 30 tasks of about 0.1 s each for 89k rows).
    int slots = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaRDD<PublishedDay> writtenFrom = days.getNumPartitions() > slots ? days.coalesce(slots) : days;
    List<Callable<Long>> stagings = new ArrayList<>();
    for (Table table : Table.values()) {
      long rows = rowsPerTable.getOrDefault(table, 0L);
      stagings.add(() -> stage(spark, table, writtenFrom, rows, new Path(stagingDir, period.tablePath(table.tableName())), compression));
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
      // Rethrown as the submitting thread would have met it, so the job's exit code does not change.
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException("Cannot stage the tables in " + stagingDir + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while staging the tables in " + stagingDir, e);
    } finally {
      submitters.shutdownNow();
    }
    List<Publication.Install> installs = new ArrayList<>();
    for (Table table : Table.values()) {
      for (String date : new TreeSet<>(processedDates)) {
        String partition = TableLayout.partition(period, table, date);
        installs.add(new Publication.Install(partition, staging + "/" + partition));
      }
    }
    return new Staged(written, installs);
  }

  /** The rows staged per table, and the moves that publish them. */
  public record Staged(Map<Table, Long> rowsPerTable, List<Publication.Install> installs) {}

  /**
   * Writes one table's rows into its staging folder, one file per day: each day's rows are in one
   * partition of {@code days} already (see {@link #write}), so they are written where they are, without a
   * shuffle (a task writes the files of its days), sorted by every column (Spark's partitioned write keeps
   * their order within a day); identical input gives identical files. Returns the number of rows. (A shuffle
   * by date cost a second stage per table: 10M benchmark lines, 3.0 s for the five tables' writes.)
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
}
