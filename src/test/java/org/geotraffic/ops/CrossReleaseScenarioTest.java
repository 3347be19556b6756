package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 end to end, through the command line: seven daily runs, then the week; a rerun of one day with a late
 * file of 3 new visitors (nothing about them becomes visible: the run is refused, exit 8, every published file
 * unchanged), then with a late file of 40 new visitors (published, exit 0); the weeks of February 2027 (four ISO
 * weeks, Monday 1 to Sunday 28), then the month. Everything is read back from the Parquet files.
 */
class CrossReleaseScenarioTest {
  private static final LocalDate FEB_1 = LocalDate.parse("2027-02-01");
  private static final LocalDate WEDNESDAY = FEB_1.plusDays(2);

  @Test
  void daysThenWeek_lateFiles_thenMonth(@TempDir Path tmp) throws Exception {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 28; i++) {
      days.add(FEB_1.plusDays(i));
    }
    Path logs = tmp.resolve("logs");
    VisitorLogs generated = VisitorLogs.write(logs, days, 120, 60, 22);
    Path out = tmp.resolve("out");
    List<Path> input = List.of(logs);

    for (int i = 0; i < 7; i++) {
      OpsRuns.Outcome day = OpsRuns.run(input, out, "day-" + i, "--date", FEB_1.plusDays(i).toString());
      assertEquals(0, day.exitCode(), day.console());
    }
    OpsRuns.Outcome week = OpsRuns.run(input, out, "week-1", "--period", "week", "--date", WEDNESDAY.toString());
    assertEquals(0, week.exitCode(), week.console());
    assertEquals(generated.visitors(FEB_1, FEB_1.plusDays(6)), totals(out, "weekly", FEB_1).getLong(0), "distinct over the week");

    OpsRuns.Outcome again = OpsRuns.run(input, out, "week-1-again", "--period", "week", "--date", WEDNESDAY.toString());
    assertEquals(0, again.exitCode(), again.console());
    assertEquals(List.of(FEB_1.toString()), texts(again.summary().path("releases").path("unchanged")), "identical input: no new release");

    Map<String, List<String>> before = published(out);
    generated.writeLate(logs, "access.log.late-3", WEDNESDAY, 3);
    OpsRuns.Outcome late3 = OpsRuns.run(input, out, "late-3", "--date", WEDNESDAY.toString());
    assertEquals(8, late3.exitCode(), late3.console());
    assertEquals(before, published(out), "nothing about the 3 late visitors is published");
    assertTrue(late3.console().contains("Cannot publish"), late3.console());

    Row wednesday = totals(out, "", WEDNESDAY);
    generated.writeLate(logs, "access.log.late-40", WEDNESDAY, 40);
    OpsRuns.Outcome late40 = OpsRuns.run(input, out, "late-40", "--date", WEDNESDAY.toString());
    assertEquals(0, late40.exitCode(), late40.console());
    Row revised = totals(out, "", WEDNESDAY);
    assertEquals(generated.visitors(WEDNESDAY, WEDNESDAY), revised.getLong(0), "the revision counts every visitor of the day");
    assertEquals(wednesday.getLong(0) + 43, revised.getLong(0), "3 + 40 late visitors: the 3 waited for the 40");
    assertEquals(List.of(WEDNESDAY.toString()), texts(late40.summary().path("releases").path("published")));

    for (int w = 1; w < 4; w++) {
      LocalDate monday = FEB_1.plusWeeks(w);
      OpsRuns.Outcome r = OpsRuns.run(input, out, "week-" + (w + 1), "--period", "week", "--date", monday.toString());
      assertEquals(0, r.exitCode(), r.console());
    }
    OpsRuns.Outcome month = OpsRuns.run(input, out, "month", "--period", "month", "--date", "2027-02-14");
    assertEquals(0, month.exitCode(), month.console());
    assertEquals(generated.visitors(FEB_1, FEB_1.plusDays(27)), totals(out, "monthly", FEB_1).getLong(0), "distinct over the month");
    assertTrue(month.summary().path("releases").path("cross_release").path("earlier_releases_audited").asLong() >= 4,
        month.summary().toString());
  }

  /**
   * A week published first, then six of its days in one run: the seventh day, Sunday, has 3 visitors and is not
   * published. Each day alone is safe next to the week; all six together would give the week minus its published
   * days = Sunday. The run audits its days in waves, each against the ones before, so the six days' totals are
   * never all published next to the week's (or Sunday reaches k).
   */
  @Test
  void weekFirst_thenSixOfItsDaysInOneRun_neverRevealTheSeventh(@TempDir Path tmp) throws Exception {
    List<LocalDate> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(FEB_1.plusDays(i));
    }
    Path logs = tmp.resolve("logs");
    VisitorLogs generated = VisitorLogs.write(logs, six, 120, 60, 23);
    LocalDate sunday = FEB_1.plusDays(6);
    generated.writeLate(logs, "access.log." + sunday, sunday, 3);
    Path out = tmp.resolve("out");
    List<Path> input = List.of(logs);
    OpsRuns.Outcome week = OpsRuns.run(input, out, "week", "--period", "week", "--date", FEB_1.toString());
    assertEquals(0, week.exitCode(), week.console());

    OpsRuns.Outcome days = OpsRuns.run(input, out, "six-days", "--from", FEB_1.toString(), "--to", six.get(5).toString());

    long weekHits = totals(out, "weekly", FEB_1).getLong(1);
    long publishedDayHits = 0;
    int publishedDays = 0;
    for (LocalDate d : six) {
      Path p = out.resolve("totals/date=" + d);
      if (Files.exists(p) && SparkTestSession.get().read().parquet(p.toString()).count() > 0) {
        publishedDays++;
        publishedDayHits += totals(out, "", d).getLong(1);
      }
    }
    assertTrue(publishedDays < 6 || weekHits - publishedDayHits != generated.hits(sunday, sunday),
        "the week minus the six published days is Sunday's 3 visitors (exit " + days.exitCode() + "): " + days.console());
    assertTrue(days.exitCode() == 0 || days.exitCode() == 8, days.console());
  }

  private static Row totals(Path out, String folder, LocalDate date) {
    Path p = (folder.isEmpty() ? out : out.resolve(folder)).resolve("totals/date=" + date);
    return SparkTestSession.get().read().parquet(p.toString()).select("visitors", "hits").first();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Every published Parquet partition (daily, weekly, monthly; not the operator's _runs and _ledger) with its rows. */
  private static Map<String, List<String>> published(Path out) throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    List<Path> partitions;
    try (Stream<Path> s = Files.walk(out)) {
      partitions = s.filter(p -> p.getFileName().toString().startsWith("date=") && !out.relativize(p).toString().startsWith("_")).sorted().toList();
    }
    for (Path p : partitions) {
      List<String> r = new ArrayList<>();
      for (Row row : SparkTestSession.get().read().parquet(p.toString()).collectAsList()) {
        r.add(row.toString());
      }
      r.sort(null);
      rows.put(out.relativize(p).toString(), r);
    }
    return rows;
  }
}
