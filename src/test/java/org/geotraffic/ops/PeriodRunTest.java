package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weeks and months: one run over the period's logs publishes its tables under weekly/ or monthly/, named by
 * the period's first day, with visitors distinct over the whole period (a person on three days counts once).
 */
class PeriodRunTest {
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");
  private static final String[] K2 = {"--set", "suppression.min-visitors=2"};

  @Test
  void weekRun_countsEachVisitorOnceOverTheWeek_underWeekly(@TempDir Path tmp) throws Exception {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(MONDAY.plusDays(i));
    }
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), days, 12);
    Path out = tmp.resolve("out");
    OpsRuns.Outcome r = OpsRuns.run(logs.files, out, "week", "--period", "week", "--date", MONDAY.plusDays(3).toString(), K2[0], K2[1]);

    assertEquals(0, r.exitCode(), r.console());
    Set<String> clients = new HashSet<>();
    long hits = 0;
    for (RotatedLogs.Event e : logs.events) {
      if (!e.day().isBefore(MONDAY) && !e.day().isAfter(MONDAY.plusDays(6))) {
        clients.add(e.client());
        hits++;
      }
    }
    Row totals = SparkTestSession.get().read().parquet(out.resolve("weekly/totals/date=" + MONDAY).toString()).select("visitors", "hits").first();
    assertEquals(clients.size(), totals.getLong(0), "distinct over the week, not summed over days");
    assertEquals(hits, totals.getLong(1));
    assertTrue(clients.size() < logs.visitorsByDay().values().stream().mapToLong(Long::longValue).sum(), "the fixture repeats visitors");
    assertFalse(Files.exists(out.resolve("totals")), "no daily tables");
    JsonNode s = r.summary();
    assertEquals("week", s.path("period").asText());
    assertEquals(List.of(MONDAY.toString()), List.of(s.path("dates").get(0).asText()));
    List<String> withInput = new ArrayList<>();
    s.path("period_days_with_input").forEach(d -> withInput.add(d.asText()));
    assertEquals(days.stream().map(LocalDate::toString).toList(), withInput);
  }

  @Test
  void monthRun_publishesUnderMonthly_namedByItsFirstDay(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-20")), 12);
    Path out = tmp.resolve("out");
    OpsRuns.Outcome r = OpsRuns.run(logs.files, out, "month", "--period", "month", "--date", "2026-11-15", K2[0], K2[1]);

    assertEquals(0, r.exitCode(), r.console());
    assertTrue(Files.isDirectory(out.resolve("monthly/countries/date=2026-11-01")), "monthly/countries/date=2026-11-01");
    assertEquals("month", r.summary().path("period").asText());
  }
}
