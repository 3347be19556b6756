package org.geotraffic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.geotraffic.config.Period;
import org.geotraffic.output.TableLayout;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.CrashingFileMoves;
import org.geotraffic.publish.FileMoves;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.publish.Publication;
import org.geotraffic.publish.Publisher;
import org.geotraffic.publish.StagingFolders;
import org.geotraffic.testsupport.JobRuns;

/**
 * A day replaced on a real store, by the publish the job uses (its {@link FileMoves} for that store), killed before
 * each of its file operations in turn ({@link CrashingFileMoves}: an operation a kill -9 interrupts either happened
 * or did not, which is what HDFS's rename promises and an object store's copy-and-delete does not). After each kill
 * it records what a reader of the store finds (per table: the old day, the new day, no day, or anything else), then
 * runs the recovery that the next run does and checks that every table is old or every table is new.
 */
final class KilledPublishOnStore {
  /** What a reader found in one table's folder for the day right after a kill. */
  enum Seen { OLD, NEW, ABSENT, OTHER }

  /** Counts over all kills. */
  record Outcome(int kills, int operations, int leftOld, int leftNew, Map<Seen, Integer> seen, long millis) {}

  private final FileSystem fs;
  private final Configuration conf;
  private final String root;
  private final String out;
  private final FileMoves moves;
  private final List<String> storeArgs;
  private final Map<Table, Map<String, String>>[] versions;
  private final Map<Table, Map<String, String>> otherDay = new TreeMap<>();

  /**
   * Publishes the sample (both days, read from the store: one plain file, one .gz) into {@code <root>/out} with the
   * job, and keeps a second version of {@link StoreRuns#DAY} (a local run on half of its lines) on the store.
   */
  @SuppressWarnings("unchecked")
  KilledPublishOnStore(Configuration conf, String root, java.nio.file.Path localTmp, List<String> storeArgs) throws IOException {
    this.conf = conf;
    this.root = root;
    this.out = root + "/out";
    this.storeArgs = storeArgs;
    FileSystems.Located located = FileSystems.locate(out, conf);
    this.moves = located.moves();
    this.fs = new Path(root).getFileSystem(conf);
    Path logs = new Path(root, "logs");
    fs.mkdirs(logs);
    StoreRuns.upload(fs, StoreRuns.PLAIN_LOG, logs);
    StoreRuns.upload(fs, StoreRuns.GZ_LOG, logs);
    JobRuns.Run v1 = StoreRuns.run(List.of(logs.toString()), out, "v1", storeArgs);
    assertEquals(0, v1.exitCode(), v1.console());
    java.nio.file.Path localV2 = localTmp.resolve("v2");
    JobRuns.Run v2 = StoreRuns.run(List.of(StoreRuns.halfOfTheDay(localTmp).toString()), localV2.toString(), "v2", List.of("--date", StoreRuns.DAY));
    assertEquals(0, v2.exitCode(), v2.console());
    versions = new Map[] {new TreeMap<>(), new TreeMap<>()};
    FileSystem local = FileSystem.getLocal(conf);
    for (Table t : Table.values()) {
      String p = partition(t, StoreRuns.DAY);
      FileUtil.copy(fs, new Path(out, p), fs, new Path(root + "/lib/v1/" + p), false, conf);
      FileUtil.copy(local, new Path(localV2.toAbsolutePath().toString(), p), fs, new Path(root + "/lib/v2/" + p), false, conf);
      versions[0].put(t, StoreRuns.files(fs, new Path(root + "/lib/v1/" + p)));
      versions[1].put(t, StoreRuns.files(fs, new Path(root + "/lib/v2/" + p)));
      assertNotNull(versions[0].get(t), t + " published the day");
      assertNotNull(versions[1].get(t), t + " has a second version of the day");
      assertFalse(versions[0].get(t).equals(versions[1].get(t)), t + ": the two versions differ");
      otherDay.put(t, StoreRuns.files(fs, new Path(out, partition(t, StoreRuns.OTHER_DAY))));
    }
  }

  String output() {
    return out;
  }

  static String partition(Table t, String date) {
    return TableLayout.partition(Period.DAY, t, date);
  }

  /** Which version every table of the output holds now (0 old, 1 new); fails on a mix. */
  int version() throws IOException {
    Map<Seen, Integer> count = new TreeMap<>();
    Map<Table, Seen> seen = seen(0);
    seen.values().forEach(s -> count.merge(s, 1, Integer::sum));
    assertTrue(count.size() == 1 && (seen.containsValue(Seen.OLD) || seen.containsValue(Seen.NEW)), "one version in every table: " + seen);
    return seen.containsValue(Seen.OLD) ? 0 : 1;
  }

  /** Per table, what a reader finds, relative to version {@code current}. */
  Map<Table, Seen> seen(int current) throws IOException {
    Map<Table, Seen> seen = new TreeMap<>();
    for (Table t : Table.values()) {
      Map<String, String> now = StoreRuns.files(fs, new Path(out, partition(t, StoreRuns.DAY)));
      seen.put(t, now == null ? Seen.ABSENT : now.equals(versions[current].get(t)) ? Seen.OLD
          : now.equals(versions[1 - current].get(t)) ? Seen.NEW : Seen.OTHER);
    }
    return seen;
  }

  /** Stages the version other than the current one, as the job's write stage would, and plans its publish through {@code via}. */
  Publication stageOther(int current, FileMoves via, String runId) throws IOException {
    String staging = StagingFolders.create(moves, new Path(out), runId);
    List<Publication.Install> installs = new ArrayList<>();
    for (Table t : Table.values()) {
      String p = partition(t, StoreRuns.DAY);
      FileUtil.copy(fs, new Path(root + "/lib/v" + (2 - current) + "/" + p), fs, new Path(out + "/" + staging + "/" + p), false, conf);
      installs.add(new Publication.Install(p, staging + "/" + p));
    }
    return Publication.plan(via, new Path(out), runId, staging, installs);
  }

  /**
   * Kills the publish before its first move, then {@code step} operations later, 2·{@code step}, ... until one finishes. {@code allowed} says
   * which reader findings the store may show right after a kill.
   */
  Outcome killAtEachOperation(int step, java.util.Set<Seen> allowed) throws IOException {
    long t0 = System.nanoTime();
    Map<Seen, Integer> seenCount = new LinkedHashMap<>();
    int kills = 0;
    int leftOld = 0;
    int leftNew = 0;
    int operations = 0;
    // The first operations only plan (an exists per target) and write the journal: a kill there leaves the output as
    // it was and a staging folder that the next run on the host deletes once this process is gone (KilledRunTest).
    int firstMove = 2 * Table.values().length + 2;
    for (int k = firstMove; ; k += step) {
      int current = version();
      CrashingFileMoves crashing = new CrashingFileMoves(moves, k, false);
      boolean killed = false;
      try {
        stageOther(current, crashing, "kill-" + k).commit();
      } catch (CrashingFileMoves.Killed e) {
        killed = true;
      }
      if (!killed) {
        operations = (int) crashing.operations();
        assertEquals(1 - current, version(), "an uninterrupted publish installs the new day");
        break;
      }
      kills++;
      Map<Table, Seen> seen = seen(current);
      for (Table t : Table.values()) {
        seenCount.merge(seen.get(t), 1, Integer::sum);
        assertTrue(allowed.contains(seen.get(t)), "kill before operation " + k + ": a reader of " + t.tableName() + " found " + seen.get(t)
            + " (" + seen + ")");
        assertEquals(otherDay.get(t), StoreRuns.files(fs, new Path(out, partition(t, StoreRuns.OTHER_DAY))),
            "kill before operation " + k + ": the day not being replaced is untouched in " + t.tableName());
      }
      boolean journal = Publisher.hasUnfinishedPublish(moves, new Path(out));
      List<String> recovered = Publisher.recover(moves, new Path(out), "next");
      int after = version();
      if (journal) {
        assertFalse(recovered.isEmpty(), "kill before operation " + k + ": recovery completed or rolled back the journal");
      } else {
        // Killed while cleaning up after the journal was deleted: published already. What is left (its staging folder)
        // is a dead run's garbage, which the next run on the host deletes once the process is gone; this one is not.
        assertEquals(1 - current, version(), "kill before operation " + k + ": the journal is gone only after the commit");
        for (String name : moves.list(new Path(out, "_staging"))) {
          moves.delete(new Path(new Path(out, "_staging"), name));
        }
      }
      leftOld += after == current ? 1 : 0;
      leftNew += after != current ? 1 : 0;
      assertTrue(moves.list(new Path(out, "_staging")).isEmpty(), "kill before operation " + k + ": no staging folder left");
    }
    return new Outcome(kills, operations, leftOld, leftNew, seenCount, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /**
   * A publish killed halfway (before operation {@code killAt}), then the job's next run on the other day: it must
   * roll the killed publish back before it reads anything, and leave the old day in every table.
   */
  JobRuns.Run killThenNextRun(int killAt) throws IOException {
    if (version() != 0) {
      stageOther(1, moves, "back").commit();
    }
    assertEquals(0, version());
    try {
      stageOther(0, new CrashingFileMoves(moves, killAt, false), "killed-run").commit();
      throw new AssertionError("the publish was not killed at operation " + killAt);
    } catch (CrashingFileMoves.Killed e) {
      // as a kill -9 leaves it
    }
    // Both logs, as the first run read: the ledger wants every file an earlier release of the day read.
    JobRuns.Run next = StoreRuns.run(List.of(root + "/logs"), out, "next-day", withDate(StoreRuns.OTHER_DAY));
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("recovered: rolled back the unfinished publish of run killed-run"), next.console());
    assertEquals(0, version(), "the old day in every table after the next run");
    return next;
  }

  private List<String> withDate(String date) {
    List<String> args = new ArrayList<>(storeArgs);
    args.addAll(List.of("--date", date));
    return args;
  }
}
