package org.geotraffic.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.ledger.TableSnapshots;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Table;

/**
 * Write-audit-publish of one run's days into the Iceberg tables of a period:
 *
 * <ol>
 *   <li><b>write</b>: the rows the job's own audit passed (the staged Parquet, which the release ledger copies) go to a
 *       branch of each table, {@link #branch}, taken from main; the run's days are replaced there in one commit per table
 *       (overwrite by {@code date IN (days)}: a day for which a table now has no row loses its old rows too);
 *   <li><b>audit</b>: what the branch holds is read back and checked: the run's days hold exactly the audited rows, every
 *       one of them with at least k visitors, and every other day is as main has it;
 *   <li><b>publish</b>: main is fast-forwarded to the branch's snapshot and the branch removed, after the release ledger
 *       (with {@link TableSnapshots}) is published.
 * </ol>
 *
 * A reader of main sees the previous snapshot until the fast-forward, and the audited one after. A branch that failed
 * its audit, or that a killed run left without a ledger entry, is removed and its snapshot expired with its files, so no
 * snapshot that was not audited and recorded stays in the table's history. Not thread-safe; one per run.
 */
public final class IcebergWriteAuditPublish {
  /** Every audit branch starts so; the rest names the run. */
  public static final String BRANCH_PREFIX = "geotraffic_audit_";

  private final SparkSession spark;
  private final IcebergTables tables;
  private final String branch;
  private final Map<Table, Long> heads = new EnumMap<>(Table.class);
  /** The snapshots the branch added to each table, newest (its head) first. */
  private final Map<Table, List<Long>> added = new EnumMap<>(Table.class);

  public IcebergWriteAuditPublish(SparkSession spark, IcebergTables tables, String runId) {
    this.spark = spark;
    this.tables = tables;
    this.branch = branch(runId);
  }

  /**
   * The audit branch of a run: its id made safe for a ref name, and the first 48 bits of its SHA-256, so that ids that
   * differ only in characters the name replaces still get branches of their own.
   */
  public static String branch(String runId) {
    try {
      byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
      return BRANCH_PREFIX + runId.replaceAll("[^A-Za-z0-9_]", "_") + "_" + HexFormat.of().formatHex(sha, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot name the audit branch: no SHA-256 in this JVM", e);
    }
  }

  public String branch() {
    return branch;
  }

  /** The branch's snapshot per table, by the table's name in the namespace: what the ledger records. */
  public TableSnapshots snapshots(String runId) {
    Map<String, List<Long>> byName = new HashMap<>();
    added.forEach((t, ids) -> byName.put(tables.shortName(t), ids));
    return new TableSnapshots(runId, branch, byName);
  }

  /**
   * The rows staged for the run's days: {@code <staging>/<period>/<table>/date=D/}, read with the table's schema; the
   * staging folder also holds days the run repeats unchanged, which are left out.
   */
  public Dataset<Row> staged(Path stagingDir, Table table, Set<String> days) throws IOException {
    Path dir = new Path(stagingDir, tables.period().tablePath(table.tableName()));
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.isDirectory(dir)) {
      return spark.createDataFrame(List.of(), PublishedTableWriter.schema(table));
    }
    Dataset<Row> read = spark.read().schema(PublishedTableWriter.schema(table)).parquet(dir.toString())
        .where(IcebergTables.inDates(days));
    // In the schema's column order (the reader puts the partition column last), and with the schema's required columns
    // (the file reader makes every column nullable, and Iceberg refuses nullable data for required columns).
    return spark.createDataFrame(read.selectExpr(PublishedTableWriter.schema(table).fieldNames()).javaRDD(), PublishedTableWriter.schema(table));
  }

  /**
   * Writes each table's rows of {@code days} to the run's branch, taken from main as it is now (under the publish
   * lock), replacing those days there.
   */
  public void write(Map<Table, Dataset<Row>> rows, Set<String> days) {
    for (Table table : Table.values()) {
      org.apache.iceberg.Table t = tables.load(table);
      if (t.refs().containsKey(branch)) {
        t.manageSnapshots().removeBranch(branch).commit(); // an earlier attempt of the same run id
      }
      Snapshot main = t.currentSnapshot();
      if (main != null) {
        t.manageSnapshots().createBranch(branch, main.snapshotId()).commit();
      } else {
        // A new table has no main to branch from; Iceberg then gives the branch an empty snapshot of its own (a write to
        // a branch that does not exist would go to main). That snapshot is recorded in the ledger with the run's.
        t.manageSnapshots().createBranch(branch).commit();
      }
      spark.sparkContext().setJobDescription("write " + tables.name(table) + " branch " + branch);
      try {
        // The branch named in the identifier (Iceberg's branch_<name>), as Iceberg's docs write to a branch.
        rows.get(table).writeTo(tables.name(table) + ".branch_" + branch).overwrite(IcebergTables.inDates(days));
      } catch (org.apache.spark.sql.AnalysisException e) {
        throw new IllegalStateException("Cannot write " + tables.name(table) + " branch " + branch + ": " + e.getMessage(), e);
      }
      t.refresh();
      Snapshot mainAfter = t.currentSnapshot();
      if ((main == null) != (mainAfter == null) || (main != null && main.snapshotId() != mainAfter.snapshotId())) {
        throw new IllegalStateException("Cannot write " + tables.name(table) + ": main moved while branch " + branch + " was written, from "
            + (main == null ? "none" : main.snapshotId()) + " to " + (mainAfter == null ? "none" : mainAfter.snapshotId()));
      }
      long head = t.refs().get(branch).snapshotId();
      heads.put(table, head);
      List<Long> ids = new ArrayList<>();
      (main == null ? SnapshotUtil.ancestorIds(t.snapshot(head), t::snapshot)
          : SnapshotUtil.ancestorIdsBetween(head, main.snapshotId(), t::snapshot)).forEach(ids::add);
      added.put(table, ids);
    }
  }

  /**
   * Reads what the branch holds and checks it; returns the findings (names and counts only, never a row), empty when
   * the branch may be published.
   *
   * <p>The run's days are read back and compared with the audited rows in the driver: they are suppressed aggregates
   * (a 1M-line day has some ten thousand rows), and one read per table replaced five Spark jobs per table (two
   * {@code exceptAll} counts, a count below k, and two more for the other days): the branch's write and audit took
   * 9.2-9.5 s of a 15.3-15.7 s Iceberg sample run before, 4.6-5.2 s of 10.8-11.5 s after (three interleaved pairs, quiet
   * machine). That every other day is as main has it is read off the branch's snapshots: no data or delete file outside the
   * run's days was added or removed since main, which with the tables' identity partitioning by date is exact.
   */
  public List<String> audit(Map<Table, Dataset<Row>> expected, Set<String> days, SuppressionPolicy policy) {
    List<String> findings = new ArrayList<>();
    for (Table table : Table.values()) {
      spark.sparkContext().setJobDescription("audit " + tables.name(table) + " branch " + branch);
      Map<Row, Integer> difference = new HashMap<>();
      long belowK = 0;
      for (Row r : tables.read(table, branch).where(IcebergTables.inDates(days)).collectAsList()) {
        difference.merge(r, 1, Integer::sum);
        belowK += r.<Long>getAs("visitors") < policy.minVisitors(table) ? 1 : 0;
      }
      for (Row r : expected.get(table).collectAsList()) {
        difference.merge(r, -1, Integer::sum);
      }
      long extra = difference.values().stream().filter(n -> n > 0).mapToLong(n -> n).sum();
      long missing = difference.values().stream().filter(n -> n < 0).mapToLong(n -> -n).sum();
      if (extra + missing > 0) {
        findings.add(tables.name(table) + " branch " + branch + ": " + extra + " row(s) that the job's audit did not pass, "
            + missing + " audited row(s) missing, in the days written");
      }
      if (belowK > 0) {
        findings.add(tables.name(table) + " branch " + branch + ": " + belowK + " row(s) with fewer than k=" + policy.minVisitors(table)
            + " visitors");
      }
      org.apache.iceberg.Table t = tables.load(table);
      SnapshotRef ref = t.refs().get(branch);
      if (ref == null || ref.snapshotId() != heads.get(table)) {
        findings.add(tables.name(table) + " branch " + branch + ": the branch moved after the run wrote it");
        continue;
      }
      long outside = filesOutside(t, added.getOrDefault(table, List.of()), days);
      if (outside > 0) {
        findings.add(tables.name(table) + " branch " + branch + ": " + outside + " file(s) of other days added or removed since main");
      }
    }
    return findings;
  }

  /**
   * The data and delete files that the given snapshots added or removed outside {@code days}; a file whose partition is
   * not a date (a table whose partitioning someone changed) counts as outside.
   */
  private static long filesOutside(org.apache.iceberg.Table t, List<Long> snapshots, Set<String> days) {
    long outside = 0;
    for (long id : snapshots) {
      // Through the table's specs (Snapshot's own file lists read them from each manifest, which Iceberg deprecates).
      org.apache.iceberg.SnapshotChanges changes = org.apache.iceberg.SnapshotChanges.builderFor(t).snapshot(t.snapshot(id)).build();
      List<org.apache.iceberg.ContentFile<?>> files = new ArrayList<>();
      changes.addedDataFiles().forEach(files::add);
      changes.removedDataFiles().forEach(files::add);
      changes.addedDeleteFiles().forEach(files::add);
      changes.removedDeleteFiles().forEach(files::add);
      for (org.apache.iceberg.ContentFile<?> f : files) {
        org.apache.iceberg.PartitionSpec spec = t.specs().get(f.specId());
        boolean byDate = spec != null && spec.fields().size() == 1 && spec.fields().get(0).transform().isIdentity()
            && t.schema().findColumnName(spec.fields().get(0).sourceId()).equals(org.geotraffic.output.TableLayout.DATE);
        Object date = byDate ? f.partition().get(0, Object.class) : null;
        outside += date != null && days.contains(date.toString()) ? 0 : 1;
      }
    }
    return outside;
  }

  /**
   * Fast-forwards main of every table to the run's snapshot and removes the branch. Main must not have moved since the
   * branch was taken (every geotraffic run branches under the publish lock and completes earlier runs' fast-forwards
   * first, {@link #recover}); a table whose main already holds the snapshot is left as it is.
   */
  public void publish() {
    for (Table table : Table.values()) {
      fastForward(tables.load(table), branch, heads.get(table));
    }
  }

  private static void fastForward(org.apache.iceberg.Table t, String branch, long head) {
    Snapshot main = t.currentSnapshot();
    if (main != null && (main.snapshotId() == head || SnapshotUtil.isAncestorOf(t, main.snapshotId(), head))) {
      removeBranch(t, branch); // published already (by a later run's recovery)
      return;
    }
    if (main != null && !SnapshotUtil.isAncestorOf(t, head, main.snapshotId())) {
      throw new IllegalStateException("Cannot publish " + t.name() + ": main is at snapshot " + main.snapshotId()
          + ", which the audited snapshot " + head + " of branch " + branch + " does not descend from");
    }
    SnapshotRef ref = t.refs().get(branch);
    if (ref == null || ref.snapshotId() != head) {
      throw new IllegalStateException("Cannot publish " + t.name() + ": branch " + branch + " is at snapshot "
          + (ref == null ? "none" : ref.snapshotId()) + ", not at the audited snapshot " + head);
    }
    if (main == null) {
      t.manageSnapshots().createBranch(SnapshotRef.MAIN_BRANCH, head).commit();
    } else {
      t.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
    }
    removeBranch(t, branch);
  }

  private static void removeBranch(org.apache.iceberg.Table t, String branch) {
    t.refresh();
    if (t.refs().containsKey(branch)) {
      t.manageSnapshots().removeBranch(branch).commit();
    }
  }

  /**
   * Removes the run's branch from every table and expires its snapshot with its files, unless main holds it: what a run
   * that failed its audit or was refused leaves behind no snapshot a reader could time-travel to.
   */
  public void discard() {
    for (Table table : Table.values()) {
      Long head = heads.get(table);
      if (head == null || !tables.exists(table)) {
        continue;
      }
      discard(tables.load(table), branch, head);
    }
  }

  private static void discard(org.apache.iceberg.Table t, String branch, long head) {
    Snapshot main = t.currentSnapshot();
    List<Long> unpublished = new ArrayList<>();
    if (t.snapshot(head) != null) {
      for (Long id : SnapshotUtil.ancestorIds(t.snapshot(head), t::snapshot)) {
        if (main != null && (main.snapshotId() == id || SnapshotUtil.isAncestorOf(t, main.snapshotId(), id))) {
          break;
        }
        unpublished.add(id);
      }
    }
    if (t.refs().containsKey(branch)) {
      t.manageSnapshots().removeBranch(branch).commit();
    }
    if (!unpublished.isEmpty()) {
      var expire = t.expireSnapshots().cleanExpiredFiles(true);
      unpublished.forEach(expire::expireSnapshotId);
      expire.commit();
    }
  }

  /**
   * What killed runs left in the tables, settled before this run branches (under the publish lock): an audit branch whose
   * snapshot the ledger records was published, and main is fast-forwarded to it (the run died between its ledger and its
   * fast-forward); any other audit branch was never published, and is discarded.
   */
  public static Recovery recover(IcebergTables tables, List<TableSnapshots> ledger) {
    Map<String, Map<String, List<Long>>> recorded = new HashMap<>();
    Map<String, String> runOf = new HashMap<>();
    for (TableSnapshots s : ledger) {
      recorded.put(s.branch(), s.snapshots());
      runOf.put(s.branch(), s.runId());
    }
    List<String> done = new ArrayList<>();
    Set<String> completed = new TreeSet<>();
    for (Table table : Table.values()) {
      if (!tables.exists(table)) {
        continue;
      }
      org.apache.iceberg.Table t = tables.load(table);
      for (String ref : new TreeSet<>(t.refs().keySet())) {
        if (!ref.startsWith(BRANCH_PREFIX)) {
          continue;
        }
        long head = t.refs().get(ref).snapshotId();
        List<Long> published = recorded.getOrDefault(ref, Map.of()).getOrDefault(tables.shortName(table), List.of());
        if (!published.isEmpty() && published.get(0) == head) {
          fastForward(t, ref, head);
          done.add("fast-forwarded " + tables.name(table) + " to the published snapshot of branch " + ref);
          completed.add(runOf.get(ref));
        } else {
          discard(t, ref, head);
          done.add("discarded unpublished branch " + ref + " of " + tables.name(table));
        }
        t.refresh();
      }
    }
    return new Recovery(done, completed);
  }

  /**
   * Whether the run wrote these tables (this period's), and main of every one shows its audited snapshot (or a later one
   * built on it) with no branch of the run left: its fast-forward is complete, whatever its summary says (its rewrite
   * may have failed after it). False for a run of another period, whose tables these are not.
   */
  public static boolean fastForwarded(IcebergTables tables, TableSnapshots run) {
    boolean wroteThesePeriodsTables = false;
    for (Table table : Table.values()) {
      List<Long> ids = run.snapshots().getOrDefault(tables.shortName(table), List.of());
      if (ids.isEmpty()) {
        continue; // not this period's table: a run of another period wrote none of these
      }
      wroteThesePeriodsTables = true;
      if (!tables.exists(table)) {
        return false;
      }
      org.apache.iceberg.Table t = tables.load(table);
      Snapshot main = t.currentSnapshot();
      long head = ids.get(0);
      if (t.refs().containsKey(run.branch()) || main == null
          || (main.snapshotId() != head && !SnapshotUtil.isAncestorOf(t, main.snapshotId(), head))) {
        return false;
      }
    }
    return wroteThesePeriodsTables;
  }

  /**
   * What {@link #recover} did: one line per thing done, and the runs whose fast-forward it completed (every table of
   * theirs now shows their snapshot on main, since it throws rather than leave one behind).
   */
  public record Recovery(List<String> lines, Set<String> completedRuns) {
    public Recovery {
      lines = List.copyOf(lines);
      completedRuns = Set.copyOf(completedRuns);
    }
  }

  /** The branch failed its audit: nothing was published, the branch is discarded. */
  public static final class AuditFailed extends IOException {
    private static final long serialVersionUID = 1L;

    public AuditFailed(String message) {
      super(message);
    }
  }
}
