package org.geotraffic.privacy;

import static org.geotraffic.privacy.Days.cell;
import static org.geotraffic.privacy.Days.m;
import static org.geotraffic.privacy.Days.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressorTest {
  @Test
  void sameInputTwiceAndShuffledInput_publishIdenticalDays() {
    Random rnd = new Random(99L);
    for (int i = 0; i < 500; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      List<RandomDays.Visit> visits = RandomDays.visits(rnd, shape);
      SuppressionPolicy policy = SuppressorPropertyTest.randomPolicy(rnd);
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s", visits);
      UnsuppressedDay shuffled = RandomDays.aggregateShuffled("2026-01-01", "s", visits, rnd);
      PublishedDay first = new Suppressor(policy).suppress(day);
      assertEquals(first, new Suppressor(policy).suppress(day));
      assertEquals(first, new Suppressor(policy).suppress(shuffled));
    }
  }

  @Test
  void hitSmallCellLaterInOrder_forcesLongerPrefixOfPages() {
    // k=3, min-hits=5: /a (1 visitor) and /c (4 hits) fail; the fold set is the prefix /a, /b, /c.
    ChildGroup pages = new ChildGroup(List.of(
        new Cell("/a", new Measures(1, 10, 10, 10)),
        new Cell("/b", new Measures(5, 10, 10, 10)),
        new Cell("/c", new Measures(6, 4, 4, 4)),
        new Cell("/d", new Measures(20, 100, 100, 100))), new long[] {0, 1, 5, 9, 25}, false);
    GroupFold fold = GroupFold.decide(pages, null, 3, 5);
    assertEquals(List.of(new Cell("/d", new Measures(20, 100, 100, 100))), fold.publishedChildren());
    assertEquals(new Measures(9, 24, 24, 24), fold.otherMeasures());
  }

  @Test
  void otherBelowK_takesNextSmallestUntilK() {
    // k=5: C1 (2) fails; "(other)" {C1} has 2, {C1, C2} has 5.
    ChildGroup g = ChildGroup.disjoint(List.of(cell("C3", 9), cell("C1", 2), cell("C2", 3)));
    GroupFold fold = GroupFold.decide(g, null, 5, 0);
    assertEquals(List.of(cell("C3", 9)), fold.publishedChildren());
    assertEquals(new Measures(5, 10, 5, 500), fold.otherMeasures());
  }

  @Test
  void otherNeverReachingK_foldsWholeGroup() {
    ChildGroup g = ChildGroup.disjoint(List.of(cell("C1", 1), cell("C2", 3)));
    GroupFold fold = GroupFold.decide(g, null, 5, 0);
    assertEquals(List.of(), fold.publishedChildren());
    assertEquals(false, fold.hasOtherRow());
  }

  @Test
  void zeroVisitorBotOnlyCell_isNeverPublished() {
    ChildGroup g = ChildGroup.disjoint(List.of(new Cell("XX", new Measures(0, 50, 0, 5000)), cell("DE", 9), cell("FR", 8)));
    // Even at k=1 the 0-visitor cell folds, and "(other)" = {XX} has 0 visitors, so FR joins it.
    GroupFold fold = GroupFold.decide(g, null, 1, 0);
    assertEquals(List.of(cell("DE", 9)), fold.publishedChildren());
    assertEquals(new Measures(8, 66, 8, 5800), fold.otherMeasures());
  }

  @Test
  void totalsBelowK_publishNothing() {
    PublishedDay out = new Suppressor(SuppressionPolicy.of(30)).suppress(Days.columnLeak());
    for (Table t : Table.values()) {
      assertEquals(List.of(), out.rows(t), t.tableName());
    }
    assertEquals(new TableStats(1, 0, 1, m(26)), out.stats().get(Table.TOTALS));
  }

  @Test
  void regionsOfPublishedCountries_publishedInCountryOrder() {
    PublishedDay out = new Suppressor(SuppressionPolicy.of(3)).suppress(Days.columnLeak());
    assertEquals(List.of(row("DE", "DE-1", null, m(20)), row("FR", "FR-1", null, m(6))), out.rows(Table.REGIONS));
  }

  @Test
  void unsortedChildren_areRejectedWithMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChildGroup(List.of(cell("B", 5), cell("A", 2)), new long[] {0, 5, 7}, true));
    assertEquals("Cannot build ChildGroup: children must be sorted by visitors, then key; B comes before A", e.getMessage());
  }

  @Test
  void impossiblePrefixUnion_isRejectedWithMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChildGroup(List.of(cell("/a", 2), cell("/b", 5)), new long[] {0, 2, 4}, false));
    assertEquals("Cannot build ChildGroup: prefixUnionVisitors[2] = 4 is not a possible union (max 5, sum 7, previous 2)",
        e.getMessage());
  }

  @Test
  void disjointFactory_sortsChildren() {
    assertEquals(List.of(cell("A", 2), cell("B", 5)), ChildGroup.disjoint(List.of(cell("B", 5), cell("A", 2))).children());
  }

  @Test
  void unusedMapKeyIsHarmless() {
    UnsuppressedDay d = Days.columnLeak();
    UnsuppressedDay withExtra = new UnsuppressedDay(d.date(), d.site(), d.totals(), d.countries(),
        Map.of("DE", d.regionsByCountry().get("DE"), "FR", d.regionsByCountry().get("FR")), d.pages(), d.countriesByPage(), d.pageSets());
    assertEquals(new Suppressor(SuppressionPolicy.of(3)).suppress(d), new Suppressor(SuppressionPolicy.of(3)).suppress(withExtra));
  }
}
