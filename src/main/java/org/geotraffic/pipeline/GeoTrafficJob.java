package org.geotraffic.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.aggregate.Days;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.output.PublishedDays;
import org.geotraffic.output.PublishedTableWriter;
import org.geotraffic.output.RunSummary;
import org.geotraffic.output.RunSummaryWriter;
import org.geotraffic.parse.RejectReason;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.publish.Publication;
import org.geotraffic.publish.Publisher;
import org.geotraffic.publish.StagingFolders;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.WhatIf;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.TableStats;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * One run of the pipeline on an existing SparkSession: enrich -> aggregate -> suppress -> check ->
 * write. Nothing is written before every check has passed; the run summary is written last, also when
 * the run was refused.
 */
public final class GeoTrafficJob {
  private final SparkSession spark;
  private final Consumer<String> progress;
  /** One masked example line per reject reason, from the last aggregation. */
  private Map<String, String> rejectExamples = Map.of();
  /** What reading each input file found, from the last aggregation. */
  private Map<String, InputFileTally> inputFiles = Map.of();

  /**
   * @param progress receives one human-readable line per finished stage (counts and timings only)
   */
  public GeoTrafficJob(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /** Enrich and aggregate once; the basis of both a run and a what-if. */
  private AggregateStage.Aggregates aggregate(RunRequest request, Map<String, Long> stageMillis) {
    DatabaseShipment db = shipDatabase(request.geoDatabase());
    long t0 = System.nanoTime();
    byte[] secret = VisitorHasher.newRunSecret();
    EnrichSettings settings = EnrichSettings.of(request.config(), db.fileName(), db.contentId(), request.windowFrom(), request.windowTo(),
        secret);
    scaleShufflePartitions(request.input().totalBytes());
    DayPlacement placement = dayPlacement(request, settings);
    EnrichStage.Enriched enriched = EnrichStage.enrich(spark, request.input(), settings, request.period());
    AggregateStage.Aggregates aggregates = AggregateStage.aggregate(spark, enriched.cells(), placement);
    rejectExamples = new TreeMap<>();
    for (String example : enriched.rejectExamples().value()) {
      int tab = example.indexOf('\t');
      rejectExamples.putIfAbsent(example.substring(0, tab), example.substring(tab + 1));
    }
    inputFiles = RunWarnings.byFile(enriched.files().value());
    LineCounts counts = aggregates.counts();
    stageMillis.put("enrich_aggregate", millisSince(t0));
    progress.accept(String.format("enrich+aggregate: %,d lines read, %,d accepted, %,d rejected, %,d filtered (%d ms)",
        counts.read(), counts.accepted(), counts.rejectedTotal(), counts.filteredTotal(), stageMillis.get("enrich_aggregate")));
    if (!counts.balanced()) {
      throw new IllegalStateException("Cannot account for every line: read " + counts.read() + " != accepted + rejected + filtered");
    }
    return aggregates;
  }

  /**
   * Where the visitor shuffle puts each day: the window's days when both ends are given, otherwise the
   * days that a sample of the input's splits shows (a small job).
   */
  private DayPlacement dayPlacement(RunRequest request, EnrichSettings settings) {
    if (request.windowFrom() != null && request.windowTo() != null) {
      // Numbered as the cells' days are: a week or month is one day, its first.
      Days days = new Days();
      return AggregateStage.placement(spark, days.periodNumber(request.windowFrom(), request.period()),
          days.periodNumber(request.windowTo(), request.period()));
    }
    spark.sparkContext().setJobDescription("sample the input's days");
    int[] range = EnrichStage.sampleDayRange(spark, request.input(), settings);
    return range == null ? AggregateStage.placement(spark, null, null) : AggregateStage.placement(spark, range[0], range[1]);
  }

  /**
   * Aggregates once and applies each threshold in {@code ks} to every table, writing nothing: what a
   * threshold costs before an admin sets it.
   */
  public WhatIf.Result whatIf(RunRequest request, List<Integer> ks) {
    AggregateStage.Aggregates aggregates = aggregate(request, new LinkedHashMap<>());
    try {
      long t = System.nanoTime();
      // What-if is the admin's tool: it brings the unsuppressed days to the driver (a run never does).
      List<UnsuppressedDay> days = new ArrayList<>(aggregates.days().collect());
      days.sort(Comparator.comparing(UnsuppressedDay::date).thenComparing(UnsuppressedDay::site));
      WhatIf.Result result = WhatIf.run(ks, days, request.config().suppression());
      progress.accept(String.format("what-if: %d thresholds over %d day/site groups (%d ms)", ks.size(), days.size(), millisSince(t)));
      return result;
    } finally {
      aggregates.release();
    }
  }

  public RunSummary run(RunRequest request) throws IOException, RunRefusedException {
    try {
      return runStages(request);
    } finally {
      // Descriptions are per thread: later jobs of the caller's session must not carry our stage names.
      spark.sparkContext().setJobDescription(null);
    }
  }

  private RunSummary runStages(RunRequest request) throws IOException, RunRefusedException {
    Instant started = Instant.now();
    Map<String, Long> stageMillis = new LinkedHashMap<>();
    AggregateStage.Aggregates aggregates = aggregate(request, stageMillis);
    LineCounts counts = aggregates.counts();

    long t1 = System.nanoTime();
    SuppressionPolicy policy = request.config().suppression();
    SuppressStage.Result suppressed;
    try {
      // The job audits its own result as an attacker would, before anything is written.
      suppressed = SuppressStage.suppressAndAudit(spark, aggregates.days(), policy);
    } finally {
      aggregates.release();
    }
    try {
      Audited audited = Audited.of(suppressed.outcomes());
      stageMillis.put("suppress_audit", millisSince(t1));
      progress.accept(String.format("suppress+audit: %d day/site groups, k=%d, audit %s (%d ms)", suppressed.outcomes().size(),
          policy.minVisitors(), audited.findings().isEmpty() ? "passed" : "FAILED", stageMillis.get("suppress_audit")));
      TreeSet<String> dates = withWindowDates(request, audited.dates());
      RunWarnings warnings = new RunWarnings();
      request.warnings().forEach(warnings::add);
      warnings.inputFiles(inputFiles, request.config().inputFormat());
      warnings.implausibleDates(RunWarnings.acceptedByDay(inputFiles), LocalDate.now(request.config().timeZone()));
      warnings.list().forEach(w -> progress.accept("warning: " + w));
      RunSummary.Builder summary = new RunSummary.Builder(request, started, counts, dates, stageMillis).audit(audited.findings())
          .observed(acceptedByDate(dates, audited.acceptedByDate()), RunWarnings.corruptFiles(inputFiles), warnings.list(),
              daysWithInput(request));
      return publish(request, summary, stageMillis, counts, dates, audited, suppressed);
    } finally {
      suppressed.release();
    }
  }

  /** The days of the window with accepted lines. */
  private List<String> daysWithInput(RunRequest request) {
    List<String> days = new ArrayList<>();
    RunWarnings.acceptedByDay(inputFiles).forEach((d, n) -> {
      boolean inWindow = request.windowFrom() == null || (d.compareTo(request.windowFrom()) >= 0 && d.compareTo(request.windowTo()) <= 0);
      if (n > 0 && inWindow) {
        days.add(d);
      }
    });
    return days;
  }

  /** Every processed date with its accepted lines, 0 for a date of the window without any. */
  private static Map<String, Long> acceptedByDate(TreeSet<String> dates, Map<String, Long> accepted) {
    Map<String, Long> all = new TreeMap<>();
    for (String d : dates) {
      all.put(d, accepted.getOrDefault(d, 0L));
    }
    return all;
  }

  /** The days' outcomes summed up: what the run summary reports and the checks look at. */
  private record Audited(Map<Table, TableStats> stats, Map<Table, Long> rowsPerTable, List<String> findings, TreeSet<String> dates,
      Map<String, Long> acceptedByDate) {
    static Audited of(List<SuppressStage.Outcome> outcomes) {
      Audited a = new Audited(new EnumMap<>(Table.class), new EnumMap<>(Table.class), new ArrayList<>(), new TreeSet<>(), new TreeMap<>());
      for (SuppressStage.Outcome o : outcomes) {
        a.dates.add(o.date());
        o.stats().forEach((t, st) -> a.stats.merge(t, st, TableStats::plus));
        o.rowsPerTable().forEach((t, n) -> a.rowsPerTable.merge(t, n, Long::sum));
        a.findings.addAll(o.findings());
        a.acceptedByDate.merge(o.date(), o.acceptedLines(), Long::sum);
      }
      return a;
    }
  }

  /**
   * Refuses the run when the audit failed, too many lines were rejected, a damaged input is not tolerated, or a
   * published day would be emptied; otherwise stages the tables and the summary and publishes them together.
   */
  private RunSummary publish(RunRequest request, RunSummary.Builder summary, Map<String, Long> stageMillis, LineCounts counts,
      TreeSet<String> dates, Audited audited, SuppressStage.Result suppressed) throws IOException, RunRefusedException {
    Map<Table, TableStats> stats = audited.stats();
    List<String> auditFindings = audited.findings();
    FileSystems.Located out = FileSystems.locate(request.outputDir(), spark.sparkContext().hadoopConfiguration());
    double rejectRatio = counts.read() == 0 ? 0 : (double) counts.rejectedTotal() / counts.read();
    if (!auditFindings.isEmpty()) {
      refuse(out, summary, stats, RunRefusedException.Reason.AUDIT_FAILED, "Cannot publish: the privacy audit found "
          + auditFindings.size() + " disclosure(s) below k; nothing was written (the findings name hidden cells, so they are"
          + " not printed; please report this as a bug with the input's what-if output)");
    }
    if (rejectRatio > request.config().maxRejectRatio()) {
      String message = String.format("Cannot publish: %.1f%% of lines were rejected, above input.max-reject-ratio=%s; top reasons: %s"
          + " (is input.format=%s right for these logs?)", 100 * rejectRatio, request.config().maxRejectRatio(),
          topReasons(counts.rejected()), request.config().inputFormat());
      String top = topReason(counts.rejected());
      if (rejectExamples.containsKey(top)) {
        message += "; a " + top + " line looks like (letters and digits masked): " + rejectExamples.get(top);
      }
      refuse(out, summary, stats, RunRefusedException.Reason.REJECT_RATIO_EXCEEDED, message);
    }
    Map<String, String> corrupt = RunWarnings.corruptFiles(inputFiles);
    if (!corrupt.isEmpty() && request.config().failOnCorrupt()) {
      refuse(out, summary, stats, RunRefusedException.Reason.CORRUPT_INPUT, "Cannot read input: damaged compressed file(s) "
          + corrupt.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()
          + " and input.fail-on-corrupt=true; nothing was published");
    }
    String shrinking = shrinkingDays(out, request, dates, audited.acceptedByDate());
    if (shrinking != null) {
      refuse(out, summary, stats, RunRefusedException.Reason.DAY_WOULD_SHRINK, shrinking);
    }

    long t2 = System.nanoTime();
    String staging = StagingFolders.create(out.moves(), out.dir(), request.runId());
    try {
      PublishedTableWriter.Staged staged = PublishedTableWriter.stage(spark, out.dir(), staging, suppressed.published(),
          audited.rowsPerTable(), dates, request.config().compression(), request.period());
      stageMillis.put("write", millisSince(t2));
      progress.accept(String.format("write: %s rows (%d ms)", staged.rowsPerTable(), stageMillis.get("write")));
      RunSummary done = summary.succeeded(staged.rowsPerTable(), stats);
      List<Publication.Install> installs = new ArrayList<>(staged.installs());
      installs.addAll(RunSummaryWriter.stage(out.moves(), out.dir(), staging, done));
      for (String line : Publisher.publish(out.moves(), out.dir(), request.runId(), staging, installs)) {
        progress.accept("recovered: " + line);
      }
      return done;
    } finally {
      // Published: the folder is gone already. Failed or refused: its staged files are of no use to anyone.
      out.moves().delete(new org.apache.hadoop.fs.Path(out.dir(), staging));
    }
  }

  /**
   * Why replacing some processed day would wipe or shrink it, or null: a day that is published now and for
   * which this run accepted no line (unless --allow-empty), or fewer than publish.min-share-of-previous of the
   * lines its published release accepted.
   */
  private static String shrinkingDays(FileSystems.Located out, RunRequest request, TreeSet<String> dates, Map<String, Long> accepted)
      throws IOException {
    if (request.allowEmpty()) {
      return null;
    }
    PublishedDays published = PublishedDays.read(out.moves(), out.dir(), dates, request.period());
    double share = request.config().minShareOfPrevious();
    List<String> empty = new ArrayList<>();
    List<String> shrunk = new ArrayList<>();
    for (String date : dates) {
      long now = accepted.getOrDefault(date, 0L);
      if (!published.published(date)) {
        continue;
      }
      if (now == 0) {
        empty.add(date);
      } else if (share > 0 && published.acceptedLines(date).isPresent() && now < share * published.acceptedLines(date).getAsLong()) {
        shrunk.add(String.format("%s (%,d accepted lines, the published release had %,d)", date, now, published.acceptedLines(date).getAsLong()));
      }
    }
    if (!empty.isEmpty()) {
      return "Cannot publish: the input has no accepted line for published day(s) " + String.join(", ", empty)
          + ", which this run would wipe; nothing was published (check --input and --date; run with --allow-empty to clear the day)";
    }
    if (!shrunk.isEmpty()) {
      return "Cannot publish: day(s) " + String.join(", ", shrunk) + " would shrink below publish.min-share-of-previous=" + share
          + "; nothing was published (a partial input? run with --allow-empty to publish anyway)";
    }
    return null;
  }

  /** Writes the run's own summary (status refused, not latest.json) and throws. */
  private void refuse(FileSystems.Located out, RunSummary.Builder summary, Map<Table, TableStats> stats, RunRefusedException.Reason reason,
      String message) throws IOException, RunRefusedException {
    RunSummaryWriter.writeUnpublished(out.moves(), out.dir(), summary.refused(reason.key(), stats));
    throw new RunRefusedException(reason, message);
  }

  private DatabaseShipment shipDatabase(File database) {
    try {
      return DatabaseShipment.ship(spark.sparkContext(), database);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot ship the geo database to the executors: " + e.getMessage() + ", " + database, e);
    }
  }

  /** The dates plus the window's days when one was given, so that days without lines are cleared too. */
  private static TreeSet<String> withWindowDates(RunRequest request, TreeSet<String> dates) {
    TreeSet<String> all = new TreeSet<>(dates);
    if (request.period() != org.geotraffic.config.Period.DAY) {
      all.add(request.windowFrom()); // the period's first day names it
      return all;
    }
    if (request.windowFrom() != null && request.windowTo() != null) {
      for (LocalDate d = LocalDate.parse(request.windowFrom()); !d.isAfter(LocalDate.parse(request.windowTo())); d = d.plusDays(1)) {
        all.add(d.toString());
      }
    }
    return all;
  }

  private static String topReasons(Map<RejectReason, Long> rejected) {
    return rejected.entrySet().stream()
        .sorted(Map.Entry.<RejectReason, Long>comparingByValue().reversed())
        .limit(3)
        .map(e -> e.getKey().key() + "=" + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }

  private static String topReason(Map<RejectReason, Long> rejected) {
    return rejected.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().key()).orElse("");
  }

  /** Input bytes per shuffle partition at least: beyond it the aggregates' tasks spill (benchmark at 40M lines). */
  static final long BYTES_PER_SHUFFLE_PARTITION = 128L * 1024 * 1024;

  /**
   * Raises spark.sql.shuffle.partitions with the input (never lowers it): a fixed handful of partitions
   * made 10 GB of logs spill gigabytes in every aggregate; AQE still coalesces small ones.
   */
  private void scaleShufflePartitions(long inputBytes) {
    String key = "spark.sql.shuffle.partitions";
    long current = Long.parseLong(spark.conf().get(key));
    long wanted = (inputBytes + BYTES_PER_SHUFFLE_PARTITION - 1) / BYTES_PER_SHUFFLE_PARTITION;
    if (wanted > current) {
      spark.conf().set(key, String.valueOf(Math.min(wanted, 10_000)));
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
