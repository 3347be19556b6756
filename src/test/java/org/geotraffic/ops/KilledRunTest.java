package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.geotraffic.publish.StagingFolders;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of writing (a node lost, an OOM kill, an operator's kill -9)
 * must leave the day's previous output exactly as it was: every table, same rows, same files. The run
 * is a real child JVM, killed once its write stage has staged at least one table but not all.
 */
class KilledRunTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-10");
  /** Upper bound for a hung child, so the build ends; never reached by a healthy run. */
  private static final long HANG_MINUTES = 10;

  @Test
  void runKilledDuringWrite_leavesTheDaysPreviousOutputIntact(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(DAY.minusDays(1), DAY, DAY.plusDays(1)), 12);
    Path out = tmp.resolve("out");
    assertEquals(0, OpsRuns.run(logs.files, out, "good", "--date", DAY.toString()).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
    assertEquals(Table.values().length, before.day(DAY.toString()).size(), "the good run published every table of the day");

    // The rerun sees a late-arriving file too, so what it would publish differs from what is there; its 40 clients
    // (28 of them new) are enough for the revision to be published next to the first version (k=10).
    RotatedLogs late = RotatedLogs.write(tmp.resolve("late"), List.of(DAY), 40);
    List<Path> input = new ArrayList<>(logs.files);
    input.addAll(late.files);
    Process child = startChild(input, out, tmp.resolve("child-stderr.txt"));
    List<String> stagedAtKill = awaitPartlyStaged(child, out, tmp.resolve("child-stderr.txt"));
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(HANG_MINUTES, TimeUnit.MINUTES));

    String stderr = Files.readString(tmp.resolve("child-stderr.txt"), StandardCharsets.UTF_8);
    assertTrue(stderr.contains("geotraffic: suppress+audit:"), "killed after the suppress stage, in the write stage:\n" + stderr);
    assertFalse(stderr.contains("geotraffic: write:"), "killed before the write stage ended:\n" + stderr);
    assertTrue(stagedAtKill.size() >= 1 && stagedAtKill.size() < Table.values().length, "killed mid-write, staged: " + stagedAtKill);

    OutputSnapshot after = OutputSnapshot.read(SparkTestSession.get(), out);
    assertEquals(before.rows(), after.rows(), "every table of the day reads back as before");
    assertEquals(before.files(), after.files(), "the published files were not touched at all");
    assertEquals("good", new ObjectMapper().readTree(out.resolve("_runs/latest.json").toFile()).path("run_id").asText(),
        "latest.json still names the last good run");

    // The operator's remedy is to run the day again; it publishes the new numbers.
    OpsRuns.Outcome rerun = OpsRuns.run(input, out, "rerun", "--date", DAY.toString());
    assertEquals(0, rerun.exitCode(), rerun.console());
    OutputSnapshot fixed = OutputSnapshot.read(SparkTestSession.get(), out);
    assertNotEquals(before.day(DAY.toString()), fixed.day(DAY.toString()));
    assertEquals(logs.hitsByDay().get(DAY) + late.hitsByDay().get(DAY),
        (long) SparkTestSession.get().read().parquet(out.resolve("totals/date=" + DAY).toString()).first().<Long>getAs("hits"));
  }

  private static Process startChild(List<Path> input, Path out, Path stderr) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect")) {
        cmd.add(a);
      }
    }
    Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    cmd.add("-Dspark.driver.host=127.0.0.1");
    cmd.add("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.geotraffic.cli.GeoTraffic", "run", "--input"));
    input.forEach(p -> cmd.add(p.toString()));
    cmd.addAll(List.of("--output", out.toString(), "--geoip-db", OpsRuns.database().toString(), "--run-id", "killed",
        "--date", DAY.toString(), "--set", "spark.master=local[2]"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /** Waits until the child's write stage has staged at least one table; returns the staged tables. */
  private static List<String> awaitPartlyStaged(Process child, Path out, Path stderr) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_MINUTES);
    Path staging = out.resolve(StagingFolders.DIR);
    while (System.nanoTime() < deadline) {
      List<String> staged = stagedTables(staging);
      if (!staged.isEmpty()) {
        return staged;
      }
      if (!child.isAlive()) {
        fail("the child run ended (exit " + child.exitValue() + ") before it staged a table:\n" + Files.readString(stderr));
      }
      Thread.sleep(5);
    }
    child.destroyForcibly();
    fail("the child run hung; its stderr:\n" + Files.readString(stderr));
    return List.of();
  }

  private static List<String> stagedTables(Path staging) throws Exception {
    List<String> staged = new ArrayList<>();
    if (!Files.isDirectory(staging)) {
      return staged;
    }
    try (Stream<Path> runs = Files.list(staging)) {
      for (Path run : runs.toList()) {
        for (Table t : Table.values()) {
          if (new File(run.toFile(), t.tableName() + "/_SUCCESS").isFile()) {
            staged.add(t.tableName());
          }
        }
      }
    }
    return staged;
  }
}
