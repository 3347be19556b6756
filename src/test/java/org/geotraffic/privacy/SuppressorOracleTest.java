package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.geotraffic.privacyoracle.Disclosure;
import org.geotraffic.privacyoracle.Event;
import org.geotraffic.privacyoracle.HistoryOracle;
import org.geotraffic.privacyoracle.PublishedRelease;
import org.geotraffic.privacyoracle.ReleaseRequest;
import org.geotraffic.privacyoracle.RowKey;

/**
 * The suppressor of one day, judged by the independent oracle ({@code org.geotraffic.privacyoracle}: exact
 * linear algebra over all published rows, brute force where small; it shares no code with this package) on
 * random days built from visitor-level data, with thresholds from 2 to 50 and min-hits on and off. A
 * suppressor without secondary suppression is caught.
 */
class SuppressorOracleTest {
  static final int DAYS = 2000;
  private static final LocalDate DAY = LocalDate.parse("2026-01-01");

  @org.junit.jupiter.api.Test
  void randomDays_theOracleFindsNothingBelowK() {
    Random rnd = new Random(20261207L);
    List<String> failures = new ArrayList<>();
    long published = 0;
    for (int i = 0; i < DAYS; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      List<RandomDays.Visit> visits = RandomDays.visits(rnd, shape);
      UnsuppressedDay day = RandomDays.aggregate(DAY.toString(), "s", visits);
      int k = 2 + rnd.nextInt(49);
      SuppressionPolicy policy = new SuppressionPolicy(k, java.util.Map.of(), rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(30));
      PublishedDay out = new Suppressor(policy).suppress(day);
      published += out.rows().values().stream().mapToInt(List::size).sum();
      List<Disclosure> found = judge(visits, out, k);
      if (!found.isEmpty() && failures.size() < 5) {
        failures.add("day " + i + " " + shape + " k=" + k + ": " + found.get(0));
      }
    }
    System.out.println("oracle over " + DAYS + " random days: " + published + " rows published, failures " + failures.size());
    assertEquals(List.of(), failures);
    assertTrue(published > 1000);
  }

  @org.junit.jupiter.api.Test
  void withoutSecondarySuppression_theOracleCatchesIt() {
    Random rnd = new Random(7L);
    int caught = 0;
    for (int i = 0; i < 500; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      List<RandomDays.Visit> visits = RandomDays.visits(rnd, shape);
      UnsuppressedDay day = RandomDays.aggregate(DAY.toString(), "s", visits);
      int k = 2 + rnd.nextInt(49);
      PublishedDay broken = SuppressionAuditTest.primaryOnly(day, SuppressionPolicy.of(k));
      caught += judge(visits, broken, k).isEmpty() ? 0 : 1;
    }
    System.out.println("primary-only suppressor: the oracle found disclosures on " + caught + " of 500 days");
    assertTrue(caught > 20, "caught " + caught);
  }

  /** The oracle's verdict on one day's published rows. */
  static List<Disclosure> judge(List<RandomDays.Visit> visits, PublishedDay out, int k) {
    List<Event> events = new ArrayList<>();
    for (RandomDays.Visit v : visits) {
      for (long h = 0; h < v.hits(); h++) {
        events.add(new Event(v.visitor() < 0 ? Event.BOT : v.visitor() + 1L, "s", DAY, v.page(), v.country(), v.region(),
            h < v.pageviews(), h == 0 ? v.bytes() : 0, 0));
      }
    }
    List<org.geotraffic.privacyoracle.PublishedRow> rows = new ArrayList<>();
    for (Table t : Table.values()) {
      org.geotraffic.privacyoracle.Table ot = org.geotraffic.privacyoracle.Table.valueOf(t.name());
      for (PublishedRow r : out.rows(t)) {
        Measures m = r.measures();
        rows.add(new org.geotraffic.privacyoracle.PublishedRow(
            new RowKey(ot, ot.hasPage() ? r.page() : null, ot.hasCountry() ? r.country() : null, ot.hasRegion() ? r.region() : null),
            new org.geotraffic.privacyoracle.Measures(m.visitors(), m.hits(), m.pageviews(), t == Table.PAGE_COUNTRIES ? 0 : m.bytes())));
      }
    }
    PublishedRelease release = new PublishedRelease(ReleaseRequest.day("s", DAY, Set.of(0), k, 1), rows);
    return new HistoryOracle().attack(events, List.of(release));
  }
}
