package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.geotraffic.config.Period;
import org.geotraffic.ledger.ReleaseLedger;
import org.geotraffic.ledger.TableSnapshots;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg's write-audit-publish under a real SIGKILL: the job runs in a child JVM (as spark-submit would start it) writing
 * Iceberg tables to a local Hadoop catalog over a day published before, and the test kills it with
 * {@link Process#destroyForcibly()} at two points of its publish, found by watching the output from outside:
 *
 * <ol>
 *   <li>as soon as any table's metadata names the run's audit branch (the branch is being created and written, the
 *       ledger is not published);
 *   <li>as soon as the next run's snapshots are in the ledger ({@code _ledger/snapshots/<run>.json}), its folder publish
 *       is finished (no journal left) and main of a first table shows its snapshot: in the middle of the fast-forward,
 *       which goes table after table (a reader may see the tables mixed, each whole, until the next run).
 * </ol>
 *
 * After each kill a reader of main (Spark SQL, its own catalog) must see every table at the previous snapshot or at the
 * killed run's ledger-recorded snapshot, each whole; and the next real run must settle what was left: the branch without a
 * ledger entry discarded with its snapshots, the recorded one fast-forwarded, so that every table shows the ledger's
 * latest release of the day and holds no snapshot the ledger lacks.
 */
class IcebergKilledJvmTest {
  static final String DAY = "2026-11-23";
  /** Upper bound for a hung child, so the build ends; never reached by a healthy run. */
  static final long HANG_SECONDS = 240;

  @TempDir Path tmp;

  @Test
  void sigkillDuringTheBranchAndDuringTheFastForward_readersOfMainSeeWholeSnapshots_andTheNextRunSettlesThem() throws Exception {
    long testStarted = System.nanoTime();
    Path db = JobRuns.demoDatabase();
    Path out = tmp.resolve("out");
    // The previous published day (k = 10), then revisions of it (k = 12) that get killed.
    JobRuns.Run first = JobRuns.run(args(out, db, "published", "10"));
    assertEquals(0, first.exitCode(), first.console());
    long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - testStarted);
    String cat = IcebergOutputTest.readerCatalog(out);
    Map<Table, List<String>> previous = mainRows(cat);
    Map<Table, Long> previousSnapshot = mainSnapshots(out);
    assertEquals(IcebergOutputTest.currentSnapshot(cat, "countries"), previousSnapshot.get(Table.COUNTRIES),
        "the metadata file's main is the snapshot Spark SQL reads");

    // Kill 1: while the branch is being created and written.
    String branchA = IcebergWriteAuditPublish.branch("killed-in-branch");
    Kill a = runAndKill(out, db, "killed-in-branch", () -> anyMetadataNames(out, branchA));
    assertFalse(a.stderr().contains("geotraffic: publish:"), "killed before its fast-forward:\n" + a.stderr());
    assertFalse(Files.exists(out.resolve(TableSnapshots.file("killed-in-branch"))), "killed before its ledger");
    assertEquals(previous, mainRows(cat), "a reader of main after kill 1 sees the previous day, every table whole");
    assertEquals(previousSnapshot, mainSnapshots(out));
    int withBranchA = tablesWithRef(out, branchA);
    assertTrue(withBranchA >= 1, "the kill left the branch in the metadata");

    // Kill 2: the next run first settles kill 1 (under the publish lock), then is killed once its ledger is published.
    String branchB = IcebergWriteAuditPublish.branch("killed-in-fast-forward");
    Kill b = runAndKill(out, db, "killed-in-fast-forward", () -> Files.exists(out.resolve(TableSnapshots.file("killed-in-fast-forward")))
        && noJournal(out) && tablesOnMain(out, "killed-in-fast-forward") >= 1);
    assertTrue(b.stderr().contains("recovered: discarded unpublished branch " + branchA), b.stderr());
    assertEquals(0, tablesWithRef(out, branchA), "kill 1's branch is gone");
    TableSnapshots recorded = ledgerSnapshots(out, "killed-in-fast-forward");
    Map<Table, Long> atKill = mainSnapshots(out);
    int flipped = 0;
    List<String> flippedTables = new ArrayList<>();
    for (Table t : Table.values()) {
      long head = recorded.snapshots().get(t.tableName()).get(0);
      long now = atKill.get(t);
      assertTrue(now == previousSnapshot.get(t) || now == head, t + " at the previous snapshot or the recorded one, got " + now);
      if (now == head) {
        flipped++;
        flippedTables.add(t.tableName() + (ledgerRows(out, "killed-in-fast-forward", t).equals(previous.get(t)) ? " (same rows)" : " (new rows)"));
        assertEquals(ledgerRows(out, "killed-in-fast-forward", t), mainRows(cat, t), t + ": the new day, whole");
      } else {
        assertEquals(previous.get(t), mainRows(cat, t), t + ": the previous day, whole");
      }
    }
    JsonNode killedSummary = JobRuns.summary(out, "killed-in-fast-forward");
    assertEquals("incomplete", killedSummary.path("status").asText(), "the killed run's summary does not claim success");
    System.out.printf("IcebergKilledJvmTest: first run %d ms; kill 1 after %d ms with the branch in %d of 5 tables; kill 2 after %d ms with"
        + " %d of 5 tables fast-forwarded %s; %d ms since the test started%n", firstMillis, a.millis(), withBranchA, b.millis(), flipped,
        flippedTables, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - testStarted));

    // The next real run (a retry of the day, whose release is in the ledger already) completes the fast-forward.
    long nextStarted = System.nanoTime();
    JobRuns.Run next = JobRuns.run(args(out, db, "next", "12"));
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("recovered: fast-forwarded "), next.console());
    int changed = 0;
    for (Table t : Table.values()) {
      List<String> release = ledgerRows(out, "killed-in-fast-forward", t);
      assertEquals(release, mainRows(cat, t), t + ": the recorded release on main");
      changed += release.equals(previous.get(t)) ? 0 : 1;
      JsonNode metadata = currentMetadata(out, t);
      assertEquals(recorded.snapshots().get(t.tableName()).get(0), metadata.path("refs").path("main").path("snapshot-id").asLong(),
          t.tableName());
      assertEquals(List.of("main"), iterator(metadata.path("refs").fieldNames()), t + ": no branch left");
      java.util.Set<Long> snapshots = new java.util.TreeSet<>();
      metadata.path("snapshots").forEach(n -> snapshots.add(n.path("snapshot-id").asLong()));
      assertEquals(IcebergOutputTest.ledgerSnapshots(out, t.tableName()), snapshots, t + ": no snapshot of the killed runs that the ledger lacks");
    }
    assertTrue(changed > 0, "the revision changed what readers see (else the kills proved nothing)");
    JsonNode completed = JobRuns.summary(out, "killed-in-fast-forward");
    assertEquals("succeeded", completed.path("status").asText());
    assertEquals("next", completed.path("completed_by").asText());
    System.out.printf("IcebergKilledJvmTest: %d of 5 tables changed by the revision; the next run took %d ms in all%n", changed,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nextStarted));
  }

  static List<String> iterator(java.util.Iterator<String> names) {
    List<String> all = new ArrayList<>();
    names.forEachRemaining(all::add);
    return all;
  }

  record Kill(String stderr, long millis) {}

  static List<String> args(Path out, Path db, String runId, String k) {
    return List.of("run", "--input", "sample-logs", "--output", out.toString(), "--geoip-db", db.toString(), "--run-id", runId,
        "--date", DAY, "--set", "output.format=iceberg", "--set", "suppression.min-visitors=" + k);
  }

  /** Starts the run in a child JVM and kills it (SIGKILL) as soon as {@code when} holds; fails if it ends first. */
  Kill runAndKill(Path out, Path db, String runId, BooleanSupplier when) throws Exception {
    Path stderr = tmp.resolve(runId + "-stderr.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-XX:TieredStopAtLevel=1"); // C1 only, as the launcher runs small inputs: a shorter start (README, Performance)
    // Spark's add-opens list on Java 17 (the project's stack notes), as the test JVM got it from surefire's argLine.
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || arg.startsWith("-Djdk.reflect")) {
        cmd.add(arg);
      }
    }
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    cmd.add("-Dspark.driver.host=127.0.0.1");
    cmd.add("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"));
    // The test classpath: the job's classes and Spark with the Iceberg runtime (provided scope), as on a cluster.
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.geotraffic.cli.GeoTraffic"));
    cmd.addAll(args(out, db, runId, "12"));
    cmd.addAll(List.of("--set", "spark.master=local[2]"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stderr.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long started = System.nanoTime();
    Process child = pb.start();
    long deadline = started + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
    try {
      while (!when.getAsBoolean()) {
        if (!child.isAlive()) {
          fail("the child run ended (exit " + child.exitValue() + ") before the kill point:\n" + Files.readString(stderr));
        }
        if (System.nanoTime() > deadline) {
          fail("the child run hung:\n" + Files.readString(stderr));
        }
        Thread.sleep(1);
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block, no Iceberg cleanup
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed child is gone");
      return new Kill(Files.readString(stderr, StandardCharsets.UTF_8), millis);
    } finally {
      child.destroyForcibly();
    }
  }

  /** Whether any table's metadata files name the branch (a commit that created or moved it is in). */
  static boolean anyMetadataNames(Path out, String branch) {
    return tablesWithRef(out, branch) > 0;
  }

  /** How many tables' current metadata (version-hint.text) hold the ref. */
  static int tablesWithRef(Path out, String ref) {
    int n = 0;
    for (Table t : Table.values()) {
      try {
        if (currentMetadata(out, t).path("refs").has(ref)) {
          n++;
        }
      } catch (IOException e) {
        // not created yet, or the hint is being replaced: not there (yet)
      }
    }
    return n;
  }

  /** How many tables' main (current metadata) is at the run's snapshot recorded in the ledger. */
  static int tablesOnMain(Path out, String runId) {
    TableSnapshots recorded;
    try {
      recorded = ledgerSnapshots(out, runId);
    } catch (IOException e) {
      return 0; // being written
    }
    int n = 0;
    for (Table t : Table.values()) {
      try {
        if (currentMetadata(out, t).path("refs").path("main").path("snapshot-id").asLong() == recorded.snapshots().get(t.tableName()).get(0)) {
          n++;
        }
      } catch (IOException e) {
        // the hint is being replaced: look again
      }
    }
    return n;
  }

  static boolean noJournal(Path out) {
    try (Stream<Path> files = Files.list(out.resolve("_publish"))) {
      return files.noneMatch(f -> f.getFileName().toString().endsWith(".journal"));
    } catch (IOException e) {
      return true;
    }
  }

  static TableSnapshots ledgerSnapshots(Path out, String runId) throws IOException {
    JsonNode root = new ObjectMapper().readTree(out.resolve(TableSnapshots.file(runId)).toFile());
    Map<String, List<Long>> byTable = new java.util.TreeMap<>();
    root.path("snapshots").fields().forEachRemaining(e -> {
      List<Long> ids = new ArrayList<>();
      e.getValue().forEach(id -> ids.add(id.asLong()));
      byTable.put(e.getKey(), ids);
    });
    return new TableSnapshots(root.path("run_id").asText(), root.path("branch").asText(), byTable);
  }

  /** The ledger's copy of a run's release of the day: what its snapshot must show. */
  static List<String> ledgerRows(Path out, String runId, Table t) {
    Path dir = out.resolve(ReleaseLedger.rowsFolder(runId, Period.DAY, t, DAY));
    return SparkTestSession.get().read().schema(PublishedTableWriter.schema(t)).parquet(dir.toString())
        .withColumn("date", org.apache.spark.sql.functions.lit(DAY))
        .selectExpr(PublishedTableWriter.schema(t).fieldNames()).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  static Map<Table, List<String>> mainRows(String cat) {
    Map<Table, List<String>> rows = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      rows.put(t, mainRows(cat, t));
    }
    return rows;
  }

  static List<String> mainRows(String cat, Table t) {
    return IcebergOutputTest.sql(IcebergOutputTest.select(t, cat + ".geotraffic." + t.tableName()));
  }

  /** Each table's main, as a reader resolves it: the snapshot of the current metadata file (version-hint.text). */
  static Map<Table, Long> mainSnapshots(Path out) throws IOException {
    Map<Table, Long> ids = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      ids.put(t, currentMetadata(out, t).path("refs").path("main").path("snapshot-id").asLong());
    }
    return ids;
  }

  static JsonNode currentMetadata(Path out, Table t) throws IOException {
    Path metadata = out.resolve("geotraffic").resolve(t.tableName()).resolve("metadata");
    String version = Files.readString(metadata.resolve("version-hint.text")).trim();
    return new ObjectMapper().readTree(metadata.resolve("v" + version + ".metadata.json").toFile());
  }
}
