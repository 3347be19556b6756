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
import org.geotraffic.aggregate.LineCounts;
import org.geotraffic.ledger.LedgerRelease;
import org.geotraffic.ledger.LedgerRun;
import org.geotraffic.ledger.Provenance;
import org.geotraffic.ledger.ReleaseLedger;
import org.geotraffic.ledger.TableSnapshots;
import org.geotraffic.config.OutputFormat;
import org.geotraffic.output.RunReleases;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.output.PublishedDays;
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
  private Map<RejectReason, String> rejectExamples = Map.of();
  /** What reading each input file found, from the last aggregation. */
  private Map<String, InputFileTally> inputFiles = Map.of();

  /**
   * @param progress receives one human-readable line per finished stage (counts and timings only)
   */
  public GeoTrafficJob(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /**
   * Enrich and aggregate once; the basis of both a run and a what-if.
   *
   * @param ledger the output's release ledger: the days it covers are counted by input batch (empty for what-if)
   */
  private Aggregated aggregate(RunRequest request, Map<String, Long> stageMillis, ReleaseLedger ledger) {
    DatabaseShipment db = shipDatabase(request.geoDatabase(), request.config().geoFields());
    long t0 = System.nanoTime();
    byte[] secret = VisitorHasher.newRunSecret();
    EnrichSettings settings = EnrichSettings.of(request.config(), db.fileName(), db.contentId(), request.windowFrom(), request.windowTo(),
        secret);
    ReleasePlanner planner = new ReleasePlanner(ledger, request.period(), request.windowFrom(), request.windowTo(),
        ReleaseSettings.id(request.config(), db.contentId()));
    Provenance provenance = planner.slicedDays().isEmpty() ? null
        : Provenance.of(ledger, request.input().marks(), request.period(), planner.slicedDays());
    scaleShufflePartitions(request.input().totalBytes());
    DayPlacement placement = dayPlacement(request, settings);
    EnrichStage.Enriched enriched = EnrichStage.enrich(spark, request.input(), settings, request.period(), provenance);
    AggregateStage.Aggregates aggregates = AggregateStage.aggregate(spark, enriched.cells(), placement);
    rejectExamples = new EnumMap<>(RejectReason.class);
    for (RejectExample example : enriched.rejectExamples().value()) {
      rejectExamples.putIfAbsent(example.reason(), example.shape());
    }
    inputFiles = RunWarnings.byFile(enriched.files().value());
    LineCounts counts = aggregates.counts();
    stageMillis.put("enrich_aggregate", millisSince(t0));
    progress.accept(String.format("enrich+aggregate: %,d lines read, %,d accepted, %,d rejected, %,d filtered (%d ms)",
        counts.read(), counts.accepted(), counts.rejectedTotal(), counts.filteredTotal(), stageMillis.get("enrich_aggregate")));
    if (!counts.balanced()) {
      throw new IllegalStateException("Cannot account for every line: read " + counts.read() + " != accepted + rejected + filtered");
    }
    return new Aggregated(aggregates, planner);
  }

  /** The aggregates and the release planner that decided which days count their lines by batch. */
  private record Aggregated(AggregateStage.Aggregates aggregates, ReleasePlanner planner) {}

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
    if (request.input().totalBytes() < SAMPLED_INPUT_BYTES) {
      // A small input needs no balance by day: every reduce partition may hold all of its days (DayPlacement:
      // correctness never depends on the range), and the sampling job cost more than it saved.
      return AggregateStage.placement(spark, null, null);
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
    AggregateStage.Aggregates aggregates = aggregate(request, new LinkedHashMap<>(), new ReleaseLedger(List.of())).aggregates();
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
    FileSystems.Located out = FileSystems.locate(request.outputDir(), spark.sparkContext().hadoopConfiguration());
    ReleaseLedger ledger = ReleaseLedger.read(out.moves(), out.dir());
    Aggregated aggregated = aggregate(request, stageMillis, ledger);
    AggregateStage.Aggregates aggregates = aggregated.aggregates();
    ReleasePlanner planner = aggregated.planner();
    LineCounts counts = aggregates.counts();

    long t1 = System.nanoTime();
    SuppressionPolicy policy = request.config().suppression();
    SuppressStage.Result suppressed;
    List<String> missingRows;
    try {
      Map<LedgerRelease, Map<String, PublishedDay>> earlierRows = planner.allLinkedReleases().isEmpty() ? Map.of()
          : LedgerRowsStage.read(spark, out.dir(), planner.allLinkedReleases());
      missingRows = planner.missingRows(earlierRows);
      Map<String, ReleaseContext> contexts = planner.contexts(earlierRows, RunWarnings.acceptedByDay(inputFiles),
          RunWarnings.acceptedBySlice(inputFiles));
      // The job audits its own result as an attacker would, alone and next to every earlier release it overlaps,
      // before anything is written.
      suppressed = suppressInWaves(aggregates, planner, policy, contexts);
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
      long newer = counts.filtered().getOrDefault(org.geotraffic.parse.FilterReason.NEWER_THAN_PUBLISHED_DAY, 0L);
      if (newer > 0) {
        warnings.add(String.format("%,d line(s) of days whose published day version lacks them were left out of the %s: rerun those days"
            + " first to include them (lines.filtered.newer-than-published-day)", newer, request.period().key()));
      }
      warnings.list().forEach(w -> progress.accept("warning: " + w));
      RunSummary.Builder summary = new RunSummary.Builder(request, started, counts, dates, stageMillis).audit(audited.findings())
          .observed(acceptedByDate(dates, audited.acceptedByDate()), RunWarnings.corruptFiles(inputFiles), warnings.list(),
              daysWithInput(request));
      return publish(request, out, ledger, planner, missingRows, summary, stageMillis, counts, dates, audited, suppressed);
    } finally {
      suppressed.release();
    }
  }

  /**
   * Suppresses and audits every day: at once, unless some of the run's dates share an earlier release (two days of a
   * published week): then in waves ({@link ReleasePlanner#waves}), each wave audited against the earlier waves' new
   * releases too, whose rows come to the driver (a day's suppressed rows) to be linked.
   */
  private SuppressStage.Result suppressInWaves(AggregateStage.Aggregates aggregates, ReleasePlanner planner, SuppressionPolicy policy,
      Map<String, ReleaseContext> contexts) {
    List<List<String>> waves = planner.waves();
    if (waves.size() <= 1) {
      return SuppressStage.suppressAndAudit(spark, aggregates.daysWithSlices(), policy, contexts);
    }
    java.util.Set<String> later = new java.util.HashSet<>();
    waves.subList(1, waves.size()).forEach(later::addAll);
    List<SuppressStage.Result> results = new ArrayList<>();
    results.add(SuppressStage.suppressAndAudit(spark, aggregates.daysWithSlices(later, false), policy, contexts));
    Map<String, ReleaseContext> now = new java.util.HashMap<>(contexts);
    Map<String, Long> byDay = RunWarnings.acceptedByDay(inputFiles);
    Map<String, Long> bySlice = RunWarnings.acceptedBySlice(inputFiles);
    List<PublishedDay> earlier = new ArrayList<>();
    List<String> earlierDates = new ArrayList<>(waves.get(0));
    for (int w = 1; w < waves.size(); w++) {
      earlier.addAll(results.get(results.size() - 1).published().filter(d -> !d.rows(Table.TOTALS).isEmpty()).collect());
      for (String date : waves.get(w)) {
        for (Map.Entry<String, ReleaseContext> e : contexts.entrySet()) {
          String prefix = ReleaseContext.key(date, "");
          if (!e.getKey().startsWith(prefix)) {
            continue;
          }
          String site = e.getKey().substring(prefix.length());
          List<org.geotraffic.privacy.LinkedRelease> linked = new ArrayList<>(e.getValue().linked());
          for (PublishedDay d : earlier) {
            org.geotraffic.privacy.PublishedRow totals = d.rows(Table.TOTALS).get(0);
            if (totals.site().equals(site) && earlierDates.contains(totals.date()) && planner.shareAnEarlierRelease(date, totals.date())) {
              linked.add(new org.geotraffic.privacy.LinkedRelease(planner.thisRunsRelease(totals.date()),
                  planner.slices(totals.date(), byDay, bySlice), d));
            }
          }
          now.put(e.getKey(), new ReleaseContext(e.getValue().slices(), linked, e.getValue().sameAsLive()));
        }
      }
      results.add(SuppressStage.suppressAndAudit(spark, aggregates.daysWithSlices(new java.util.HashSet<>(waves.get(w)), true), policy, now));
      earlierDates.addAll(waves.get(w));
    }
    return SuppressStage.Result.of(results);
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
  private RunSummary publish(RunRequest request, FileSystems.Located out, ReleaseLedger ledger, ReleasePlanner planner,
      List<String> missingRows, RunSummary.Builder summary, Map<String, Long> stageMillis, LineCounts counts, TreeSet<String> dates,
      Audited audited, SuppressStage.Result suppressed) throws IOException, RunRefusedException {
    Map<Table, TableStats> stats = audited.stats();
    List<String> auditFindings = audited.findings();
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
      RejectReason top = topReason(counts.rejected());
      if (top != null && rejectExamples.containsKey(top)) {
        message += "; a " + top.key() + " line looks like (letters and digits masked): " + rejectExamples.get(top);
      }
      refuse(out, summary, stats, RunRefusedException.Reason.REJECT_RATIO_EXCEEDED, message);
    }
    Map<String, String> corrupt = RunWarnings.corruptFiles(inputFiles);
    if (!corrupt.isEmpty() && request.config().failOnCorrupt()) {
      refuse(out, summary, stats, RunRefusedException.Reason.CORRUPT_INPUT, "Cannot read input: damaged compressed file(s) "
          + corrupt.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()
          + " and input.fail-on-corrupt=true; nothing was published");
    }
    IcebergTables iceberg = request.config().output().format() == OutputFormat.ICEBERG
        ? IcebergTables.of(spark, request.config().output(), out.dir(), request.period()) : null;
    String shrinking = shrinkingDays(out, request, dates, audited.acceptedByDate(), iceberg);
    if (shrinking != null) {
      refuse(out, summary, stats, RunRefusedException.Reason.DAY_WOULD_SHRINK, shrinking);
    }
    List<SuppressStage.Outcome> outcomes = suppressed.outcomes();
    Map<String, ReleasePlanner.DateStatus> statuses = planner.statuses(dates, outcomes);
    summary.releases(releases(statuses, outcomes));
    if (!missingRows.isEmpty()) {
      refuse(out, summary, stats, RunRefusedException.Reason.CROSS_RELEASE_INCONSISTENT, "Cannot publish: the release ledger lists "
          + String.join(", ", missingRows) + " but its rows are missing from " + new org.apache.hadoop.fs.Path(out.dir(), ReleaseLedger.ROWS)
          + ", so this run cannot be audited against them; nothing was published (restore the ledger from a backup)");
    }
    ReleasePlanner.RunRefusal refusal = planner.refusal(statuses, outcomes);
    if (refusal != null) {
      refuse(out, summary, stats, refusal.reason(), refusal.message());
    }
    TreeSet<String> changed = new TreeSet<>();
    statuses.forEach((date, status) -> {
      if (status == ReleasePlanner.DateStatus.PUBLISHED || status == ReleasePlanner.DateStatus.CLEARED) {
        changed.add(date);
      }
    });
    statuses.forEach((date, status) -> {
      if (status == ReleasePlanner.DateStatus.UNCHANGED) {
        progress.accept("unchanged: " + date + " repeats its published release; nothing new to publish for it");
      }
    });

    long t2 = System.nanoTime();
    String staging = StagingFolders.create(out.moves(), out.dir(), request.runId());
    IcebergWriteAuditPublish wap = iceberg == null || changed.isEmpty() ? null : new IcebergWriteAuditPublish(spark, iceberg, request.runId());
    // Set once the ledger is published: from then on the branch is a release and must never be discarded.
    java.util.concurrent.atomic.AtomicBoolean ledgerPublished = new java.util.concurrent.atomic.AtomicBoolean();
    try {
      List<Publication.Install> installs = new ArrayList<>();
      Map<Table, Long> rowsPublished = new java.util.TreeMap<>();
      if (!changed.isEmpty()) {
        PublishedTableWriter.Staged staged = PublishedTableWriter.stage(spark, out.dir(), staging, suppressed.published(),
            audited.rowsPerTable(), changed, request.config().compression(), request.period());
        if (wap == null) {
          installs.addAll(staged.installs());
        }
        // The ledger keeps a copy of every release's rows whatever the format: for Iceberg the same rows go to the tables.
        installs.addAll(ledgerCopies(out, staging, request, statuses));
        rowsPublished = rowsOf(outcomes, changed);
      }
      stageMillis.put("write", millisSince(t2));
      progress.accept(String.format("write: %s rows (%d ms)", rowsPublished, stageMillis.get("write")));
      Map<Table, Long> rows = rowsPublished;
      // An Iceberg run's summary is published with its ledger before main is fast-forwarded, so it says incomplete until
      // then: what stays if the fast-forward fails or the run is killed in between.
      RunSummary done = wap == null ? summary.succeeded(rows, stats) : fastForwardPending(summary, rows, stats, request.runId());
      installs.addAll(RunSummaryWriter.stage(out.moves(), out.dir(), staging, done));
      String ledgerFile = staging + "/_ledger_run.json";
      if (!changed.isEmpty()) {
        installs.add(new Publication.Install(ReleaseLedger.runFile(request.runId()), ledgerFile));
      }
      String snapshotsFile = staging + "/_ledger_snapshots.json";
      if (wap != null) {
        installs.add(new Publication.Install(TableSnapshots.file(request.runId()), snapshotsFile));
      }
      Publisher.BeforePlan ledgerStillValid = () -> {
        // Under the publish lock: the ledger as it is now. A release published meanwhile that overlaps this run's was
        // not part of its audit.
        ReleaseLedger now = ReleaseLedger.read(out.moves(), out.dir());
        String moved = ledgerMoved(ledger, now, changed, request.period());
        if (moved != null) {
          return moved;
        }
        if (iceberg != null) {
          // Also when this run publishes nothing new (a retry of the day whose fast-forward failed repeats its release).
          settleIceberg(iceberg, out, request);
        }
        if (changed.isEmpty()) {
          return null;
        }
        LedgerRun entry = planner.ledgerRun(request.runId(), Instant.now().toString(), request.input().marks(), statuses, outcomes,
            RunWarnings.acceptedByDay(inputFiles), RunWarnings.acceptedBySlice(inputFiles));
        out.moves().writeAtomically(new org.apache.hadoop.fs.Path(out.dir(), ledgerFile), withSequence(entry, now.nextSequence()).toJson());
        if (wap != null) {
          // Under the lock: main cannot move between the branch and its fast-forward but by this run or its recovery.
          long t3 = System.nanoTime();
          writeAndAudit(wap, iceberg, out, new org.apache.hadoop.fs.Path(out.dir(), staging), changed, request);
          out.moves().writeAtomically(new org.apache.hadoop.fs.Path(out.dir(), snapshotsFile), wap.snapshots(request.runId()).toJson());
          stageMillis.put("iceberg_branch", millisSince(t3));
          // Staged again with the branch's time (same files, same installs).
          RunSummaryWriter.stage(out.moves(), out.dir(), staging, fastForwardPending(summary, rows, stats, request.runId()));
        }
        return null;
      };
      RunSummary[] result = {done};
      Publisher.AfterCommit fastForward = () -> {
        ledgerPublished.set(true);
        if (wap == null) {
          return;
        }
        // The ledger (with the snapshots) is published: only now may readers of main see them. Still under the publish
        // lock, so no other run's summary can become latest.json before this run's says succeeded. A run killed here
        // leaves its summary incomplete; the next run's recovery completes the fast-forward and marks it succeeded.
        long t4 = System.nanoTime();
        try {
          wap.publish();
        } catch (RuntimeException e) {
          throw new IllegalStateException("Cannot fast-forward main of the Iceberg tables to branch " + wap.branch() + ": "
              + firstLine(e) + "; the release ledger and the run summary are published (status "
              + org.geotraffic.output.RunStatus.INCOMPLETE.key() + "), readers of main see the previous snapshot, and the next run into "
              + "this output completes the fast-forward", e);
        }
        stageMillis.put("iceberg_publish", millisSince(t4));
        progress.accept(String.format("publish: main of %d Iceberg tables fast-forwarded to branch %s (%d ms)", Table.values().length,
            wap.branch(), stageMillis.get("iceberg_publish")));
        result[0] = summary.succeeded(rows, stats);
        RunSummaryWriter.rewritePublished(out.moves(), out.dir(), result[0]);
      };
      try {
        for (String line : Publisher.publish(out.moves(), out.dir(), request.runId(), staging, installs, ledgerStillValid, fastForward)) {
          progress.accept("recovered: " + line);
        }
      } catch (Publisher.PreconditionFailed e) {
        refuse(out, summary, stats, RunRefusedException.Reason.LEDGER_CHANGED, e.getMessage());
      } catch (IcebergWriteAuditPublish.AuditFailed e) {
        refuse(out, summary, stats, RunRefusedException.Reason.AUDIT_FAILED, e.getMessage());
      }
      return result[0];
    } finally {
      if (wap != null && !ledgerPublished.get()) {
        wap.discard();
      }
      // Published: the folder is gone already. Failed or refused: its staged files are of no use to anyone, unless a
      // publish whose rollback failed left its journal: that names the staged copies and the old days set aside in this
      // folder, which the next run's recovery needs (it deletes the folder after).
      if (!Publisher.hasUnfinishedPublish(out.moves(), out.dir())) {
        out.moves().delete(new org.apache.hadoop.fs.Path(out.dir(), staging));
      }
    }
  }

  /**
   * Why replacing some processed day would wipe or shrink it, or null: a day that is published now and for
   * which this run accepted no line (unless --allow-empty), or fewer than publish.min-share-of-previous of the
   * lines its published release accepted.
   */
  private static String shrinkingDays(FileSystems.Located out, RunRequest request, TreeSet<String> dates, Map<String, Long> accepted,
      IcebergTables iceberg) throws IOException {
    if (request.allowEmpty()) {
      return null;
    }
    PublishedDays published = iceberg == null ? PublishedDays.read(out.moves(), out.dir(), dates, request.period())
        : PublishedDays.read(out.moves(), out.dir(), dates, request.period(), iceberg.publishedDates(dates));
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

  /**
   * Write and audit of the Iceberg tables, under the publish lock (after {@link #settleIceberg}): the run's days go to its
   * branch and the branch is checked. Throws {@link IcebergWriteAuditPublish.AuditFailed} (the
   * branch discarded) when the audit finds anything.
   */
  private void writeAndAudit(IcebergWriteAuditPublish wap, IcebergTables iceberg, FileSystems.Located out, org.apache.hadoop.fs.Path stagingDir,
      java.util.Set<String> days, RunRequest request) throws IOException {
    SuppressionPolicy policy = request.config().suppression();
    iceberg.create(request.config().compression());
    long t = System.nanoTime();
    Map<Table, Dataset<Row>> rows = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      rows.put(table, wap.staged(stagingDir, table, days));
    }
    wap.write(rows, days);
    List<String> findings = wap.audit(rows, days, policy);
    progress.accept(String.format("audit of branch %s: %s (%d ms)", wap.branch(), findings.isEmpty() ? "passed" : findings.size() + " finding(s)",
        millisSince(t)));
    if (!findings.isEmpty()) {
      wap.discard();
      throw new IcebergWriteAuditPublish.AuditFailed("Cannot publish: the audit of Iceberg branch " + wap.branch() + " found "
          + String.join("; ", findings) + "; nothing was published, main is unchanged");
    }
  }

  /**
   * What killed or failed Iceberg runs left, settled under the publish lock before this run branches: recorded branches
   * fast-forwarded (and their runs' summaries marked succeeded), unrecorded ones discarded.
   */
  private void settleIceberg(IcebergTables iceberg, FileSystems.Located out, RunRequest request) throws IOException {
    List<TableSnapshots> ledger = TableSnapshots.readAll(out.moves(), out.dir());
    IcebergWriteAuditPublish.Recovery recovered = IcebergWriteAuditPublish.recover(iceberg, ledger);
    for (String line : recovered.lines()) {
      progress.accept("recovered: " + line);
    }
    java.util.Set<String> completed = new TreeSet<>(recovered.completedRuns());
    // A run whose fast-forward went through but whose summary could not be rewritten afterwards left no branch to
    // recover; latest.json still says incomplete.
    String latestIncomplete = RunSummaryWriter.latestIncompleteRunId(out.moves(), out.dir());
    for (TableSnapshots run : ledger) {
      if (run.runId().equals(latestIncomplete) && IcebergWriteAuditPublish.fastForwarded(iceberg, run)) {
        completed.add(run.runId());
      }
    }
    for (String run : completed) {
      if (RunSummaryWriter.markCompleted(out.moves(), out.dir(), run, request.runId())) {
        progress.accept("recovered: the summary of run " + run + " says succeeded now (its fast-forward is complete)");
      }
    }
  }

  /** The summary of an Iceberg run whose ledger is published and whose fast-forward of main is not done yet. */
  private static RunSummary fastForwardPending(RunSummary.Builder summary, Map<Table, Long> rows, Map<Table, TableStats> stats, String runId) {
    return summary.incomplete("iceberg-fast-forward-pending", "the release ledger and this summary are published, but main of the"
        + " Iceberg tables is not fast-forwarded to this run's audited snapshots (_ledger/snapshots/" + runId + ".json): readers of"
        + " main see the previous release until the next run into this output completes the fast-forward", rows, stats);
  }

  /** The summary's account of the run's releases. */
  private static RunReleases releases(Map<String, ReleasePlanner.DateStatus> statuses, List<SuppressStage.Outcome> outcomes) {
    List<String> published = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    statuses.forEach((date, status) -> {
      switch (status) {
        case PUBLISHED -> published.add(date);
        case UNCHANGED -> unchanged.add(date);
        case CLEARED -> cleared.add(date);
        case WITHHELD, NOTHING -> { }
      }
    });
    long audited = 0;
    long hidden = 0;
    long notRecomputing = 0;
    List<String> withheld = new ArrayList<>();
    for (SuppressStage.Outcome o : outcomes) {
      if (o.linked() != null) {
        audited += o.linked().releases();
        hidden += o.linked().extraHiddenRows();
        notRecomputing += o.linked().mismatchedRows();
        if (o.linked().withheld()) {
          withheld.add(o.date() + " (site " + o.site() + ")");
        }
      }
    }
    return new RunReleases(published, unchanged, cleared, audited, hidden, notRecomputing, withheld);
  }

  /** The rows published per table: those of the dates that get a new release. */
  private static Map<Table, Long> rowsOf(List<SuppressStage.Outcome> outcomes, java.util.Set<String> dates) {
    Map<Table, Long> rows = new java.util.TreeMap<>();
    for (SuppressStage.Outcome o : outcomes) {
      if (dates.contains(o.date())) {
        o.rowsPerTable().forEach((t, n) -> rows.merge(t, n, Long::sum));
      }
    }
    return rows;
  }

  /**
   * The ledger's copies of the new releases' table partitions, staged next to them (the same files): later runs
   * audit against them, also once a newer version replaced the published partition.
   */
  private List<Publication.Install> ledgerCopies(FileSystems.Located out, String staging, RunRequest request,
      Map<String, ReleasePlanner.DateStatus> statuses) throws IOException {
    List<Publication.Install> installs = new ArrayList<>();
    org.apache.hadoop.fs.FileSystem fs = out.dir().getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (Map.Entry<String, ReleasePlanner.DateStatus> e : statuses.entrySet()) {
      if (e.getValue() != ReleasePlanner.DateStatus.PUBLISHED) {
        continue;
      }
      for (Table t : Table.values()) {
        String partition = request.period().tablePath(t.tableName()) + "/" + PublishedTableWriter.DATE + "=" + e.getKey();
        org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(out.dir(), staging), partition);
        if (!fs.exists(staged)) {
          continue;
        }
        String target = ReleaseLedger.rowsFolder(request.runId(), request.period(), t, e.getKey());
        String copy = staging + "/" + target;
        org.apache.hadoop.fs.FileUtil.copy(fs, staged, fs, new org.apache.hadoop.fs.Path(out.dir(), copy), false,
            spark.sparkContext().hadoopConfiguration());
        installs.add(new Publication.Install(target, copy));
      }
    }
    return installs;
  }

  /**
   * Why the ledger read at the start no longer holds, or null: another run published a release that shares a day
   * with one this run publishes.
   */
  private static String ledgerMoved(ReleaseLedger then, ReleaseLedger now, java.util.Set<String> dates, org.geotraffic.config.Period period) {
    java.util.Set<String> before = new java.util.HashSet<>();
    then.releases().forEach(r -> before.add(r.runId() + "/" + r.period().key() + "/" + r.date()));
    for (LedgerRelease r : now.releases()) {
      if (before.contains(r.runId() + "/" + r.period().key() + "/" + r.date())) {
        continue;
      }
      for (String d : dates) {
        LocalDate start = LocalDate.parse(d);
        if (r.overlaps(start, period.end(start))) {
          return "Cannot publish: run " + r.runId() + " published " + r.name() + " while this run ran, and this run's audit did not"
              + " include it; nothing was published (rerun)";
        }
      }
    }
    return null;
  }

  private static LedgerRun withSequence(LedgerRun run, int sequence) {
    List<LedgerRelease> releases = new ArrayList<>();
    run.releases().forEach(r -> releases.add(new LedgerRelease(r.runId(), sequence, r.period(), r.date(), r.sites(), r.slices(), r.cleared())));
    return new LedgerRun(run.runId(), sequence, run.publishedAt(), run.settingsId(), run.inputs(), releases);
  }

  /** Writes the run's own summary (status refused, not latest.json) and throws. */
  private void refuse(FileSystems.Located out, RunSummary.Builder summary, Map<Table, TableStats> stats, RunRefusedException.Reason reason,
      String message) throws IOException, RunRefusedException {
    RunSummaryWriter.writeUnpublished(out.moves(), out.dir(), summary.refused(reason.key(), stats));
    throw new RunRefusedException(reason, message);
  }

  private DatabaseShipment shipDatabase(File database, org.geotraffic.geo.GeoFieldMapping fields) {
    try {
      return DatabaseShipment.ship(spark.sparkContext(), database, fields);
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

  /** The most frequent reject reason, or null when nothing was rejected. */
  private static RejectReason topReason(Map<RejectReason, Long> rejected) {
    return rejected.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** Input bytes per shuffle partition at least: beyond it the aggregates' tasks spill (benchmark at 40M lines). */
  static final long BYTES_PER_SHUFFLE_PARTITION = 128L * 1024 * 1024;
  /**
   * Inputs from this size on (as stored: 32 MiB is ~125k plain or ~1M gzipped combined lines) have their days sampled
   * for the day placement; smaller ones are placed by visitor only. The sampling is one Spark job; on a 50k-line day
   * it took 1.0 s of a 16.6 s run at load 10 (event log, 2026-12-08).
   */
  static final long SAMPLED_INPUT_BYTES = 32L * 1024 * 1024;

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

  /** The first line of an exception's message (a catalog's may carry a stack trace), without URI credentials. */
  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return org.geotraffic.config.Secrets.withoutCredentialsIn(m.lines().findFirst().orElse(e.getClass().getSimpleName()));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
