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
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish is all or nothing: killed at any point, or failing on any move, the output ends up (after
 * the next run's recovery) with every target old or every target new, never a mix.
 */
class PublicationTest {
  /** A publish as a run makes it: tables' partitions (new, replaced, removed), the run summary and latest.json. */
  record Layout(java.nio.file.Path output, String staging, List<Publication.Install> installs, Map<String, String> before,
      Map<String, String> after) {

    static Layout random(java.nio.file.Path output, Random rnd) throws IOException {
      String staging = "_staging/" + Long.toHexString(rnd.nextLong());
      List<Publication.Install> installs = new ArrayList<>();
      Map<String, String> before = new TreeMap<>();
      Map<String, String> after = new TreeMap<>();
      int tables = 1 + rnd.nextInt(5);
      int dates = 1 + rnd.nextInt(3);
      for (int t = 0; t < tables; t++) {
        for (int d = 0; d < dates; d++) {
          String target = "t" + t + "/date=2026-11-0" + (d + 1);
          int kind = rnd.nextInt(4); // 0: replaced, 1: new day, 2: removed day, 3: replaced
          if (kind != 1) {
            write(output.resolve(target).resolve("part-0.parquet"), "old " + target);
            before.put(target, "old " + target);
          }
          if (kind != 2) {
            write(output.resolve(staging).resolve(target).resolve("part-0.parquet"), "new " + target);
            after.put(target, "new " + target);
          }
          installs.add(new Publication.Install(target, staging + "/" + target));
        }
      }
      // Other days of the same tables are never touched.
      write(output.resolve("t0/date=2026-10-31/part-0.parquet"), "old untouched");
      before.put("t0/date=2026-10-31", "old untouched");
      after.put("t0/date=2026-10-31", "old untouched");
      write(output.resolve("_runs/latest.json"), "old latest");
      before.put("_runs/latest.json", "old latest");
      write(output.resolve(staging).resolve("_runs/latest.json"), "new latest");
      after.put("_runs/latest.json", "new latest");
      installs.add(new Publication.Install("_runs/latest.json", staging + "/_runs/latest.json"));
      write(output.resolve(staging).resolve("_runs/run.json"), "new summary");
      after.put("_runs/run.json", "new summary");
      installs.add(new Publication.Install("_runs/run.json", staging + "/_runs/run.json"));
      return new Layout(output, staging, installs, before, after);
    }

    Map<String, String> published() throws IOException {
      Map<String, String> now = new TreeMap<>();
      for (String target : after.keySet().isEmpty() ? before.keySet() : union()) {
        java.nio.file.Path p = output.resolve(target);
        if (Files.isDirectory(p)) {
          now.put(target, Files.readString(p.resolve("part-0.parquet")));
        } else if (Files.isRegularFile(p)) {
          now.put(target, Files.readString(p));
        }
      }
      return now;
    }

    private List<String> union() {
      List<String> all = new ArrayList<>(before.keySet());
      after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(all::add);
      return all;
    }
  }

  static void write(java.nio.file.Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static Path hadoop(java.nio.file.Path p) {
    return new Path(p.toAbsolutePath().toString());
  }

  @Test
  void publishWithoutTrouble_installsEveryTarget_andLeavesNothingBehind(@TempDir java.nio.file.Path tmp) throws IOException {
    Layout layout = Layout.random(tmp.resolve("out"), new Random(1));
    FileMoves moves = new LocalFileMoves();
    Publication.plan(moves, hadoop(layout.output()), "run", layout.staging(), layout.installs()).commit();

    assertEquals(layout.after(), layout.published());
    assertLeftNothing(layout);
  }

  /** 300 kills at random points of random publishes, before or after the operation they hit. */
  @Test
  void killedAnywhere_recoveryLeavesEveryTargetOldOrEveryTargetNew(@TempDir java.nio.file.Path tmp) throws IOException {
    Random rnd = new Random(20261207L);
    int old = 0;
    int fresh = 0;
    for (int trial = 0; trial < 300; trial++) {
      java.nio.file.Path out = tmp.resolve("trial-" + trial);
      long seed = rnd.nextLong();
      long operations = countOperations(tmp.resolve("count-" + trial), seed);
      Layout layout = Layout.random(out, new Random(seed));
      CrashingFileMoves dying = new CrashingFileMoves(new LocalFileMoves(), rnd.nextLong(operations), rnd.nextBoolean());
      assertThrows(CrashingFileMoves.Killed.class,
          () -> Publication.plan(dying, hadoop(out), "run", layout.staging(), layout.installs()).commit(), "trial " + trial);

      Publication.recover(new LocalFileMoves(), hadoop(out));

      Map<String, String> now = layout.published();
      assertTrue(now.equals(layout.before()) || now.equals(layout.after()),
          "trial " + trial + " (seed " + seed + "): a mix survived the recovery: " + now);
      old += now.equals(layout.before()) ? 1 : 0;
      fresh += now.equals(layout.after()) ? 1 : 0;
      assertEquals(List.of(), journals(out), "trial " + trial + ": no journal left");
    }
    assertTrue(old > 20 && fresh > 20, "kills land both before and after the commit point: old " + old + ", new " + fresh);
  }

  /** Every operation of one publish, killed before and after it. */
  @Test
  void killedAtEachOperationInTurn_recoveryLeavesNoMix(@TempDir java.nio.file.Path tmp) throws IOException {
    long operations = countOperations(tmp.resolve("count"), 7);
    for (long crashAt = 0; crashAt < operations; crashAt++) {
      for (boolean after : new boolean[] {false, true}) {
        java.nio.file.Path out = tmp.resolve("op-" + crashAt + "-" + after);
        Layout layout = Layout.random(out, new Random(7));
        CrashingFileMoves dying = new CrashingFileMoves(new LocalFileMoves(), crashAt, after);
        assertThrows(CrashingFileMoves.Killed.class,
            () -> Publication.plan(dying, hadoop(out), "run", layout.staging(), layout.installs()).commit());
        Publication.recover(new LocalFileMoves(), hadoop(out));
        Map<String, String> now = layout.published();
        assertTrue(now.equals(layout.before()) || now.equals(layout.after()), "operation " + crashAt + " " + after + ": " + now);
      }
    }
  }

  /** A recovery killed in turn at each of its own operations is finished by the next one. */
  @Test
  void recoveryKilledAtEachOperation_isFinishedByTheNextRecovery(@TempDir java.nio.file.Path tmp) throws IOException {
    long operations = countOperations(tmp.resolve("count"), 11);
    Random rnd = new Random(11);
    for (int trial = 0; trial < 60; trial++) {
      java.nio.file.Path out = tmp.resolve("r-" + trial);
      Layout layout = Layout.random(out, new Random(11));
      CrashingFileMoves dying = new CrashingFileMoves(new LocalFileMoves(), rnd.nextLong(operations), rnd.nextBoolean());
      assertThrows(CrashingFileMoves.Killed.class,
          () -> Publication.plan(dying, hadoop(out), "run", layout.staging(), layout.installs()).commit());
      CrashingFileMoves dyingRecovery = new CrashingFileMoves(new LocalFileMoves(), rnd.nextInt(12), rnd.nextBoolean());
      try {
        Publication.recover(dyingRecovery, hadoop(out));
      } catch (CrashingFileMoves.Killed expected) {
        // killed while recovering
      }
      Publication.recover(new LocalFileMoves(), hadoop(out));
      Map<String, String> now = layout.published();
      assertTrue(now.equals(layout.before()) || now.equals(layout.after()), "trial " + trial + ": " + now);
      assertEquals(List.of(), journals(out));
    }
  }

  /** A move refused on each target in turn (an unwritable table folder): the publish rolls back, nothing changes. */
  @Test
  void moveRefusedOnEachTargetInTurn_rollsBack_andSaysSo(@TempDir java.nio.file.Path tmp) throws IOException {
    Layout probe = Layout.random(tmp.resolve("probe"), new Random(3));
    for (Publication.Install refused : probe.installs()) {
      for (boolean refuseTheTarget : new boolean[] {true, false}) {
        java.nio.file.Path out = tmp.resolve("refused-" + refused.target().replace('/', '_') + "-" + refuseTheTarget);
        Layout layout = Layout.random(out, new Random(3));
        String refusedPath = refuseTheTarget ? refused.target() : refused.staged();
        FileMoves failing = new RefusingFileMoves(new LocalFileMoves(), hadoop(out.resolve(refusedPath)));
        Publication publication = Publication.plan(failing, hadoop(out), "run", layout.staging(), layout.installs());
        boolean touches = publication.moves().stream().anyMatch(m -> m.target().equals(refused.target())
            && (refuseTheTarget ? m.hadTarget() : m.hasStaged()));
        if (!touches) {
          continue;
        }
        IOException e = assertThrows(IOException.class, publication::commit, "refused " + refusedPath);
        assertTrue(e.getMessage().startsWith("Cannot publish: Cannot move"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was published, the earlier output is as it was"), e.getMessage());
        assertEquals(layout.before(), layout.published(), "refused " + refusedPath);
        assertEquals(List.of(), journals(out));
      }
    }
  }

  /** A journal that an earlier build left (it had no step markers) is still rolled back, by what the files show. */
  @Test
  void journalOfAnEarlierBuild_withoutStepMarkers_isRolledBack(@TempDir java.nio.file.Path tmp) throws IOException {
    java.nio.file.Path out = tmp.resolve("out");
    Layout layout = Layout.random(out, new Random(5));
    List<Publication.Move> moves = Publication.plan(new LocalFileMoves(), hadoop(out), "old", layout.staging(), layout.installs()).moves();
    StringBuilder journal = new StringBuilder("{\"id\":\"old-1\",\"run_id\":\"old\",\"staging\":\"" + layout.staging() + "\",\"moves\":[");
    for (Publication.Move m : moves) {
      journal.append(m == moves.get(0) ? "" : ",").append("{\"target\":\"").append(m.target()).append("\",\"staged\":\"")
          .append(m.staged()).append("\",\"aside\":\"").append(m.aside()).append("\",\"had_target\":").append(m.hadTarget())
          .append(",\"has_staged\":").append(m.hasStaged()).append('}');
    }
    write(out.resolve(PublishLock.DIR).resolve("old-1" + Publication.JOURNAL_SUFFIX), journal.append("]}").toString());
    // The earlier build was killed after its first move: the target aside, the staged copy in.
    Publication.Move first = moves.get(0);
    if (first.hadTarget()) {
      Files.createDirectories(out.resolve(first.aside()).getParent());
      Files.move(out.resolve(first.target()), out.resolve(first.aside()));
    }
    if (first.hasStaged()) {
      Files.createDirectories(out.resolve(first.target()).getParent());
      Files.move(out.resolve(first.staged()), out.resolve(first.target()));
    }
    assertTrue(!layout.published().equals(layout.before()), "the first move happened");

    assertEquals(List.of("rolled back the unfinished publish of run old"), Publication.recover(new LocalFileMoves(), hadoop(out)));
    assertEquals(layout.before(), layout.published());
    assertLeftNothing(layout);
  }

  /** A move that fails for an operation of its own. */
  private static final class RefusingFileMoves implements FileMoves {
    private final FileMoves real;
    private final String refused;

    RefusingFileMoves(FileMoves real, Path refused) {
      this.real = real;
      this.refused = refused.toUri().getPath();
    }

    @Override
    public boolean exists(Path path) throws IOException {
      return real.exists(path);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
      if (from.toUri().getPath().equals(refused)) {
        throw new IOException("Cannot move " + from + " to " + to + ": AccessDeniedException, operation not permitted");
      }
      real.move(from, to);
    }

    @Override
    public void mkdirs(Path dir) throws IOException {
      real.mkdirs(dir);
    }

    @Override
    public void delete(Path path) throws IOException {
      real.delete(path);
    }

    @Override
    public void writeAtomically(Path path, byte[] content) throws IOException {
      real.writeAtomically(path, content);
    }

    @Override
    public boolean createExclusively(Path path, byte[] content) throws IOException {
      return real.createExclusively(path, content);
    }

    @Override
    public byte[] read(Path path) throws IOException {
      return real.read(path);
    }

    @Override
    public boolean isFolder(Path path) throws IOException {
      return real.isFolder(path);
    }

    @Override
    public List<String> filesUnder(Path dir) throws IOException {
      return real.filesUnder(dir);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
      return real.list(dir);
    }

    @Override
    public long modificationTime(Path path) throws IOException {
      return real.modificationTime(path);
    }

    @Override
    public void touch(Path path) throws IOException {
      real.touch(path);
    }
  }

  private static long countOperations(java.nio.file.Path out, long seed) throws IOException {
    Layout layout = Layout.random(out, new Random(seed));
    CrashingFileMoves counting = new CrashingFileMoves(new LocalFileMoves(), Long.MAX_VALUE, false);
    Publication.plan(counting, hadoop(out), "run", layout.staging(), layout.installs()).commit();
    return counting.operations();
  }

  private static List<String> journals(java.nio.file.Path out) throws IOException {
    java.nio.file.Path dir = out.resolve(PublishLock.DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<java.nio.file.Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(Publication.JOURNAL_SUFFIX)).toList();
    }
  }

  private static void assertLeftNothing(Layout layout) throws IOException {
    assertEquals(List.of(), journals(layout.output()));
    assertTrue(!Files.exists(layout.output().resolve(layout.staging())), "the staging folder is gone");
  }
}
