package org.geotraffic.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.config.ConfigException;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.ExitCode;
import org.geotraffic.config.JobConfig;
import org.geotraffic.config.Secrets;
import org.geotraffic.geo.GeoDatabaseException;
import org.geotraffic.geo.GeoDatabaseInfo;
import org.geotraffic.geo.OpenedDatabases;
import org.geotraffic.output.RunSummary;
import org.geotraffic.pipeline.GeoTrafficJob;
import org.geotraffic.pipeline.InputFiles;
import org.geotraffic.pipeline.RunRefusedException;
import org.geotraffic.pipeline.RunRequest;
import org.geotraffic.pipeline.SparkSessions;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.WhatIf;
import org.geotraffic.publish.AtomicRename;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.publish.Publisher;

/**
 * The geotraffic command. {@link #run} checks the whole setup — command line, configuration, geo
 * database, input and output paths — before any SparkSession starts, then runs the job and returns
 * the exit code ({@link ExitCode}). Messages name the key or path at fault and never a client.
 */
public final class GeoTraffic {
  private GeoTraffic() {}

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  /** Runs the command and returns its exit code; progress and errors go to {@code console}. */
  public static int run(String[] args, PrintStream console) {
    if (args.length > 0 && args[0].equals("lookup")) {
      // An operator's tool on input they supply, kept out of the job path: no Spark, no output files.
      return LookupCommand.run(args, System.in, System.out, console);
    }
    if (args.length > 0 && args[0].equals(CommandLine.REPORT)) {
      return org.geotraffic.report.ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), console);
    }
    CommandLine cl;
    try {
      cl = CommandLine.parse(args);
    } catch (CommandLine.UsageException e) {
      console.println("geotraffic: " + e.getMessage());
      console.print(CommandLine.USAGE);
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    if (cl.help()) {
      console.print(CommandLine.USAGE);
      return ExitCode.OK.code();
    }
    JobConfig config;
    try {
      config = ConfigLoader.load(cl.config() == null ? null : Path.of(cl.config()), cl.sets());
    } catch (ConfigException e) {
      console.println("geotraffic: Cannot load configuration:");
      e.problems().forEach(p -> console.println("  - " + p));
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    List<String> warnings = new ArrayList<>();
    if (cl.command().equals("what-if") && cl.output() != null) {
      warnings.add("what-if writes nothing: --output " + Secrets.withoutCredentials(cl.output()) + " is ignored");
    }
    List<String> unprotected = new ArrayList<>();
    for (Table t : Table.values()) {
      if (config.suppression().minVisitors(t) == 1) {
        unprotected.add(t.tableName());
      }
    }
    if (!unprotected.isEmpty()) {
      warnings.add("k=1 (suppression.min-visitors) for " + String.join(", ", unprotected) + ": every row is published, rows about a"
          + " single visitor included; nothing is suppressed there");
    }
    warnings.forEach(w -> console.println("geotraffic: warning: " + w));
    File dbFile = databaseFile(cl.geoipDb());
    GeoDatabaseInfo dbInfo;
    try {
      // Kept open for the JVM: a local run's executors use this validated instance instead of opening the file again.
      dbInfo = OpenedDatabases.open(dbFile, config.geoFields()).info();
    } catch (GeoDatabaseException e) {
      console.println("geotraffic: " + e.getMessage());
      return ExitCode.GEO_DATABASE.code();
    }
    InputFiles input;
    Configuration hadoop = hadoopConfiguration(config);
    if (cl.output() != null && cl.command().equals("run")) {
      // Bad setup fails early: a publish that cannot swap folders atomically is refused before anything is read or written.
      try {
        String refusal = AtomicRename.refusal(cl.output(), hadoop, config.allowNonAtomicRename());
        if (refusal != null) {
          console.println("geotraffic: " + refusal);
          return ExitCode.USAGE_OR_CONFIG.code();
        }
      } catch (IOException e) {
        console.println("geotraffic: Cannot check the output's file system: " + Secrets.withoutCredentialsIn(e.getMessage()) + ", " + Secrets.withoutCredentials(cl.output()));
        return ExitCode.INPUT_OR_OUTPUT.code();
      }
    }
    try {
      input = InputFiles.resolve(cl.inputs(), hadoop, config.failOnCorrupt());
      if (cl.output() != null && cl.command().equals("run")) {
        prepareOutput(cl.output(), hadoop);
      }
    } catch (InputFiles.InputException e) {
      console.println("geotraffic: " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    }
    String runId = cl.runId() != null ? cl.runId() : newRunId();
    if (cl.command().equals("run")) {
      // A run killed while it published left a journal: its publish is completed or rolled back before anything is read.
      try {
        FileSystems.Located out = FileSystems.locate(cl.output(), hadoop);
        for (String line : Publisher.recover(out.moves(), out.dir(), runId)) {
          console.println("geotraffic: recovered: " + line);
        }
      } catch (IOException e) {
        console.println("geotraffic: Cannot recover the output directory: " + e.getMessage());
        return ExitCode.INPUT_OR_OUTPUT.code();
      }
    }
    console.printf("geotraffic: run %s: %d input files (%,d bytes), database %s (%s) built %s, k=%d%n", runId,
        input.files().size(), input.totalBytes(), dbInfo.type(), dbInfo.schema(), dbInfo.buildDate(), config.suppression().minVisitors());
    RunRequest request = new RunRequest(runId, input, cl.output(), dbFile, dbInfo, config, cl.from(), cl.to(), cl.allowEmpty(), warnings,
        cl.period());

    // A session that existed before (a notebook, a test suite) is the caller's to stop.
    boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark;
    try {
      spark = SparkSessions.create("geotraffic " + runId, config.sparkConf());
    } catch (RuntimeException | LinkageError e) {
      console.println("geotraffic: Cannot start Spark: " + FailureMessages.firstLine(e) + sparkKeysSet(config));
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    try {
      String bad = SparkSessions.rejectedSqlSetting(spark, config.sparkConf());
      if (bad != null) {
        console.println("geotraffic: Cannot load configuration: " + bad);
        return ExitCode.USAGE_OR_CONFIG.code();
      }
      GeoTrafficJob job = new GeoTrafficJob(spark, line -> console.println("geotraffic: " + line));
      if (cl.command().equals("what-if")) {
        console.println("geotraffic: what-if: " + whatIfScope(cl));
        WhatIf.Result result = job.whatIf(request, cl.ks());
        console.print(WhatIf.formatTable(result));
        System.out.println(WhatIf.toJson(result));
        return ExitCode.OK.code();
      }
      RunSummary summary = job.run(request);
      console.printf("geotraffic: done in %,d ms; tables under %s, summary %s/_runs/%s.json%n", summary.durationMillis(),
          Secrets.withoutCredentials(cl.output()), Secrets.withoutCredentials(cl.output()), runId);
      return ExitCode.OK.code();
    } catch (RunRefusedException e) {
      console.println("geotraffic: " + e.getMessage());
      return switch (e.reason()) {
        case AUDIT_FAILED -> ExitCode.AUDIT_FAILED.code();
        case REJECT_RATIO_EXCEEDED -> ExitCode.REJECT_RATIO_EXCEEDED.code();
        case CORRUPT_INPUT -> ExitCode.INPUT_OR_OUTPUT.code();
        case DAY_WOULD_SHRINK -> ExitCode.DAY_WOULD_SHRINK.code();
        case CROSS_RELEASE_WITHHELD, CROSS_RELEASE_INCONSISTENT, LEDGER_CHANGED -> ExitCode.CROSS_RELEASE_REFUSED.code();
      };
    } catch (Exception | OutOfMemoryError | FSError e) {
      // Exception, not only RuntimeException: Spark throws its checked SparkException undeclared. Out of memory
      // and Hadoop's FSError (a local disk full or failing) are failed runs too, not crashes. One line: our own
      // messages never hold client data, and Spark's task failures carry no line content from our code.
      console.println("geotraffic: job failed: " + FailureMessages.describe(e));
      return ExitCode.JOB_FAILED.code();
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** What a what-if prices: which tables, over which dates, with visitors distinct over what. */
  static String whatIfScope(CommandLine cl) {
    String dates = cl.from() == null ? "every date in the input" : cl.from().equals(cl.to()) ? cl.from() : cl.from() + " to " + cl.to();
    return switch (cl.period()) {
      case DAY -> "the daily tables, " + dates + ", visitors distinct per day";
      case WEEK, MONTH -> "the " + cl.period().key() + " " + dates + " as run --period " + cl.period().key() + " publishes it under "
          + cl.period().folder() + "/, visitors distinct over the whole " + cl.period().key();
    };
  }

  /** The Hadoop settings of the configuration ({@code spark.hadoop.*}), for reading paths before Spark starts. */
  private static Configuration hadoopConfiguration(JobConfig config) {
    Configuration conf = new Configuration();
    config.sparkConf().forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        conf.set(k.substring("spark.hadoop.".length()), v);
      }
    });
    return conf;
  }

  /** ", with spark.* keys set: a (source), b (source)" naming the keys the user set (never their values). */
  private static String sparkKeysSet(JobConfig config) {
    return config.sparkConf().isEmpty() ? "" : "; the spark.* keys set: " + String.join(", ", new TreeSet<>(config.sparkConf().keySet()));
  }

  /**
   * The database file. In cluster deploy mode the driver runs on a cluster node where the submitted
   * path does not exist, but {@code --files} put a copy of the same name in its working directory.
   */
  private static File databaseFile(String path) {
    File file = new File(path);
    File shipped = new File(file.getName());
    return !file.exists() && shipped.isFile() ? shipped : file;
  }

  private static void prepareOutput(String output, Configuration conf) throws InputFiles.InputException {
    try {
      org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
      FileSystem fs = out.getFileSystem(conf);
      if (fs.exists(out) && !fs.getFileStatus(out).isDirectory()) {
        throw new InputFiles.InputException("Cannot write output: not a directory, " + Secrets.withoutCredentials(output));
      }
      if (!fs.mkdirs(out)) {
        throw new InputFiles.InputException("Cannot write output: cannot create directory, " + Secrets.withoutCredentials(output));
      }
      if ("file".equals(fs.getUri().getScheme()) && !new File(fs.makeQualified(out).toUri()).canWrite()) {
        throw new InputFiles.InputException("Cannot write output: permission denied, " + Secrets.withoutCredentials(output));
      }
    } catch (IOException e) {
      throw new InputFiles.InputException("Cannot write output: " + Secrets.withoutCredentialsIn(e.getMessage()) + ", " + Secrets.withoutCredentials(output));
    }
  }

  private static String newRunId() {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-"
        + HexFormat.of().formatHex(random);
  }
}
