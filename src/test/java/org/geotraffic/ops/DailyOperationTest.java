package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.geotraffic.publish.StagingFolders;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily operation on rotated logs whose files hold neighbouring days: date windows, reruns, and runs of
 * different days at the same time. Each test runs the geotraffic command on the shared SparkSession and
 * reads the published Parquet back.
 */
class DailyOperationTest {
  private static final LocalDate D9 = LocalDate.parse("2026-03-09");
  private static final LocalDate D10 = LocalDate.parse("2026-03-10");
  private static final LocalDate D11 = LocalDate.parse("2026-03-11");
  /** k=2 keeps the fixture small; every day of the files has far more visitors. */
  private static final String[] K2 = {"--set", "suppression.min-visitors=2"};

  @TempDir static Path logsDir;
  private static RotatedLogs logs;

  @BeforeAll
  static void writeLogs() throws Exception {
    logs = RotatedLogs.write(logsDir, List.of(D9, D10, D11), 12);
  }

  private static String[] args(String... window) {
    String[] all = new String[window.length + K2.length];
    System.arraycopy(window, 0, all, 0, window.length);
    System.arraycopy(K2, 0, all, window.length, K2.length);
    return all;
  }

  private static Map<String, Long> totalsHitsAndVisitors(Path out, LocalDate day) {
    Row r = SparkTestSession.get().read().parquet(out.resolve("totals/date=" + day).toString()).select("visitors", "hits").first();
    return Map.of("visitors", r.getLong(0), "hits", r.getLong(1));
  }

  @Test
  void dateWindow_countsEachEventInItsOwnDay_andWritesOnlyThatDay(@TempDir Path out) throws Exception {
    OpsRuns.Outcome o = OpsRuns.run(logs.files, out, "window-date", args("--date", D10.toString()));

    assertEquals(0, o.exitCode(), o.console());
    // Day 10's events are spread over three files: its own, the end of day 9's and the start of day 11's.
    assertEquals(Map.of("visitors", logs.visitorsByDay().get(D10), "hits", logs.hitsByDay().get(D10)), totalsHitsAndVisitors(out, D10));
    JsonNode lines = o.summary().path("lines");
    assertEquals(logs.lines(), lines.path("read").asLong());
    assertEquals(logs.hitsByDay().get(D10), lines.path("accepted").asLong());
    assertEquals(logs.lines() - logs.hitsByDay().get(D10), lines.path("filtered").path("out-of-window").asLong(),
        "every line of another day is filtered as out-of-window");
    assertEquals(List.of(D10.toString()), OutputSnapshot.read(SparkTestSession.get(), out).dates(), "only the window's day is written");
  }

  @Test
  void fromToWindow_publishesEachDayOfTheWindow_andNothingElse(@TempDir Path out) throws Exception {
    OpsRuns.Outcome o = OpsRuns.run(logs.files, out, "window-from-to", args("--from", D9.toString(), "--to", D10.toString()));

    assertEquals(0, o.exitCode(), o.console());
    for (LocalDate day : List.of(D9, D10)) {
      assertEquals(Map.of("visitors", logs.visitorsByDay().get(day), "hits", logs.hitsByDay().get(day)), totalsHitsAndVisitors(out, day),
          "totals of " + day);
    }
    long inWindow = logs.hitsByDay().get(D9) + logs.hitsByDay().get(D10);
    assertEquals(logs.lines() - inWindow, o.summary().path("lines").path("filtered").path("out-of-window").asLong());
    assertEquals(List.of(D9.toString(), D10.toString()), OutputSnapshot.read(SparkTestSession.get(), out).dates());
    assertEquals(List.of(D9.toString(), D10.toString()), List.of(o.summary().path("dates").get(0).asText(), o.summary().path("dates").get(1).asText()));
    assertEquals(2, o.summary().path("dates").size());
  }

  @Test
  void rerunOfADay_withIdenticalInput_publishesNoNewRelease_andTouchesNoFile(@TempDir Path out) throws Exception {
    assertEquals(0, OpsRuns.run(logs.files, out, "all-days", args("--from", D9.toString(), "--to", D11.toString())).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);
    assertFalse(before.day(D10.toString()).isEmpty());

    OpsRuns.Outcome rerun = OpsRuns.run(logs.files, out, "rerun-10", args("--date", D10.toString()));

    assertEquals(0, rerun.exitCode(), rerun.console());
    OutputSnapshot after = OutputSnapshot.read(SparkTestSession.get(), out);
    assertEquals(before.day(D10.toString()), after.day(D10.toString()), "same logs, same day: same rows in every table");
    assertEquals(before.files(), after.files(), "identical input: the live release is repeated, no file is rewritten");
    assertEquals(D10.toString(), rerun.summary().path("releases").path("unchanged").get(0).asText(), rerun.summary().toString());
    assertEquals(0, rerun.summary().path("releases").path("published").size());
    assertNoStagingLeft(out);
  }

  @Test
  void rerunWithHigherThreshold_removesTheDaysStaleRows_only(@TempDir Path out) throws Exception {
    assertEquals(0, OpsRuns.run(logs.files, out, "k2", args("--from", D9.toString(), "--to", D11.toString())).exitCode());
    OutputSnapshot before = OutputSnapshot.read(SparkTestSession.get(), out);

    OpsRuns.Outcome o = OpsRuns.run(logs.files, out, "k1000", "--date", D10.toString(), "--set", "suppression.min-visitors=1000");

    assertEquals(0, o.exitCode(), o.console());
    OutputSnapshot after = OutputSnapshot.read(SparkTestSession.get(), out);
    assertEquals(Map.of(), after.day(D10.toString()), "nothing of day 10 reaches k=1000: no stale partition survives");
    assertEquals(before.filesExcept(D10.toString()), after.filesExcept(D10.toString()));
    assertNoStagingLeft(out);
  }

  @Test
  void runsOfDifferentDaysAtTheSameTime_bothPublishTheirDayCorrectly(@TempDir Path tmp) throws Exception {
    Path sequential = tmp.resolve("sequential");
    assertEquals(0, OpsRuns.run(logs.files, sequential, "seq-9", args("--date", D9.toString())).exitCode());
    assertEquals(0, OpsRuns.run(logs.files, sequential, "seq-11", args("--date", D11.toString())).exitCode());
    Path shared = tmp.resolve("shared");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<OpsRuns.Outcome> a = pool.submit(() -> OpsRuns.run(logs.files, shared, "par-9", args("--date", D9.toString())));
      Future<OpsRuns.Outcome> b = pool.submit(() -> OpsRuns.run(logs.files, shared, "par-11", args("--date", D11.toString())));
      assertEquals(0, a.get().exitCode(), a.get().console());
      assertEquals(0, b.get().exitCode(), b.get().console());
    } finally {
      pool.shutdown();
    }

    OutputSnapshot expected = OutputSnapshot.read(SparkTestSession.get(), sequential);
    OutputSnapshot actual = OutputSnapshot.read(SparkTestSession.get(), shared);
    assertEquals(List.of(D9.toString(), D11.toString()), actual.dates());
    assertEquals(expected.rows(), actual.rows(), "both days as if run one after the other");
    assertNoStagingLeft(shared);
  }

  static void assertNoStagingLeft(Path out) throws Exception {
    Path staging = out.resolve(StagingFolders.DIR);
    if (Files.exists(staging)) {
      try (Stream<Path> s = Files.list(staging)) {
        assertEquals(List.of(), s.toList(), "a finished run leaves no staging folder");
      }
    }
    for (String table : List.of("totals", "countries", "regions", "pages", "page_countries")) {
      Path dir = out.resolve(table);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".spark-staging")), "no Spark staging left in " + table);
        }
      }
    }
  }
}
