package org.geotraffic.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.geotraffic.cli.GeoTraffic;
import org.geotraffic.pipeline.PublishedTableWriter;
import org.geotraffic.privacy.Table;

/**
 * The job-test harness: runs the geotraffic command in the test JVM, as an operator would, on the suite's shared
 * SparkSession (which the command then leaves alive), and reads back what a run left: the exit code and the console,
 * the run summary, the published tables. Tests that run the whole job go through here; a package's own helper only
 * adds its fixtures (a database, standard arguments).
 */
public final class JobRuns {
  private JobRuns() {}

  /** What the command returned and printed. */
  public record Run(int exitCode, String console) {}

  private static Path demoDatabase;

  /** The project's demo database, written once per JVM for every job test that needs no database of its own. */
  public static synchronized Path demoDatabase() {
    if (demoDatabase == null) {
      try {
        Path dir = Files.createTempDirectory("geotraffic-demo-db");
        demoDatabase = dir.resolve("demo-geo.mmdb");
        org.geotraffic.geo.mmdb.DemoDatabase.write(demoDatabase);
        dir.toFile().deleteOnExit();
        demoDatabase.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return demoDatabase;
  }

  /** {@code geotraffic <args>} on the shared session; never throws on a non-zero exit code. */
  public static Run run(String... args) {
    SparkTestSession.get();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try (PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      code = GeoTraffic.run(args, console);
    }
    return new Run(code, buffer.toString(StandardCharsets.UTF_8));
  }

  /** {@code geotraffic <args>} on the shared session; never throws on a non-zero exit code. */
  public static Run run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  /**
   * {@link #run(List)}, handing each console line to {@code onLine} as it is printed, in the job's thread: a test can act
   * at a named point of the run (the job prints a line per step).
   */
  public static Run run(List<String> args, java.util.function.Consumer<String> onLine) {
    SparkTestSession.get();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    java.io.OutputStream watched = new java.io.OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        buffer.write(b);
        if (b == '\n') {
          onLine.accept(line.toString(StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
    };
    int code;
    try (PrintStream console = new PrintStream(watched, true, StandardCharsets.UTF_8)) {
      code = GeoTraffic.run(args.toArray(String[]::new), console);
    }
    return new Run(code, buffer.toString(StandardCharsets.UTF_8));
  }

  /**
   * The run's own summary, {@code <output>/_runs/<runId>.json}, or null when it wrote none. (latest.json names only
   * the run whose tables are live; a refused run writes its own file only.)
   */
  public static JsonNode summary(Path output, String runId) {
    return json(output.resolve("_runs").resolve(runId + ".json"));
  }

  /** The summary of the run whose tables are live, {@code <output>/_runs/latest.json}, or null when there is none. */
  public static JsonNode latestSummary(Path output) {
    return json(output.resolve("_runs").resolve("latest.json"));
  }

  /**
   * A published table's rows (days), columns in the table's schema order, the date read back as a string (partition
   * discovery would type it as a date); empty when the table has no rows.
   */
  public static List<Row> table(Path output, Table table) {
    Path dir = output.resolve(table.tableName());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    return new ArrayList<>(SparkTestSession.get().read().parquet(dir.toString())
        .withColumn(PublishedTableWriter.DATE, functions.col(PublishedTableWriter.DATE).cast("string"))
        .selectExpr(PublishedTableWriter.schema(table).fieldNames())
        .collectAsList());
  }

  /**
   * {@link #table(Path, Table)} of an output on any Hadoop file system ({@code hdfs://...}, {@code s3a://...}), read
   * with the shared session's Hadoop settings.
   */
  public static List<Row> table(String output, Table table) {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output, table.tableName());
    try {
      if (!dir.getFileSystem(SparkTestSession.get().sparkContext().hadoopConfiguration()).exists(dir)) {
        return List.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the table " + dir, e);
    }
    return new ArrayList<>(SparkTestSession.get().read().parquet(dir.toString())
        .withColumn(PublishedTableWriter.DATE, functions.col(PublishedTableWriter.DATE).cast("string"))
        .selectExpr(PublishedTableWriter.schema(table).fieldNames())
        .collectAsList());
  }

  /** {@link #summary(Path, String)} of an output on any Hadoop file system. */
  public static JsonNode summary(String output, String runId) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(output, "_runs/" + runId + ".json");
    try {
      org.apache.hadoop.fs.FileSystem fs = file.getFileSystem(SparkTestSession.get().sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        return null;
      }
      try (var in = fs.open(file)) {
        return new ObjectMapper().readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run summary " + file, e);
    }
  }

  private static JsonNode json(Path file) {
    try {
      return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run summary " + file, e);
    }
  }
}
