package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.config.OutputTarget;
import org.geotraffic.config.OutputFormat;
import org.geotraffic.config.Period;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * output.format=iceberg through the command line on the bundled sample (k = 10): the tables are read back through Spark
 * SQL as a user would (a Hadoop catalog of their own on the output directory) and compared with the Parquet layout's;
 * reruns, the audit branch, killed runs, the ledger's snapshots, the period tables and the metadata's content.
 */
class IcebergOutputTest {
  static final String D23 = "2026-11-23";
  static final String D24 = "2026-11-24";
  static final String ICEBERG = "output.format=iceberg";

  @TempDir static Path tmp;
  static Path db;
  /** Both sample days as Parquet folders: what the Iceberg tables must equal. */
  static Path parquet;

  @BeforeAll
  static void parquetReference() {
    SparkTestSession.get();
    db = tmp.resolve("iceberg-demo-geo.mmdb");
    try {
      DemoDatabase.write(db);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    parquet = tmp.resolve("parquet");
    JobRuns.Run r = run(parquet, "parquet-days");
    assertEquals(0, r.exitCode(), r.console());
  }

  static JobRuns.Run run(Path out, String runId, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--input", "sample-logs", "--output", out.toString(), "--geoip-db", db.toString(),
        "--run-id", runId));
    args.addAll(List.of(more));
    return JobRuns.run(args);
  }

  /** Registers a reader's own Hadoop catalog on a warehouse, as docs/iceberg.md tells Spark users to. */
  static String readerCatalog(Path warehouse) {
    String name = "reader_" + Integer.toHexString(warehouse.toString().hashCode());
    SparkSession spark = SparkTestSession.get();
    spark.conf().set("spark.sql.catalog." + name + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + name + ".warehouse", warehouse.toString());
    // A reader in a long-lived session sees new snapshots at once only without Iceberg's table cache (docs/iceberg.md).
    spark.conf().set("spark.sql.catalog." + name + ".cache-enabled", "false");
    spark.conf().set("spark.sql.catalog." + name, "org.apache.iceberg.spark.SparkCatalog");
    return name;
  }

  /** A table's rows through Spark SQL, as strings sorted, columns in the Parquet schema's order. */
  static List<String> sql(String query) {
    return SparkTestSession.get().sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  static List<String> parquetRows(Path out, Table table) {
    return JobRuns.table(out, table).stream().map(Row::toString).sorted().toList();
  }

  /** The rows the job's audit passed for {@code date} (null: every day), from the Parquet reference, per table. */
  static Map<Table, Dataset<Row>> auditedRows(String date) {
    Map<Table, Dataset<Row>> rows = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      rows.put(t, SparkTestSession.get().createDataFrame(JobRuns.table(parquet, t).stream()
          .filter(r -> date == null || r.getString(0).equals(date)).toList(), PublishedTableWriter.schema(t)));
    }
    return rows;
  }

  static String select(Table table, String from) {
    return "SELECT " + String.join(", ", PublishedTableWriter.schema(table).fieldNames()).replace("date", "`date`") + " FROM " + from;
  }

  @Test
  void icebergTables_readBackThroughSparkSql_holdExactlyWhatTheParquetLayoutPublishes() throws IOException {
    Path out = tmp.resolve("iceberg-same");
    JobRuns.Run r = run(out, "iceberg-days", "--set", ICEBERG);
    assertEquals(0, r.exitCode(), r.console());
    String cat = readerCatalog(out);
    for (Table t : Table.values()) {
      List<String> expected = parquetRows(parquet, t);
      assertFalse(expected.isEmpty(), t + " has rows in the sample");
      assertEquals(expected, sql(select(t, cat + ".geotraffic." + t.tableName())), t.tableName());
      assertTrue(Files.isDirectory(out.resolve("geotraffic").resolve(t.tableName()).resolve("metadata")), "table at <output>/geotraffic/" + t);
      assertFalse(Files.exists(out.resolve(t.tableName())), "no Parquet folder next to the Iceberg table");
      // Partitioned by date: one partition per sample day, and one snapshot (this run's) on main.
      assertEquals(List.of("[" + D23 + "]", "[" + D24 + "]"),
          sql("SELECT partition." + "`date` FROM " + cat + ".geotraffic." + t.tableName() + ".partitions"));
      assertEquals(2, sql("SELECT * FROM " + cat + ".geotraffic." + t.tableName() + ".snapshots").size(), "empty start + this run's");
      assertEquals(List.of("[main]"), sql("SELECT name FROM " + cat + ".geotraffic." + t.tableName() + ".refs"), "audit branch removed");
    }
    JsonNode latest = JobRuns.latestSummary(out);
    assertEquals("succeeded", latest.path("status").asText());
    assertTrue(r.console().contains("audit of branch " + IcebergWriteAuditPublish.branch("iceberg-days") + ": passed"), r.console());
    // The branch write (with its audit) and the fast-forward are stages of their own, in stages_ms and in "done in".
    List<String> stages = new ArrayList<>();
    latest.path("stages_ms").fieldNames().forEachRemaining(stages::add);
    assertEquals(List.of("enrich_aggregate", "suppress_audit", "write", "iceberg_branch", "iceberg_publish"), stages);
    long sum = 0;
    for (JsonNode ms : latest.path("stages_ms")) {
      assertTrue(ms.asLong() >= 0);
      sum += ms.asLong();
    }
    assertTrue(latest.path("stages_ms").path("iceberg_branch").asLong() > 0, "writing five tables takes time");
    assertTrue(latest.path("duration_ms").asLong() >= sum, "duration_ms " + latest.path("duration_ms") + " covers the stages, " + sum);
    java.util.regex.Matcher done = java.util.regex.Pattern.compile("done in ([0-9,]+) ms").matcher(r.console());
    assertTrue(done.find(), r.console());
    assertTrue(Long.parseLong(done.group(1).replace(",", "")) >= sum, "the console's done in covers every stage: " + done.group() + ", " + sum);
    assertEquals(latest, JobRuns.summary(out, "iceberg-days"), "the run's own summary is latest.json");
  }

  @Test
  void fastForwardFailingAfterTheLedger_exit5_summarySaysIncomplete_andARetryOfTheDayCompletesIt() throws IOException {
    Path out = tmp.resolve("iceberg-ff-fails");
    assertEquals(0, run(out, "ff-day24", "--set", ICEBERG, "--date", D24).exitCode());
    String cat = readerCatalog(out);
    List<String> before = sql(select(Table.TOTALS, cat + ".geotraffic.totals"));
    Path probe = Files.createDirectories(tmp.resolve("chattr-probe"));
    assumeTrue(chattr("+i", probe) && chattr("-i", probe), "chattr +i works here (root on ext4)");
    String branch = IcebergWriteAuditPublish.branch("ff-fails");
    List<Path> metadata = new ArrayList<>();
    for (Table t : Table.values()) {
      metadata.add(out.resolve("geotraffic").resolve(t.tableName()).resolve("metadata"));
    }
    // The catalog stops taking commits once the branch passed its audit, before the ledger is published: the ledger and
    // the summary are published (they live under _ledger and _runs), the fast-forward of main fails.
    JobRuns.Run failed;
    try {
      failed = JobRuns.run(args(out, "ff-fails", "--set", ICEBERG, "--date", D23), line -> {
        if (line.contains("audit of branch " + branch + ": passed")) {
          metadata.forEach(dir -> assertTrue(chattr("+i", dir), dir.toString()));
        }
      });
    } finally {
      metadata.forEach(dir -> chattr("-i", dir));
    }
    assertEquals(5, failed.exitCode(), failed.console());
    assertTrue(failed.console().contains("Cannot fast-forward main of the Iceberg tables to branch " + branch), failed.console());
    assertTrue(failed.console().contains("the next run into this output completes the fast-forward"), failed.console());
    JsonNode own = JobRuns.summary(out, "ff-fails");
    assertEquals("incomplete", own.path("status").asText(), "the summary does not claim success");
    assertEquals("iceberg-fast-forward-pending", own.path("exit_reason").asText());
    assertTrue(own.path("status_detail").asText().contains("readers of main see the previous release until the next run"), own.toString());
    assertEquals(own, JobRuns.latestSummary(out), "latest.json, published with the ledger, says the same");
    assertTrue(own.path("stages_ms").has("iceberg_branch") && !own.path("stages_ms").has("iceberg_publish"), own.path("stages_ms").toString());
    assertTrue(Files.exists(out.resolve("_ledger/snapshots/ff-fails.json")), "the ledger holds the branch's snapshots");
    assertEquals(before, sql(select(Table.TOTALS, cat + ".geotraffic.totals")), "a reader of main sees the previous snapshot");

    // The operator retries the day: its release is in the ledger already (nothing new to publish), and the retry
    // completes the fast-forward.
    JobRuns.Run retry = run(out, "ff-retry", "--set", ICEBERG, "--date", D23);
    assertEquals(0, retry.exitCode(), retry.console());
    assertTrue(retry.console().contains("recovered: fast-forwarded "), retry.console());
    for (Table t : Table.values()) {
      assertEquals(parquetRows(parquet, t), sql(select(t, cat + ".geotraffic." + t.tableName())), t + ": both days on main");
      assertEquals(ledgerSnapshots(out, t.tableName()), snapshotIds(cat, t.tableName()), t + ": every snapshot in the ledger");
      assertEquals(List.of("[main]"), sql("SELECT name FROM " + cat + ".geotraffic." + t.tableName() + ".refs"), "branch removed");
    }
    JsonNode completed = JobRuns.summary(out, "ff-fails");
    assertEquals("succeeded", completed.path("status").asText(), "the failed run's summary tells the truth again");
    assertEquals("ff-retry", completed.path("completed_by").asText());
    assertFalse(completed.has("exit_reason"));
    assertEquals("ff-retry", JobRuns.latestSummary(out).path("run_id").asText());
  }

  @Test
  void summaryRewriteFailingAfterTheFastForward_summarySaysIncomplete_andTheNextRunMarksItSucceeded() throws IOException {
    Path out = tmp.resolve("iceberg-rewrite-fails");
    assertEquals(0, run(out, "rw-day24", "--set", ICEBERG, "--date", D24).exitCode());
    Path probe = Files.createDirectories(tmp.resolve("chattr-probe-rw"));
    assumeTrue(chattr("+i", probe) && chattr("-i", probe), "chattr +i works here (root on ext4)");
    Path runs = out.resolve("_runs");
    // main is fast-forwarded, then _runs stops taking writes: the summary's rewrite to succeeded fails.
    JobRuns.Run failed;
    try {
      failed = JobRuns.run(args(out, "rw-fails", "--set", ICEBERG, "--date", D23), line -> {
        if (line.contains("Iceberg tables fast-forwarded to branch")) {
          assertTrue(chattr("+i", runs), runs.toString());
        }
      });
    } finally {
      chattr("-i", runs);
    }
    assertTrue(failed.exitCode() != 0, failed.console());
    assertEquals("incomplete", JobRuns.summary(out, "rw-fails").path("status").asText(), "the rewrite did not happen");
    assertEquals("rw-fails", JobRuns.latestSummary(out).path("run_id").asText());
    String cat = readerCatalog(out);
    for (Table t : Table.values()) {
      assertEquals(List.of("[main]"), sql("SELECT name FROM " + cat + ".geotraffic." + t.tableName() + ".refs"), t + ": no branch left");
    }

    // Nothing is left to fast-forward, yet the next run sees that the incomplete run's snapshots are on main.
    JobRuns.Run next = run(out, "rw-next", "--set", ICEBERG, "--date", D23);
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("recovered: the summary of run rw-fails says succeeded now"), next.console());
    JsonNode completed = JobRuns.summary(out, "rw-fails");
    assertEquals("succeeded", completed.path("status").asText());
    assertEquals("rw-next", completed.path("completed_by").asText());
  }

  static List<String> args(Path out, String runId, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--input", "sample-logs", "--output", out.toString(), "--geoip-db", db.toString(),
        "--run-id", runId));
    args.addAll(List.of(more));
    return args;
  }

  static boolean chattr(String flag, Path dir) {
    try {
      Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void rerunOfADay_replacesOnlyThatDay_inOneSnapshot_andEverySnapshotIsInTheLedger() throws IOException {
    Path out = tmp.resolve("iceberg-rerun");
    assertEquals(0, run(out, "first", "--set", ICEBERG).exitCode());
    String cat = readerCatalog(out);
    List<String> before24 = sql(select(Table.COUNTRIES, cat + ".geotraffic.countries") + " WHERE `date` = '" + D24 + "'");
    long firstSnapshot = currentSnapshot(cat, "countries");
    // A higher threshold is a new release of the same input: the day is replaced.
    JobRuns.Run rerun = run(out, "rerun-k12", "--set", ICEBERG, "--set", "suppression.min-visitors=12", "--date", D23);
    assertEquals(0, rerun.exitCode(), rerun.console());

    // The same history in the Parquet layout: the revision is audited next to the day's first release there too.
    Path reference = tmp.resolve("parquet-k12");
    assertEquals(0, run(reference, "parquet-first").exitCode());
    assertEquals(0, run(reference, "parquet-k12", "--set", "suppression.min-visitors=12", "--date", D23).exitCode());
    for (Table t : Table.values()) {
      List<String> want = parquetRows(reference, t).stream().filter(r -> r.contains(D23)).toList();
      assertEquals(want, sql(select(t, cat + ".geotraffic." + t.tableName()) + " WHERE `date` = '" + D23 + "'"), t + " of the rerun day");
    }
    assertEquals(before24, sql(select(Table.COUNTRIES, cat + ".geotraffic.countries") + " WHERE `date` = '" + D24 + "'"),
        "the other day untouched");
    // Time travel to the first snapshot shows the first release, as the ledger recorded it.
    assertEquals(parquetRows(parquet, Table.COUNTRIES),
        sql(select(Table.COUNTRIES, cat + ".geotraffic.countries VERSION AS OF " + firstSnapshot)));

    Set<Long> recorded = ledgerSnapshots(out, "countries");
    Set<Long> inTable = new HashSet<>();
    SparkTestSession.get().sql("SELECT snapshot_id FROM " + cat + ".geotraffic.countries.snapshots").collectAsList()
        .forEach(row -> inTable.add(row.getLong(0)));
    assertEquals(3, inTable.size(), "the new table's empty branch start, then one snapshot per publishing run");
    assertEquals(recorded, inTable, "every snapshot an outsider can time-travel to is a release in the ledger");
  }

  static long currentSnapshot(String cat, String table) {
    return SparkTestSession.get().sql("SELECT snapshot_id FROM " + cat + ".geotraffic." + table + ".history WHERE is_current_ancestor"
        + " ORDER BY made_current_at DESC LIMIT 1").first().getLong(0);
  }

  static Set<Long> ledgerSnapshots(Path out, String table) throws IOException {
    Set<Long> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(out.resolve("_ledger/snapshots"))) {
      for (Path f : files.toList()) {
        new ObjectMapper().readTree(f.toFile()).path("snapshots").path(table).forEach(n -> ids.add(n.asLong()));
      }
    }
    return ids;
  }

  /** Rows of the table's schema: one of each table with one visitor (below k), for a branch that must fail its audit. */
  static Map<Table, Dataset<Row>> belowK(String date) {
    Map<Table, Dataset<Row>> rows = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      List<Object> v = new ArrayList<>(List.of(date, "default"));
      switch (t) {
        case COUNTRIES -> v.add("DE");
        case REGIONS -> v.addAll(List.of("DE", "DE-BE"));
        case PAGES -> v.add("/x");
        case PAGE_COUNTRIES -> v.addAll(List.of("/x", "DE"));
        default -> { }
      }
      v.addAll(List.of(1L, 1L, 1L));
      if (t != Table.PAGE_COUNTRIES) {
        v.add(1L);
      }
      rows.put(t, SparkTestSession.get().createDataFrame(List.of(RowFactory.create(v.toArray())), PublishedTableWriter.schema(t)));
    }
    return rows;
  }

  @Test
  void failedAudit_readersOfMainSeeThePreviousSnapshotDuringAndAfter_andTheBranchLeavesNoSnapshot() throws IOException {
    Path out = tmp.resolve("iceberg-failed-audit");
    assertEquals(0, run(out, "good", "--set", ICEBERG).exitCode());
    String cat = readerCatalog(out);
    long published = currentSnapshot(cat, "countries");
    List<String> before = sql(select(Table.COUNTRIES, cat + ".geotraffic.countries"));

    IcebergTables tables = IcebergTables.of(SparkTestSession.get(), new OutputTarget(OutputFormat.ICEBERG, "", "geotraffic"),
        new org.apache.hadoop.fs.Path(out.toString()), Period.DAY);
    IcebergWriteAuditPublish wap = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "bad");
    Map<Table, Dataset<Row>> bad = belowK(D23);
    wap.write(bad, Set.of(D23));
    // During: the branch holds the unaudited rows, main does not.
    assertEquals(1, SparkTestSession.get().read().format("iceberg").option("branch", wap.branch()).load(cat + ".geotraffic.countries")
        .where("`date` = '" + D23 + "'").count(), "the branch holds what was written");
    assertEquals(before, sql(select(Table.COUNTRIES, cat + ".geotraffic.countries")), "a reader of main during the audit");
    assertEquals(published, currentSnapshot(cat, "countries"));

    List<String> findings = wap.audit(belowK(D23), Set.of(D23), SuppressionPolicy.of(10));
    assertEquals(5, findings.size(), findings.toString());
    assertTrue(findings.get(0).contains("1 row(s) with fewer than k=10 visitors"), findings.toString());
    assertFalse(String.join(" ", findings).contains("DE"), "findings name no cell");
    wap.discard();

    assertEquals(before, sql(select(Table.COUNTRIES, cat + ".geotraffic.countries")), "a reader of main after the failed audit");
    assertEquals(List.of("[main]"), sql("SELECT name FROM " + cat + ".geotraffic.countries.refs"));
    assertEquals(ledgerSnapshots(out, "countries"), snapshotIds(cat, "countries"),
        "the unaudited snapshot is expired: nobody can time-travel to it");
    assertTrue(snapshotIds(cat, "countries").contains(published));
  }

  /** The audit's other findings: rows the job did not pass (or missing), files of days the run did not own, a branch moved. */
  @Test
  void audit_findsRowsTheJobDidNotPass_filesOfOtherDays_andABranchThatMoved() throws IOException {
    Path out = tmp.resolve("iceberg-audit-findings");
    assertEquals(0, run(out, "findings-day24", "--set", ICEBERG, "--date", D24).exitCode());
    IcebergTables tables = IcebergTables.of(SparkTestSession.get(), new OutputTarget(OutputFormat.ICEBERG, "", "geotraffic"),
        new org.apache.hadoop.fs.Path(out.toString()), Period.DAY);
    Map<Table, Dataset<Row>> day23 = auditedRows(D23);
    Map<Table, Dataset<Row>> bothDays = auditedRows(null);
    SuppressionPolicy k10 = SuppressionPolicy.of(10);

    IcebergWriteAuditPublish rows = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "other-rows");
    rows.write(belowK(D23), Set.of(D23));
    List<String> found = rows.audit(day23, Set.of(D23), k10);
    assertTrue(found.stream().anyMatch(f -> f.contains("countries branch") && f.contains("1 row(s) that the job's audit did not pass, "
        + day23.get(Table.COUNTRIES).count() + " audited row(s) missing")), found.toString());
    rows.discard();

    // Written for both days, audited as the run of day 23: day 24's files were replaced, which the run did not own.
    IcebergWriteAuditPublish otherDay = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "other-day");
    otherDay.write(bothDays, Set.of(D23, D24));
    found = otherDay.audit(day23, Set.of(D23), k10);
    assertEquals(Table.values().length, found.size(), found.toString());
    assertTrue(found.stream().allMatch(f -> f.contains("file(s) of other days added or removed since main")), found.toString());
    assertEquals(List.of(), otherDay.audit(bothDays, Set.of(D23, D24), k10), "the same branch passes as the run of both days");
    otherDay.discard();

    IcebergWriteAuditPublish moved = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "moved");
    moved.write(day23, Set.of(D23));
    String cat = readerCatalog(out);
    SparkTestSession.get().sql("DELETE FROM " + cat + ".geotraffic.totals.branch_" + moved.branch() + " WHERE `date` = '" + D24 + "'");
    found = moved.audit(day23, Set.of(D23), k10);
    assertEquals(List.of("geotraffic.totals branch " + moved.branch() + ": the branch moved after the run wrote it"),
        found.stream().map(f -> f.substring(f.indexOf("geotraffic.totals"))).toList(), found.toString());
    moved.discard();
  }

  @Test
  void killedRuns_readersSeeThePreviousSnapshot_andTheNextRunSettlesWhatTheyLeft() throws IOException {
    Path out = tmp.resolve("iceberg-killed");
    assertEquals(0, run(out, "before", "--set", ICEBERG, "--date", D24).exitCode());
    String cat = readerCatalog(out);
    List<String> before = sql(select(Table.TOTALS, cat + ".geotraffic.totals"));
    IcebergTables tables = IcebergTables.of(SparkTestSession.get(), new OutputTarget(OutputFormat.ICEBERG, "", "geotraffic"),
        new org.apache.hadoop.fs.Path(out.toString()), Period.DAY);
    // Killed after its branch was written, before its ledger: never published.
    IcebergWriteAuditPublish killed = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "killed");
    killed.write(belowK(D23), Set.of(D23));
    assertEquals(before, sql(select(Table.TOTALS, cat + ".geotraffic.totals")), "a reader after the killed run");

    JobRuns.Run next = run(out, "next", "--set", ICEBERG, "--date", D23);
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("discarded unpublished branch " + killed.branch()), next.console());
    for (Table t : Table.values()) {
      assertEquals(parquetRows(parquet, t), sql(select(t, cat + ".geotraffic." + t.tableName())), t + ": both days, audited");
      assertEquals(ledgerSnapshots(out, t.tableName()), snapshotIds(cat, t.tableName()), t + ": no snapshot of the killed run left");
    }
  }

  static Set<Long> snapshotIds(String cat, String table) {
    Set<Long> ids = new TreeSet<>();
    SparkTestSession.get().sql("SELECT snapshot_id FROM " + cat + ".geotraffic." + table + ".snapshots").collectAsList()
        .forEach(row -> ids.add(row.getLong(0)));
    return ids;
  }

  @Test
  void runKilledAfterItsLedger_beforeItsFastForward_isCompletedByTheNextRun() throws IOException {
    Path out = tmp.resolve("iceberg-killed-after-ledger");
    assertEquals(0, run(out, "day24", "--set", ICEBERG, "--date", D24).exitCode());
    String cat = readerCatalog(out);
    IcebergTables tables = IcebergTables.of(SparkTestSession.get(), new OutputTarget(OutputFormat.ICEBERG, "", "geotraffic"),
        new org.apache.hadoop.fs.Path(out.toString()), Period.DAY);
    // The audited rows of day 23 (from the Parquet reference), written to a branch and recorded in the ledger, as a run
    // killed right after its ledger publish leaves them.
    Map<Table, Dataset<Row>> day23 = auditedRows(D23);
    IcebergWriteAuditPublish killed = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "killed-after-ledger");
    killed.write(day23, Set.of(D23));
    assertEquals(List.of(), killed.audit(day23, Set.of(D23), SuppressionPolicy.of(10)));
    Files.createDirectories(out.resolve("_ledger/snapshots"));
    Files.write(out.resolve("_ledger/snapshots/killed-after-ledger.json"), killed.snapshots("killed-after-ledger").toJson());
    assertEquals(0, sql(select(Table.TOTALS, cat + ".geotraffic.totals") + " WHERE `date` = '" + D23 + "'").size(),
        "not on main before the fast-forward");

    JobRuns.Run next = run(out, "next-after-ledger", "--set", ICEBERG, "--date", D24, "--set", "suppression.min-visitors=11");
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("fast-forwarded geotraffic_"), next.console());
    assertEquals(parquetRows(parquet, Table.TOTALS).stream().filter(s -> s.contains(D23)).toList(),
        sql(select(Table.TOTALS, cat + ".geotraffic.totals") + " WHERE `date` = '" + D23 + "'"), "the killed run's day completed");
  }

  /**
   * A run killed between its tables' fast-forwards: two tables' main show day 23, three do not. The report shows the
   * release before it in all five, says why, and after the next run shows day 23 in all five.
   */
  @Test
  void runKilledBetweenItsTablesFastForwards_reportShowsThePreviousReleaseInEveryTable_untilTheNextRunCompletesIt() throws Exception {
    Path out = tmp.resolve("iceberg-half-forwarded");
    assertEquals(0, run(out, "half-day24", "--set", ICEBERG, "--date", D24).exitCode());
    IcebergTables tables = IcebergTables.of(SparkTestSession.get(), new OutputTarget(OutputFormat.ICEBERG, "", "geotraffic"),
        new org.apache.hadoop.fs.Path(out.toString()), Period.DAY);
    Map<Table, Dataset<Row>> day23 = auditedRows(D23);
    IcebergWriteAuditPublish killed = new IcebergWriteAuditPublish(SparkTestSession.get(), tables, "half-forwarded");
    killed.write(day23, Set.of(D23));
    assertEquals(List.of(), killed.audit(day23, Set.of(D23), SuppressionPolicy.of(10)));
    Files.createDirectories(out.resolve("_ledger/snapshots"));
    Files.write(out.resolve("_ledger/snapshots/half-forwarded.json"), killed.snapshots("half-forwarded").toJson());
    // As the run's fast-forward does it, for the first two tables only: then the kill.
    for (Table t : List.of(Table.values()[0], Table.values()[1])) {
      tables.load(t).manageSnapshots().fastForwardBranch(org.apache.iceberg.SnapshotRef.MAIN_BRANCH, killed.branch()).commit();
    }
    String cat = readerCatalog(out);
    assertEquals(parquetRows(parquet, Table.values()[0]).stream().filter(r -> r.contains(D23)).toList(),
        sql(select(Table.values()[0], cat + ".geotraffic." + Table.values()[0].tableName()) + " WHERE `date` = '" + D23 + "'"),
        "a plain reader of main sees day 23 in the first table");
    assertEquals(List.of(), sql(select(Table.values()[2], cat + ".geotraffic." + Table.values()[2].tableName()) + " WHERE `date` = '" + D23 + "'"),
        "and not in the third: a mix");

    String html = out.resolveSibling("half-forwarded.html").toString();
    JobRuns.Run report = JobRuns.run(List.of("report", "--output", out.toString(), "--html", html));
    assertEquals(0, report.exitCode(), report.console());
    assertTrue(report.console().contains("run half-forwarded was stopped while it fast-forwarded the Iceberg tables (2 of 5 moved)"),
        report.console());
    org.geotraffic.report.ReportOptions options = org.geotraffic.report.ReportOptions.parse(new String[] {"--output", out.toString(), "--html", html});
    org.geotraffic.report.PublishedTablesStage stage = new org.geotraffic.report.PublishedTablesStage(SparkTestSession.get());
    var rows = stage.read(out.toString(), options);
    assertTrue(rows.stream().noneMatch(r -> r.date().equals(D23)), "the report shows no table's day 23");
    assertEquals(Set.of(D24), rows.stream().map(r -> r.date()).collect(java.util.stream.Collectors.toSet()));
    assertTrue(stage.notes().size() == 1 && stage.notes().get(0).contains("run half-forwarded was stopped while it fast-forwarded"),
        stage.notes().toString());

    assertEquals(0, run(out, "half-next", "--set", ICEBERG, "--date", D24).exitCode());
    var after = stage.read(out.toString(), options);
    assertEquals(List.of(), stage.notes());
    for (Table t : Table.values()) {
      assertTrue(after.stream().anyMatch(r -> r.table() == t && r.date().equals(D23)), t + ": day 23 once the next run completed it");
    }

    // A run of another period (weekly tables only) is never taken for a completed run of these tables.
    assertFalse(IcebergWriteAuditPublish.fastForwarded(tables, new org.geotraffic.ledger.TableSnapshots("weekly-run",
        IcebergWriteAuditPublish.branch("weekly-run"), Map.of("weekly_countries", List.of(1L)))));
    // Snapshots expired by hand in one table only: the earlier runs' heads are gone there, but no branch is left, so no
    // run is taken for half published and the report reads main in every table.
    tables.load(Table.COUNTRIES).expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(1).commit();
    var afterExpiry = stage.read(out.toString(), options);
    assertEquals(List.of(), stage.notes());
    assertEquals(after.stream().map(Object::toString).sorted().toList(), afterExpiry.stream().map(Object::toString).sorted().toList());
  }

  @Test
  void weekOutput_goesToTheWeeklyTables() throws IOException {
    Path week = tmp.resolve("parquet-week");
    assertEquals(0, run(week, "parquet-week", "--period", "week", "--date", D24).exitCode());
    Path out = tmp.resolve("iceberg-week");
    JobRuns.Run r = run(out, "iceberg-week", "--set", ICEBERG, "--period", "week", "--date", D24);
    assertEquals(0, r.exitCode(), r.console());
    String cat = readerCatalog(out);
    for (Table t : Table.values()) {
      List<String> want = SparkTestSession.get().read().parquet(week.resolve("weekly").resolve(t.tableName()).toString())
          .withColumn("date", org.apache.spark.sql.functions.col("date").cast("string"))
          .selectExpr(PublishedTableWriter.schema(t).fieldNames()).collectAsList().stream().map(Row::toString).sorted().toList();
      assertEquals(want, sql(select(t, cat + ".geotraffic.weekly_" + t.tableName())), "weekly_" + t.tableName());
    }
    assertFalse(Files.exists(out.resolve("geotraffic/countries")), "no daily table from a week run");
  }

  @Test
  void icebergFilesAndMetadata_holdNoClientOfTheInput() throws IOException {
    Path out = tmp.resolve("iceberg-canary");
    assertEquals(0, run(out, "canary", "--set", ICEBERG).exitCode());
    Set<String> clients = sampleClients();
    assertTrue(clients.size() > 50, "the sample's clients: " + clients.size());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out.resolve("geotraffic"))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".metadata.json")) && files.stream().anyMatch(f -> f.toString().endsWith(".avro")),
        "metadata and manifests searched");
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String c : clients) {
        assertFalse(containsToken(text, c), c + " in " + f);
      }
    }
    // Manifests may be compressed: their decoded content through the metadata tables, too.
    String cat = readerCatalog(out);
    for (Table t : Table.values()) {
      for (String meta : List.of("snapshots", "history", "refs", "manifests", "files", "entries", "partitions", "metadata_log_entries")) {
        String all = SparkTestSession.get().sql("SELECT to_json(struct(*)) FROM " + cat + ".geotraffic." + t.tableName() + "." + meta)
            .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.joining("\n"));
        assertFalse(all.isEmpty(), meta);
        for (String c : clients) {
          assertFalse(containsToken(all, c), c + " in " + t.tableName() + "." + meta);
        }
      }
    }
  }

  /** Whether {@code text} holds {@code token} not as part of a longer address or name. */
  static boolean containsToken(String text, String token) {
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
      int end = i + token.length();
      boolean before = i > 0 && part(text.charAt(i - 1));
      boolean after = end < text.length() && part(text.charAt(end));
      if (!before && !after) {
        return true;
      }
    }
    return false;
  }

  private static boolean part(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-';
  }

  static Set<String> sampleClients() throws IOException {
    Set<String> clients = new TreeSet<>();
    for (Path f : List.of(Path.of("sample-logs/access.log.2026-11-23"), Path.of("sample-logs/access.log.2026-11-24.gz"))) {
      byte[] bytes = Files.readAllBytes(f);
      if (f.toString().endsWith(".gz")) {
        bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
      }
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        if (line.indexOf(' ') > 0) {
          clients.add(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    return clients;
  }

  @Test
  void ledgerSnapshotsFile_isWrittenWithTheRun() throws IOException {
    Path out = tmp.resolve("iceberg-ledger");
    assertEquals(0, run(out, "ledger-run", "--set", ICEBERG, "--date", D23).exitCode());
    JsonNode s = new ObjectMapper().readTree(out.resolve("_ledger/snapshots/ledger-run.json").toFile());
    assertEquals("ledger-run", s.path("run_id").asText());
    for (Table t : Table.values()) {
      assertEquals(2, s.path("snapshots").path(t.tableName()).size(), t.tableName() + ": the empty start and the run's");
    }
    assertTrue(Files.isDirectory(out.resolve("_ledger/rows")), "the ledger keeps the rows, as for Parquet");
  }

  @Test
  void report_readsEitherLayout_detectedOrTold_andShowsTheSameTables() throws IOException {
    Path out = tmp.resolve("iceberg-report");
    assertEquals(0, run(out, "iceberg-report", "--set", ICEBERG).exitCode());
    Map<String, String> fromParquet = reportCsv(parquet, "parquet");
    Map<String, String> detected = reportCsv(out, "detected");
    Map<String, String> told = reportCsv(out, "told", "--format", "iceberg");
    assertFalse(fromParquet.isEmpty());
    assertEquals(fromParquet, detected, "the report of the Iceberg tables equals the Parquet folders' report");
    assertEquals(fromParquet, told);
  }

  static Map<String, String> reportCsv(Path out, String name, String... more) throws IOException {
    Path csv = tmp.resolve("csv-" + name);
    List<String> args = new ArrayList<>(List.of("report", "--output", out.toString(), "--html", tmp.resolve(name + ".html").toString(),
        "--csv", csv.toString()));
    args.addAll(List.of(more));
    JobRuns.Run r = JobRuns.run(args);
    assertEquals(0, r.exitCode(), r.console());
    Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> list = Files.list(csv)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readString(f).replaceAll("iceberg-report|parquet-days", "RUN"));
      }
    }
    return files;
  }

  @Test
  void aCatalogTheUserNames_holdsTheTables_inItsNamespace() throws IOException {
    Path lake = tmp.resolve("lake");
    SparkSession spark = SparkTestSession.get();
    // Configured as a platform would (here a Hadoop catalog elsewhere, with Iceberg's default table cache on).
    spark.conf().set("spark.sql.catalog.lake.type", "hadoop");
    spark.conf().set("spark.sql.catalog.lake.warehouse", lake.toString());
    spark.conf().set("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog");
    Path out = tmp.resolve("iceberg-named");
    JobRuns.Run r = run(out, "named", "--set", ICEBERG, "--set", "output.catalog=lake", "--set", "output.namespace=web", "--date", D23);
    assertEquals(0, r.exitCode(), r.console());
    assertEquals(parquetRows(parquet, Table.COUNTRIES).stream().filter(x -> x.contains(D23)).toList(),
        sql(select(Table.COUNTRIES, "lake.web.countries")));
    assertTrue(Files.isDirectory(lake.resolve("web/countries/metadata")));
    assertFalse(Files.exists(out.resolve("geotraffic")), "nothing in the output's own catalog");
    assertTrue(Files.isDirectory(out.resolve("_ledger/snapshots")), "the ledger stays in the output directory");
  }
}
