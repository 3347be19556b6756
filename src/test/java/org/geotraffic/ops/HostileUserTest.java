package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases a hostile new user found (issue 21), end to end through the geotraffic command: each one lost
 * published data, leaked a secret or failed unclearly before, and now refuses, warns or names the problem
 * with its documented exit code while the published output stays as it was.
 */
class HostileUserTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D2 = LocalDate.parse("2026-11-02");
  private static final String[] K2 = {"--set", "suppression.min-visitors=2"};

  private static String[] with(String[] more, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String latestRunId(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("_runs/latest.json").toFile()).path("run_id").asText();
  }

  // ---- 1. no silent wipe

  @Test
  void runWithNoLineForAPublishedDay_isRefusedWithExit9_andTheDayStays(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D1, D2), 12);
    Path out = tmp.resolve("out");
    assertEquals(0, OpsRuns.run(logs.files, out, "good", with(K2, "--date", D2.toString())).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
    assertEquals(5, before.day(D2.toString()).size());

    // A wrong glob: only day 1's file, whose lines of day 2 are the few written before rotation.
    Path onlyD1 = tmp.resolve("only-d1.log");
    Files.write(onlyD1, Files.readAllLines(logs.files.get(0)).stream().filter(l -> !l.contains("02/Nov/2026")).toList());
    OpsRuns.Outcome wipe = OpsRuns.run(List.of(onlyD1), out, "wrong-glob", with(K2, "--date", D2.toString()));

    assertEquals(9, wipe.exitCode(), wipe.console());
    assertTrue(wipe.console().contains("Cannot publish: the input has no accepted line for published day(s) 2026-11-02, which this run"
        + " would wipe; nothing was published"), wipe.console());
    assertEquals("refused", wipe.summary().path("status").asText());
    assertEquals("day-would-shrink", wipe.summary().path("exit_reason").asText());
    assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out), "every table of the day as it was");
    assertEquals("good", latestRunId(out));

    // An empty file does the same.
    Path empty = tmp.resolve("empty.log");
    Files.createFile(empty);
    assertEquals(9, OpsRuns.run(List.of(empty), out, "empty", with(K2, "--date", D2.toString())).exitCode());
    assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out));

    // The operator who means it clears the day.
    OpsRuns.Outcome cleared = OpsRuns.run(List.of(empty), out, "cleared", with(K2, "--date", D2.toString(), "--allow-empty"));
    assertEquals(0, cleared.exitCode(), cleared.console());
    assertEquals(List.of(), OutputSnapshot.read(SparkTestSession.get(), out).dates());
  }

  @Test
  void minShareOfPrevious_refusesAHalfRotatedDay(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D2), 40);
    Path out = tmp.resolve("out");
    assertEquals(0, OpsRuns.run(logs.files, out, "whole", with(K2, "--date", D2.toString())).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
    List<String> lines = Files.readAllLines(logs.files.get(0));
    Path half = tmp.resolve("half.log");
    Files.write(half, lines.subList(0, lines.size() / 3));

    OpsRuns.Outcome r = OpsRuns.run(List.of(half), out, "half", with(K2, "--date", D2.toString(), "--set", "publish.min-share-of-previous=0.5"));

    assertEquals(9, r.exitCode(), r.console());
    assertTrue(r.console().contains("would shrink below publish.min-share-of-previous=0.5"), r.console());
    assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out));
    // Off by default, the share check lets the same run through, and the cross-release check refuses it instead: the
    // published day does not recompute from a third of its input, and publishing less would reveal, by difference,
    // what the missing lines counted (exit 8, nothing changed).
    OpsRuns.Outcome off = OpsRuns.run(List.of(half), out, "half-default", with(K2, "--date", D2.toString()));
    assertEquals(8, off.exitCode(), off.console());
    assertTrue(off.console().contains("do not recompute from this run's input"), off.console());
    assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out));
  }

  // ---- 2. secrets never written

  @Test
  void credentialsInSetAndConfig_neverReachAWrittenFileOrTheConsole(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D2), 12);
    Path out = tmp.resolve("out");
    List<String> canaries = List.of("CanarySecretKey7731", "CanaryAccessKey7732", "CanaryAzureKey7733", "CanarySslPassword7734",
        "CanarySessionToken7735", "CanaryGcsPrivateKey7736");
    Path config = tmp.resolve("secrets.properties");
    Files.writeString(config, String.join("\n",
        "spark.hadoop.fs.azure.account.key.mystore.dfs.core.windows.net=" + canaries.get(2),
        "spark.ssl.keyPassword=" + canaries.get(3),
        "spark.hadoop.fs.gs.auth.service.account.private.key=" + canaries.get(5)) + "\n");
    OpsRuns.Outcome r = OpsRuns.run(logs.files, out, "secrets", with(K2, "--date", D2.toString(), "--config", config.toString(),
        "--set", "spark.hadoop.fs.s3a.secret.key=" + canaries.get(0), "--set", "spark.hadoop.fs.s3a.access.key=" + canaries.get(1),
        "--set", "spark.hadoop.fs.s3a.session.token=" + canaries.get(4)));

    assertEquals(0, r.exitCode(), r.console());
    JsonNode conf = r.summary().path("config");
    assertEquals("*********(redacted)", conf.path("spark.hadoop.fs.s3a.secret.key").asText());
    assertEquals("*********(redacted)", conf.path("spark.hadoop.fs.azure.account.key.mystore.dfs.core.windows.net").asText());
    assertEquals("2", conf.path("suppression.min-visitors").asText(), "other values are shown");
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        files.add(f.toString());
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String c : canaries) {
          assertFalse(bytes.contains(c), c + " written into " + f);
        }
      }
    }
    assertTrue(files.size() > 5, "searched the output: " + files);
    canaries.forEach(c -> assertFalse(r.console().contains(c), c + " on the console"));
  }

  // ---- 3. a failed publish leaves every table as it was

  @Test
  void publishRefusedByAnImmutableTable_rollsBackEveryTable_exit5(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D2), 12);
    Path out = tmp.resolve("out");
    assertEquals(0, OpsRuns.run(logs.files, out, "good", with(K2, "--date", D2.toString())).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
    RotatedLogs late = RotatedLogs.write(tmp.resolve("late"), List.of(D2), 20);
    List<Path> input = new ArrayList<>(logs.files);
    input.addAll(late.files);
    for (String table : List.of("totals", "regions", "page_countries")) {
      Path dir = out.resolve(table);
      assumeTrue(chattr("+i", dir), "chattr +i works here (root on ext4); PublicationTest covers refused moves without it");
      try {
        Result r = runIn(input, out, "refused-" + table, with(K2, "--date", D2.toString()));
        assertEquals(5, r.code(), r.console());
        assertTrue(r.console().contains("Cannot publish: Cannot move"), r.console());
        assertTrue(r.console().contains("nothing was published, the earlier output is as it was"), r.console());
      } finally {
        chattr("-i", dir);
      }
      assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out), "every table old after the refused move in " + table);
      assertEquals("good", latestRunId(out), "latest.json names the run whose tables are live");
      assertFalse(Files.exists(out.resolve("_runs/refused-" + table + ".json")), "its summary is published with its tables or not at all");
    }
    assertEquals(0, OpsRuns.run(input, out, "fixed", with(K2, "--date", D2.toString())).exitCode());
    assertEquals("fixed", latestRunId(out));
  }

  /**
   * A publish killed half way (every other move done, no commit) is rolled back by the report before it
   * reads, so the report shows the live run's numbers under the live run's id; killed after its commit
   * point, it is completed, and the report shows the new run.
   */
  @Test
  void publishKilledHalfWay_isRecoveredByTheReport_andTheNextRun(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D2), 12);
    RotatedLogs late = RotatedLogs.write(tmp.resolve("late"), List.of(D2), 30);
    List<Path> more = new ArrayList<>(logs.files);
    more.addAll(late.files);
    for (boolean afterCommit : new boolean[] {false, true}) {
      Path out = tmp.resolve("out-" + afterCommit);
      Path newer = tmp.resolve("newer-" + afterCommit);
      assertEquals(0, OpsRuns.run(logs.files, out, "good", with(K2, "--date", D2.toString())).exitCode());
      assertEquals(0, OpsRuns.run(more, newer, "newer", with(K2, "--date", D2.toString())).exitCode());
      OutputSnapshot good = OutputSnapshot.read(SparkTestSession.get(), out);
      OutputSnapshot fresh = OutputSnapshot.read(SparkTestSession.get(), newer);
      // The newer run's tables and summary staged in the output, then published by a process that dies.
      String staging = "_staging/killed";
      List<org.geotraffic.publish.Publication.Install> installs = new ArrayList<>();
      for (String table : List.of("totals", "countries", "regions", "pages", "page_countries")) {
        String partition = table + "/date=" + D2;
        org.apache.commons.io.FileUtils.copyDirectory(newer.resolve(partition).toFile(), out.resolve(staging).resolve(partition).toFile());
        installs.add(new org.geotraffic.publish.Publication.Install(partition, staging + "/" + partition));
      }
      for (String summary : List.of("newer.json", "latest.json")) {
        Files.createDirectories(out.resolve(staging).resolve("_runs"));
        Files.copy(newer.resolve("_runs/newer.json"), out.resolve(staging).resolve("_runs").resolve(summary));
        installs.add(new org.geotraffic.publish.Publication.Install("_runs/" + summary, staging + "/_runs/" + summary));
      }
      org.apache.hadoop.fs.Path hadoopOut = new org.apache.hadoop.fs.Path(out.toString());
      var probe = org.geotraffic.publish.Publication.plan(new org.geotraffic.publish.LocalFileMoves(), hadoopOut, "newer", staging, installs);
      // Plan: 2 operations per install; the journal: 2; then mkdirs + move twice per move: die half way through them, or
      // right after the commit marker.
      var dying = afterCommit
          ? org.geotraffic.publish.CrashingFileMoves.afterCreating(new org.geotraffic.publish.LocalFileMoves(), ".committed")
          : new org.geotraffic.publish.CrashingFileMoves(new org.geotraffic.publish.LocalFileMoves(),
              2L * installs.size() + 2 + 2L * probe.moves().size(), false);
      try {
        org.geotraffic.publish.Publication.plan(dying, hadoopOut, "newer", staging, installs).commit();
      } catch (org.geotraffic.publish.CrashingFileMoves.Killed expected) {
        // the publisher died
      }
      OutputSnapshot mixed = OutputSnapshot.read(SparkTestSession.get(), out);
      if (!afterCommit) {
        assertFalse(mixed.equals(good) || mixed.equals(fresh), "the kill left a mix for the report to find");
      }

      Result report = cli("report", "--output", out.toString(), "--html", tmp.resolve("r-" + afterCommit + ".html").toString(), "--csv",
          tmp.resolve("csv-" + afterCommit).toString());
      assertEquals(0, report.code(), report.console());
      assertTrue(report.console().contains("geotraffic report: recovered: " + (afterCommit ? "completed the publish of run newer"
          : "rolled back the unfinished publish of run newer")), report.console());
      assertEquals(afterCommit ? fresh.rows() : good.rows(), OutputSnapshot.read(SparkTestSession.get(), out).rows());
      assertEquals(afterCommit ? "newer" : "good", latestRunId(out));
      String csv;
      try (Stream<Path> files = Files.list(tmp.resolve("csv-" + afterCommit))) {
        Path totals = files.filter(f -> f.getFileName().toString().contains("daily")).findFirst().orElseThrow();
        csv = Files.readString(totals);
      }
      assertTrue(csv.contains(afterCommit ? ",newer" : ",good"), "the numbers under the run that published them: " + csv);
      assertFalse(csv.contains(afterCommit ? ",good" : ",newer"), csv);
      // The next run finds nothing left to recover.
      OpsRuns.Outcome next = OpsRuns.run(logs.files, out, "next", with(K2, "--date", D2.toString()));
      assertFalse(next.console().contains("recovered"), next.console());
    }
  }

  static boolean chattr(String flag, Path dir) {
    try {
      Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  // ---- 4. a FIFO is refused before Spark and never read

  @Test
  void fifoAsInput_isRefusedWithExit3_withoutTouchingItsWriter(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("access.log");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works here");
    // A writer that blocks until someone opens the FIFO for reading.
    Process writer = new ProcessBuilder("sh", "-c", "echo '192.0.2.1 - - [02/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"' > "
        + fifo).start();
    try {
      for (List<String> input : List.of(List.of(fifo.toString()), List.of(tmp.toString()))) {
        Result r = cli("run", "--input", input.get(0), "--output", tmp.resolve("out").toString(), "--geoip-db", OpsRuns.database().toString());
        assertEquals(3, r.code(), r.console());
        assertTrue(r.console().contains("Cannot read input: not a regular file (a FIFO, device or socket), "), r.console());
        assertFalse(r.console().contains("geotraffic: run "), "refused before Spark: " + r.console());
      }
      assertTrue(writer.isAlive(), "the writer still waits: nobody opened the FIFO");
    } finally {
      writer.destroyForcibly();
    }
  }

  // ---- 6. no input files

  @Test
  void emptyInputDirectory_orOnlyHiddenFiles_isExit3_noInputFiles(@TempDir Path tmp) throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path hidden = Files.createDirectories(tmp.resolve("hidden"));
    Files.writeString(hidden.resolve("_SUCCESS"), "");
    Files.writeString(hidden.resolve(".access.log.swp"), "x");
    for (Path dir : List.of(empty, hidden)) {
      Result r = cli("run", "--input", dir.toString(), "--output", tmp.resolve("out").toString(), "--geoip-db", OpsRuns.database().toString());
      assertEquals(3, r.code(), r.console());
      assertTrue(r.console().contains("Cannot read input: no input files in " + dir
          + " (files and folders whose name starts with _ or . are skipped)"), r.console());
    }
  }

  // ---- 7. disk full

  @Test
  void outputDiskFull_isExit5WithOneClearLine_andTheEarlierOutputStays(@TempDir Path tmp) throws Exception {
    Path mount = Files.createDirectories(tmp.resolve("small-disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()), "tmpfs can be mounted here (root)");
    try {
      RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(D2), 12);
      Path out = mount.resolve("out");
      assertEquals(0, OpsRuns.run(logs.files, out, "good", with(K2, "--date", D2.toString())).exitCode());
      OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
      RotatedLogs more = RotatedLogs.write(tmp.resolve("more"), List.of(D2), 200);
      // A revision: everything the good run read, and a late file with more visitors (the published day must recompute).
      List<Path> input = new ArrayList<>(logs.files);
      input.addAll(more.files);
      // Leave a little room, less and less: the disk fills while staging the tables, or their summary, or the journal.
      int failures = 0;
      for (int room : new int[] {64 * 1024, 16 * 1024, 4 * 1024, 1024, 0}) {
        fill(mount, room);
        Result r;
        try {
          r = runIn(input, out, "full-" + room, with(K2, "--date", D2.toString()));
        } finally {
          Files.deleteIfExists(mount.resolve("filler"));
        }
        if (r.code() != 0) {
          failures++;
          assertEquals(5, r.code(), r.console());
          assertEquals(1, r.console().lines().filter(l -> l.startsWith("geotraffic: job failed")).count(), r.console());
          assertTrue(r.console().contains("geotraffic: job failed: no space left on device"), r.console());
          assertEquals(before, OutputSnapshot.read(SparkTestSession.get(), out), "room " + room);
        }
      }
      assertTrue(failures > 0, "the disk was full at least once");
    } finally {
      run("umount", "-l", mount.toString());
    }
  }

  private static void fill(Path mount, long leave) throws IOException {
    Path filler = mount.resolve("filler");
    java.nio.file.FileStore store = Files.getFileStore(mount);
    long free = store.getUsableSpace();
    byte[] block = new byte[64 * 1024];
    try (var outStream = Files.newOutputStream(filler)) {
      long written = 0;
      while (free - written > leave + block.length) {
        outStream.write(block);
        written += block.length;
      }
      outStream.write(block, 0, (int) Math.max(0, free - written - leave));
    } catch (IOException full) {
      // full already
    }
  }

  // ---- 8. bad spark.* values

  @Test
  void badSparkValues_exit2_namingTheKey_beforeAnyJob(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("access.log");
    Files.writeString(log, "192.0.2.1 - - [02/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"\n");
    String[][] cases = {
        {"spark.master=yarn", "spark.master is yarn, but this classpath has no Spark YARN module"},
        {"spark.master=sprak://host:7077", "spark.master must be local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL"},
        {"spark.sql.shuffle.partitions=abc", "spark.sql.shuffle.partitions must be a whole number >= 1, got 'abc' (--set)"},
        {"spark.executor.memory=lots", "spark.executor.memory must be a size such as 512m or 2g, got 'lots' (--set)"},
        {"spark.sql.adaptive.enabled=maybe", "spark.sql.adaptive.enabled must be true or false, got 'maybe' (--set)"},
    };
    for (String[] c : cases) {
      Result r = cli("run", "--input", log.toString(), "--output", tmp.resolve("out").toString(), "--geoip-db", OpsRuns.database().toString(),
          "--set", c[0]);
      assertEquals(2, r.code(), c[0] + ": " + r.console());
      assertTrue(r.console().contains(c[1]), c[0] + ": " + r.console());
      assertFalse(r.console().contains("\tat "), "no stack trace: " + r.console());
    }
    // A spark.sql key that only Spark knows how to check is refused by Spark's own SQL configuration, still exit 2.
    SparkTestSession.get();
    Result r = cli("run", "--input", log.toString(), "--output", tmp.resolve("out").toString(), "--geoip-db", OpsRuns.database().toString(),
        "--set", "spark.sql.files.maxRecordsPerFile=many");
    assertEquals(2, r.code(), r.console());
    // Spark 3.5 says "… should be long, but was many"; Spark 4 says "The value 'many' in the config … is invalid": both name key and value.
    String sparkSays = r.console().lines().filter(l -> l.startsWith("geotraffic: Cannot start Spark")).findFirst().orElse("");
    assertTrue(sparkSays.contains("spark.sql.files.maxRecordsPerFile") && sparkSays.contains("many"), r.console());
    assertFalse(r.console().contains("\tat "), "no stack trace: " + r.console());
  }

  // ---- 10. questionable cases are warnings on the console and in the summary

  @Test
  void questionableRuns_warnOnTheConsole_andInTheSummary(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    List<String> w3c = new ArrayList<>(List.of("#Software: Microsoft Internet Information Services 10.0",
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status"
            + " sc-substatus sc-win32-status time-taken"));
    List<String> combined = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      w3c.add("2026-11-02 10:00:" + (10 + i) + " 10.0.0.1 GET /a - 443 - 192.0.2." + (i + 1) + " Mozilla/5.0 - 200 0 0 5");
      combined.add("192.0.2." + (i + 1) + " - - [02/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"");
    }
    // A date no server wrote: year 1.
    w3c.add("0001-01-01 00:00:01 10.0.0.1 GET /a - 443 - 192.0.2.99 Mozilla/5.0 - 200 0 0 5");
    Files.write(dir.resolve("u_ex261102.log"), w3c);
    Files.write(dir.resolve("access.log"), combined);
    OpsRuns.Outcome r = OpsRuns.run(List.of(dir), tmp.resolve("out"), "mixed", "--set", "input.format=w3c", "--set",
        "suppression.min-visitors=1");

    assertEquals(0, r.exitCode(), r.console());
    List<String> warnings = new ArrayList<>();
    r.summary().path("warnings").forEach(w -> warnings.add(w.asText()));
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("k=1 (suppression.min-visitors) for totals, countries, regions, pages,"
        + " page_countries")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 of 2 input files had most of their lines rejected")
        && w.contains("access.log (20 of 20 rejected)") && w.contains("input.format=w3c")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 published date(s) lie before 1990-01-01 or after tomorrow: 0001-01-01 (1 lines)")),
        warnings.toString());
    warnings.forEach(w -> assertTrue(r.console().contains("geotraffic: warning: " + w), "on the console too: " + w));

    Result whatIf = cli("what-if", "--input", dir.toString(), "--output", tmp.resolve("ignored").toString(), "--geoip-db",
        OpsRuns.database().toString(), "--k", "2,5", "--set", "input.format=w3c");
    assertEquals(0, whatIf.code(), whatIf.console());
    assertTrue(whatIf.console().contains("geotraffic: warning: what-if writes nothing: --output " + tmp.resolve("ignored") + " is ignored"),
        whatIf.console());
    assertFalse(Files.exists(tmp.resolve("ignored")));
  }

  private record Result(int code, String console) {}

  /** A run through the command, for runs that may fail before they write a summary. */
  private static Result runIn(List<Path> input, Path out, String runId, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--input"));
    input.forEach(p -> args.add(p.toString()));
    args.addAll(List.of("--output", out.toString(), "--geoip-db", OpsRuns.database().toString(), "--run-id", runId));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  private static Result cli(String... args) {
    JobRuns.Run run = JobRuns.run(args);
    return new Result(run.exitCode(), run.console());
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
