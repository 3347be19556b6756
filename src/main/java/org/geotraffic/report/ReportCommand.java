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
import org.geotraffic.cli.ExitCode;
import org.geotraffic.output.RunSummaryWriter;
import org.geotraffic.pipeline.SparkSessions;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.publish.Publisher;

/**
 * {@code geotraffic report}: builds the HTML report (and CSV files) of one site from a finished job's
 * output directory. It reads only the published tables and the run summaries, never anything from before
 * suppression. Paths and run summaries are checked before the SparkSession starts.
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
      rows = new PublishedTablesStage(spark).read(options.output(), options);
    } catch (IOException | RuntimeException e) {
      console.println("geotraffic report: Cannot read the published tables: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }

    List<String> processed = runs.processedDates().stream().filter(options::inRange).toList();
    TreeSet<String> sites = new TreeSet<>();
    rows.forEach(r -> sites.add(r.site()));
    if (processed.isEmpty() && rows.isEmpty()) {
      console.println("geotraffic report: Cannot build the report: no day was published"
          + (options.from() == null ? "" : " between " + options.from() + " and " + options.to()) + ", " + options.output());
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

    ReportData data = ReportData.build(site, rows, processed, runs);
    try {
      Path html = Path.of(options.html()).toAbsolutePath();
      Files.createDirectories(html.getParent());
      byte[] bytes = HtmlReport.render(data).getBytes(StandardCharsets.UTF_8);
      Files.write(html, bytes);
      console.printf("geotraffic report: %s, %s to %s: %s (%,d bytes)%n", site, first(data), last(data), options.html(), bytes.length);
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
          || List.of(Table.values()).stream().anyMatch(t -> t.tableName().equals(name)));
    }
    if (!found) {
      throw new IOException("Cannot read the published tables: no table and no " + RunSummaryWriter.RUNS_DIR
          + " folder (is this a geotraffic output directory?), " + output);
    }
  }

  private static String first(ReportData d) {
    return d.dates().isEmpty() ? "-" : d.dates().get(0);
  }

  private static String last(ReportData d) {
    return d.dates().isEmpty() ? "-" : d.dates().get(d.dates().size() - 1);
  }
}
