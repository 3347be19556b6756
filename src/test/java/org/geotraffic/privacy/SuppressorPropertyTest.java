package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressorPropertyTest {
  static final int DAYS = 10_000;

  static SuppressionPolicy randomPolicy(Random rnd) {
    int k = 2 + rnd.nextInt(49);
    Map<Table, Integer> overrides = rnd.nextInt(4) == 0
        ? Map.of(Table.values()[rnd.nextInt(Table.values().length)], 2 + rnd.nextInt(49))
        : Map.of();
    long minHits = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(30);
    return new SuppressionPolicy(k, overrides, minHits);
  }

  @Test
  void tenThousandRandomDays_everyAuditPasses() {
    Random rnd = new Random(20260101L);
    List<String> failures = new ArrayList<>();
    long published = 0;
    long hidden = 0;
    long start = System.nanoTime();
    for (int i = 0; i < DAYS; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s" + i, RandomDays.visits(rnd, shape));
      SuppressionPolicy policy = randomPolicy(rnd);
      PublishedDay out = new Suppressor(policy).suppress(day);
      AuditReport report = SuppressionAudit.audit(day, out, policy);
      if (!report.passed() && failures.size() < 5) {
        failures.add("day " + i + " " + shape + " " + policy + ": " + report.findings());
      }
      if (!report.passed() && failures.size() >= 5) {
        failures.add("...");
      }
      for (TableStats s : out.stats().values()) {
        published += s.publishedCells();
        hidden += s.hiddenCells();
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("randomized: " + DAYS + " days, " + published + " rows published, " + hidden
        + " cells hidden, " + ms + " ms");
    assertEquals(List.of(), failures);
    assertTrue(published > 0);
  }
}
