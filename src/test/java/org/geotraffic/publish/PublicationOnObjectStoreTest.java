package org.geotraffic.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish on a store whose folder move is a copy of each file and a delete of the originals
 * ({@link CopyThenDeleteFileMoves}), killed at every request of the publish, then its recovery killed too: after the
 * last recovery every target is old or every target is new, file by file, and the commit point decides which.
 */
class PublicationOnObjectStoreTest {
  private static final String STAGING = "_staging/run";

  /** Three tables' partitions (replaced, new, removed), each of three files, and the run's summary files. */
  private static List<Publication.Install> layout(java.nio.file.Path out, Map<String, String> before, Map<String, String> after)
      throws IOException {
    List<Publication.Install> installs = new ArrayList<>();
    String[] kinds = {"replaced", "new", "removed"};
    for (int t = 0; t < kinds.length; t++) {
      String target = "t" + t + "/date=2026-12-01";
      for (String file : List.of("part-00000.parquet", "part-00001.parquet", "_SUCCESS")) {
        if (!kinds[t].equals("new")) {
          write(out, target + "/" + file, "old " + target + " " + file, before);
        }
        if (!kinds[t].equals("removed")) {
          write(out, STAGING + "/" + target + "/" + file, "new " + target + " " + file, null);
          after.put(target + "/" + file, "new " + target + " " + file);
        }
      }
      installs.add(new Publication.Install(target, STAGING + "/" + target));
    }
    write(out, "t0/date=2026-11-30/part-00000.parquet", "untouched", before);
    after.put("t0/date=2026-11-30/part-00000.parquet", "untouched");
    write(out, "_runs/latest.json", "old latest", before);
    write(out, STAGING + "/_runs/latest.json", "new latest", null);
    after.put("_runs/latest.json", "new latest");
    installs.add(new Publication.Install("_runs/latest.json", STAGING + "/_runs/latest.json"));
    write(out, STAGING + "/_runs/run.json", "new summary", null);
    after.put("_runs/run.json", "new summary");
    installs.add(new Publication.Install("_runs/run.json", STAGING + "/_runs/run.json"));
    return installs;
  }

  private static void write(java.nio.file.Path out, String file, String content, Map<String, String> record) throws IOException {
    java.nio.file.Path p = out.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    if (record != null) {
      record.put(file, content);
    }
  }

  /** Every published file and its content (the staging folder and the publish's own folder left out). */
  private static Map<String, String> published(java.nio.file.Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<java.nio.file.Path> s = Files.walk(out)) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) s::iterator) {
        String rel = out.relativize(p).toString();
        if (Files.isRegularFile(p) && !rel.startsWith("_staging") && !rel.startsWith(PublishLock.DIR)) {
          files.put(rel, Files.readString(p));
        }
      }
    }
    return files;
  }

  private static Path hadoop(java.nio.file.Path p) {
    return new Path(p.toAbsolutePath().toString());
  }

  /** A publish without a kill, counting its requests. */
  private static CopyThenDeleteFileMoves cleanPublish(java.nio.file.Path out, int page) throws IOException {
    List<Publication.Install> installs = layout(out, new TreeMap<>(), new TreeMap<>());
    CopyThenDeleteFileMoves counting = new CopyThenDeleteFileMoves(Long.MAX_VALUE, page);
    Publication.plan(counting, hadoop(out), "run", STAGING, installs).commit();
    return counting;
  }

  /** Recovery killed at a chosen request, then (when killed) a last recovery that is not. */
  private static void recoverKilledAt(java.nio.file.Path out, long killAt, int page) throws IOException {
    try {
      Publication.recover(new CopyThenDeleteFileMoves(killAt, page), hadoop(out));
    } catch (CrashingFileMoves.Killed e) {
      Publication.recover(new CopyThenDeleteFileMoves(Long.MAX_VALUE, page), hadoop(out));
    }
  }

  @Test
  void killedAtEveryRequest_thenRecoveryKilledAtRandomRequests_everyTargetEndsOldOrEveryTargetNew(@TempDir java.nio.file.Path tmp)
      throws IOException {
    Random rnd = new Random(20261208L);
    int endedOld = 0;
    int endedNew = 0;
    int halfMovedFolders = 0;
    for (int page : new int[] {1, 3}) {
      CopyThenDeleteFileMoves clean = cleanPublish(tmp.resolve("count-" + page), page);
      long requests = clean.requests();
      for (long killAt = 0; killAt < requests; killAt++) {
        java.nio.file.Path killed = tmp.resolve("killed");
        if (Files.exists(killed)) {
          PathUtils.deleteDirectory(killed);
        }
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        List<Publication.Install> installs = layout(killed, before, after);
        long at = killAt;
        assertThrows(CrashingFileMoves.Killed.class,
            () -> Publication.plan(new CopyThenDeleteFileMoves(at, page), hadoop(killed), "run", STAGING, installs).commit());
        Map<String, String> seen = published(killed);
        halfMovedFolders += !seen.equals(before) && !seen.equals(after) ? 1 : 0;
        // The same requests in the same order as the clean publish, up to the kill: the commit marker exists if made.
        boolean committed = killAt > clean.commitRequest();

        for (int trial = 0; trial < 4; trial++) {
          java.nio.file.Path out = tmp.resolve("recovered");
          if (Files.exists(out)) {
            PathUtils.deleteDirectory(out);
          }
          PathUtils.copyDirectory(killed, out);
          // Trial 0 recovers without a kill; the others kill the recovery at a random request of its first 60.
          recoverKilledAt(out, trial == 0 ? Long.MAX_VALUE : rnd.nextInt(60), page);
          Map<String, String> now = published(out);
          String where = "page " + page + ", publish killed at request " + killAt + ", recovery trial " + trial;
          assertEquals(committed ? after : before, now, where + (committed ? ": committed, so new" : ": not committed, so old"));
          assertEquals(List.of(), Publisher.hasUnfinishedPublish(new LocalFileMoves(), hadoop(out)) ? List.of("journal") : List.of(),
              where + ": no journal left");
          // A staging folder left without a journal (a kill before the journal) is a dead run's garbage for StagingFolders.
          endedOld += now.equals(before) ? 1 : 0;
          endedNew += now.equals(after) ? 1 : 0;
        }
      }
    }
    System.out.printf("object store publish: %d kills left a target half moved; recoveries ended old %d, new %d%n", halfMovedFolders,
        endedOld, endedNew);
    assertTrue(halfMovedFolders > 10, "kills land inside folder moves: " + halfMovedFolders);
    assertTrue(endedOld > 60 && endedNew > 10, "kills land on both sides of the commit point: old " + endedOld + ", new " + endedNew);
  }
}
