package org.geotraffic.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.config.ExitCode;
import org.geotraffic.config.IcebergRuntime;
import org.geotraffic.config.OutputFormat;
import org.geotraffic.config.Period;
import org.geotraffic.output.RunSummaryWriter;
import org.geotraffic.pipeline.SparkSessions;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.publish.Publisher;

/**
 * {@code geotraffic report}: builds the HTML report (and CSV files) of one site from a finished job's
 * output directory, for days (the default) or for the weekly or monthly tables of {@code run --period}. It
 * reads only the published tables of that period and the run summaries, never anything from before
 * suppression nor the operator's {@code _} folders. Paths and run summaries are checked before the
 * SparkSession starts.
 *
 * <p>A week or month report with no such table in range exits 3, naming the folder and the {@code run
 * --period} that makes it: summing days instead would count a visitor once per day under a label that
 * promises distinct visitors.
 */
public final class ReportCommand {
  private ReportCommand() {}

  /** Runs the command with the arguments after the word {@code report}; returns the exit code. */
  public static int run(String[] args, PrintStream console) {
    ReportOptions options;
    try {
      options = ReportOptions.parse(args);
    } catch (ReportOptions.UsageException e) {
      console.println("geotraffic report: " + e.getMessage());
      console.print(ReportOptions.USAGE);
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    if (options.help()) {
      console.print(ReportOptions.USAGE);
      return ExitCode.OK.code();
    }
    Configuration hadoop = new Configuration();
    RunSummaries runs;
    try {
      checkOutputDir(options.output(), hadoop);
      if (PublishedTablesStage.format(options.output(), options, hadoop) == OutputFormat.ICEBERG
          && !IcebergRuntime.present(Thread.currentThread().getContextClassLoader())) {
        console.println("geotraffic report: Cannot read Iceberg tables: the Iceberg Spark runtime is not on the classpath ("
            + options.output() + " holds Iceberg tables, or --format iceberg / --catalog was given); add it with spark-submit --packages"
            + " org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.12.0 (Spark 3.5) or org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0"
            + " (Spark 4.1)");
        return ExitCode.USAGE_OR_CONFIG.code();
      }
      // A run killed while it published left a journal: complete or roll back its publish before reading.
      FileSystems.Located out = FileSystems.locate(options.output(), hadoop);
      try {
        for (String line : Publisher.recover(out.moves(), out.dir(), "report")) {
          console.println("geotraffic report: recovered: " + line);
        }
      } catch (IOException e) {
        if (Publisher.hasUnfinishedPublish(out.moves(), out.dir())) {
          throw new IOException("Cannot read the published tables: a publish is unfinished and cannot be completed from here ("
              + e.getMessage() + "); run geotraffic report or run with write access to " + options.output(), e);
        }
      }
      runs = RunSummaries.read(options.output(), hadoop);
    } catch (IOException e) {
      console.println("geotraffic report: " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    }
    if (runs.isEmpty()) {
      console.println("geotraffic report: Cannot read the thresholds: no succeeded run summary in "
          + options.output() + "/" + RunSummaryWriter.RUNS_DIR);
      return ExitCode.INPUT_OR_OUTPUT.code();
    }

    boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create("geotraffic report", Map.of());
    List<PublishedRecord> rows;
    try {
      PublishedTablesStage published = new PublishedTablesStage(spark);
      rows = published.read(options.output(), options);
      published.notes().forEach(note -> console.println("geotraffic report: " + note));
    } catch (IOException | RuntimeException e) {
      console.println("geotraffic report: Cannot read the published tables: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }

    Period period = options.period();
    List<String> processed = runs.processedDates(period).stream().filter(options::inRange).toList();
    TreeSet<String> sites = new TreeSet<>();
    rows.forEach(r -> sites.add(r.site()));
    if (processed.isEmpty() && rows.isEmpty()) {
      console.println("geotraffic report: " + nothingPublished(options, runs));
      return ExitCode.INPUT_OR_OUTPUT.code();
    }
    String site = options.site();
    if (site == null) {
      if (sites.size() > 1) {
        console.println("geotraffic report: the output holds several sites (" + String.join(", ", sites) + "): choose one with --site");
        return ExitCode.USAGE_OR_CONFIG.code();
      }
      site = sites.isEmpty() ? "default" : sites.first();
    } else if (!sites.contains(site)) {
      console.println("geotraffic report: Cannot build the report: site '" + site + "' has no published rows"
          + (sites.isEmpty() ? "" : " (sites: " + String.join(", ", sites) + ")") + ", " + options.output());
      return ExitCode.USAGE_OR_CONFIG.code();
    }

    ReportData data = ReportData.build(site, period, rows, processed, runs);
    try {
      Path html = Path.of(options.html()).toAbsolutePath();
      Files.createDirectories(html.getParent());
      byte[] bytes = HtmlReport.render(data).getBytes(StandardCharsets.UTF_8);
      Files.write(html, bytes);
      console.printf("geotraffic report: %s, %s: %s (%,d bytes)%n", site, consoleRange(data), options.html(), bytes.length);
      if (options.csvDir() != null) {
        List<Path> files = CsvReport.write(data, Path.of(options.csvDir()));
        console.printf("geotraffic report: %d CSV files in %s%n", files.size(), options.csvDir());
      }
    } catch (IOException e) {
      console.println("geotraffic report: Cannot write the report: " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    }
    return ExitCode.OK.code();
  }

  /**
   * Why there is nothing to report. Days: none published in the range (naming the weeks or months that
   * are, if any). Weeks and months: the period's folder and the {@code run --period} that publishes it;
   * the report never falls back to summing days, which would count a person once per day.
   */
  static String nothingPublished(ReportOptions options, RunSummaries runs) {
    Period period = options.period();
    String range = options.from() == null ? "" : " between " + options.from() + " and " + options.to();
    if (period == Period.DAY) {
      List<String> others = runs.periods().stream().filter(p -> p != Period.DAY).map(p -> "--period " + p.key()).toList();
      return "Cannot build the report: no day was published" + range + ", " + options.output()
          + (others.isEmpty() ? "" : " (the output holds other periods: " + String.join(", ", others) + ")");
    }
    String folder = options.output() + "/" + period.folder() + "/";
    return "Cannot build the " + PeriodWords.adjective(period) + " report: no " + period.key() + " was published" + range
        + " under " + folder + " (the report does not sum days into " + period.key() + "s: that would count a visitor once per day);"
        + " publish one with: geotraffic run --period " + period.key() + " --date <any day of the " + period.key()
        + "> --input <its logs> --output " + options.output() + " --geoip-db <database>";
  }

  /** The output directory exists and holds a published table or a run summary. */
  static void checkOutputDir(String output, Configuration conf) throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output);
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      throw new IOException("Cannot read the published tables: no such directory, " + output);
    }
    if (!fs.getFileStatus(dir).isDirectory()) {
      throw new IOException("Cannot read the published tables: not a directory, " + output);
    }
    boolean found = false;
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      found |= f.isDirectory() && (name.equals(RunSummaryWriter.RUNS_DIR)
          || List.of(Table.values()).stream().anyMatch(t -> t.tableName().equals(name))
          || List.of(Period.values()).stream().anyMatch(p -> !p.folder().isEmpty() && p.folder().equals(name)));
    }
    if (!found) {
      throw new IOException("Cannot read the published tables: no table and no " + RunSummaryWriter.RUNS_DIR
          + " folder (is this a geotraffic output directory?), " + output);
    }
  }

  /** "2026-11-01 to 2026-11-03" for days (as ever), "weekly, 2026-11-23 to 2026-11-29 (1 week)" for periods. */
  private static String consoleRange(ReportData d) {
    if (d.period() != Period.DAY) {
      return PeriodWords.range(d.period(), d.dates());
    }
    return d.dates().isEmpty() ? "- to -" : d.dates().get(0) + " to " + d.dates().get(d.dates().size() - 1);
  }
}
