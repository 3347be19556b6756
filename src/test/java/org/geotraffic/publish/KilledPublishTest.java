package org.geotraffic.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kills: a child process publishing under the lock is killed with SIGKILL at a random moment of its
 * publish; the next publisher (here: a recovery in this process) takes over the dead child's lock and
 * leaves every target old or every target new.
 */
class KilledPublishTest {
  static final int TRIALS = 40;

  @Test
  void childKilledWithSigkillDuringThePublish_nextRecoveryLeavesNoMix(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(42);
    int old = 0;
    int fresh = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Path out = tmp.resolve("trial-" + trial);
      long seed = rnd.nextLong();
      PublicationTest.Layout layout = PublicationTest.Layout.random(tmp.resolve("expected-" + trial), new Random(seed));
      Process child = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), PublishChild.class.getName(),
          out.toString(), Long.toString(seed), "4").redirectErrorStream(true).start();
      BufferedReader stdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("staged", stdout.readLine(), "trial " + trial);
      // Once the journal is written, the moves take ~20-80 operations of 4 ms: kill somewhere in them (or just after).
      awaitJournal(out.resolve(PublishLock.DIR), child);
      Thread.sleep(rnd.nextInt(400));
      child.destroyForcibly();
      assertTrue(child.waitFor(1, TimeUnit.MINUTES));

      List<String> recovered = Publisher.recover(new LocalFileMoves(), new org.apache.hadoop.fs.Path(out.toString()), "next");

      PublicationTest.Layout actual = new PublicationTest.Layout(out, layout.staging(), layout.installs(), layout.before(), layout.after());
      Map<String, String> now = actual.published();
      assertTrue(now.equals(layout.before()) || now.equals(layout.after()),
          "trial " + trial + " (seed " + seed + "): a mix survived: " + now + "; recovery: " + recovered);
      old += now.equals(layout.before()) ? 1 : 0;
      fresh += now.equals(layout.after()) ? 1 : 0;
      assertTrue(!Files.exists(out.resolve(PublishLock.DIR).resolve(PublishLock.FILE)), "the dead child's lock was taken over and released");
    }
    System.out.println("killed publishes: " + TRIALS + " trials, " + old + " left old, " + fresh + " left new");
    assertTrue(old > 0 && fresh > 0, "kills land on both sides of the commit point: old " + old + ", new " + fresh);
  }

  private static void awaitJournal(Path dir, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.isDirectory(dir)) {
        try (var s = Files.list(dir)) {
          if (s.anyMatch(p -> p.getFileName().toString().endsWith(Publication.JOURNAL_SUFFIX))) {
            return;
          }
        }
      }
      Thread.sleep(1);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
