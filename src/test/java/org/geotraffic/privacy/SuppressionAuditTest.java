package org.geotraffic.privacy;

import static org.geotraffic.privacy.Days.list;
import static org.geotraffic.privacy.Days.m;
import static org.geotraffic.privacy.Days.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SuppressionAuditTest {
  private static final SuppressionPolicy K3 = SuppressionPolicy.of(3);

  /** What the first-version suppressor published for {@link Days#columnLeak()}. */
  private static PublishedDay firstVersionOfColumnLeak() {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    rows.put(Table.TOTALS, list(row(null, null, null, m(26))));
    rows.put(Table.COUNTRIES, list(row("DE", null, null, m(20)), row("FR", null, null, m(6))));
    rows.put(Table.REGIONS, list(row("DE", "DE-1", null, m(20)), row("FR", "FR-1", null, m(6))));
    rows.put(Table.PAGES, list(row(null, null, "/b", m(11)), row(null, null, "/a", m(15))));
    rows.put(Table.PAGE_COUNTRIES, list(row("FR", null, "/a", m(5)), row("DE", null, "/a", m(10))));
    return Days.published(rows);
  }

  @Test
  void firstVersionOutput_columnDifferencingRecoversOneVisitor_isAFinding() {
    AuditReport report = SuppressionAudit.audit(Days.columnLeak(), firstVersionOfColumnLeak(), K3);
    assertFalse(report.passed());
    assertEquals(List.of(
        "page_countries 2026-01-01 site=s: determined cell over [page=/b country=FR] is recoverable from the published rows"
            + " and describes fewer than k=3 visitors (lower bound 1)"), report.findings());
  }

  @Test
  void suppressorOutputForColumnLeak_passesAndHidesTheWholeTwoWayTable() {
    PublishedDay out = new Suppressor(K3).suppress(Days.columnLeak());
    assertEquals(List.of(), SuppressionAudit.audit(Days.columnLeak(), out, K3).findings());
    // Hiding (/a, FR) alone would leave it determined by /a's "(other)"; the rule then hides
    // (/a, DE) too and /a stands alone: nothing of page_countries is publishable for this day.
    assertEquals(List.of(), out.rows(Table.PAGE_COUNTRIES));
    assertEquals(new TableStats(4, 0, 4, new Measures(26, 52, 26, 2600)), out.stats().get(Table.PAGE_COUNTRIES));
  }

  @Test
  void otherRowBelowK_isAFinding() {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    rows.put(Table.TOTALS, list(row(null, null, null, m(26))));
    rows.put(Table.COUNTRIES, list(row("DE", null, null, m(20)), row("FR", null, null, m(6))));
    rows.put(Table.PAGES, list(row(null, null, "/b", m(11)), row(null, null, "/a", m(15))));
    rows.put(Table.PAGE_COUNTRIES, list(row("DE", null, "/b", m(10)), row("(other)", null, "/b", m(1))));
    AuditReport report = SuppressionAudit.audit(Days.columnLeak(), Days.published(rows), K3);
    assertEquals(List.of(
        "page_countries 2026-01-01 site=s country=(other) page=/b: published row has fewer than k=3 visitors",
        "page_countries 2026-01-01 site=s page=/b: (other) describes fewer than k=3 visitors",
        "page_countries 2026-01-01 site=s: determined cell over [page=/b country=FR] is recoverable from the published rows"
            + " and describes fewer than k=3 visitors (lower bound 1)"), report.findings());
  }

  @Test
  void groupThatDoesNotAddUp_isAFinding() {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    rows.put(Table.TOTALS, list(row(null, null, null, m(26))));
    rows.put(Table.COUNTRIES, list(row("DE", null, null, m(20))));
    AuditReport report = SuppressionAudit.audit(Days.columnLeak(), Days.published(rows), K3);
    assertEquals(List.of("countries 2026-01-01 site=s totals: published children (no (other) row) do not add up to the parent"),
        report.findings());
  }

  @Test
  void regionsUnderUnpublishedCountry_isAFinding() {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    rows.put(Table.TOTALS, list(row(null, null, null, m(26))));
    rows.put(Table.COUNTRIES, list(row("DE", null, null, m(20)), row("(other)", null, null, m(6))));
    rows.put(Table.REGIONS, list(row("FR", "FR-1", null, m(6))));
    AuditReport report = SuppressionAudit.audit(Days.columnLeak(), Days.published(rows), K3);
    assertTrue(report.findings().contains(
        "regions 2026-01-01 site=s country=FR: group published under a parent that is not published as its own row"),
        report.findings().toString());
  }

  /** Primary suppression only (the first version with its order bug fixed): no secondary cells. */
  static PublishedDay primaryOnly(UnsuppressedDay day, SuppressionPolicy policy) {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    boolean totals = day.totals().visitors() >= policy.minVisitors(Table.TOTALS) && day.totals().hits() >= policy.minHits();
    if (totals) {
      rows.put(Table.TOTALS, list(row(null, null, null, day.totals())));
    }
    GroupFold countries = totals ? GroupFold.decide(day.countries(), null, policy.minVisitors(Table.COUNTRIES), policy.minHits())
        : GroupFold.all(day.countries());
    GroupFold pages = totals ? GroupFold.decide(day.pages(), null, policy.minVisitors(Table.PAGES), policy.minHits(), day.totals().visitors())
        : GroupFold.all(day.pages());
    rows.put(Table.COUNTRIES, emit(countries, k -> row(k, null, null, null)));
    rows.put(Table.PAGES, emit(pages, k -> row(null, null, k, null)));
    List<PublishedRow> pc = new ArrayList<>();
    TreeSet<String> publishedPages = new TreeSet<>();
    pages.publishedChildren().forEach(c -> publishedPages.add(c.key()));
    TreeSet<String> publishedCountries = new TreeSet<>();
    countries.publishedChildren().forEach(c -> publishedCountries.add(c.key()));
    for (String page : new TreeMap<>(day.countriesByPage()).keySet()) {
      if (!publishedPages.contains(page)) {
        continue;
      }
      ChildGroup g = day.countriesByPage().get(page);
      boolean[] forced = new boolean[g.children().size()];
      for (int i = 0; i < forced.length; i++) {
        forced[i] = !publishedCountries.contains(g.children().get(i).key());
      }
      pc.addAll(emit(GroupFold.decide(g, forced, policy.minVisitors(Table.PAGE_COUNTRIES), policy.minHits()),
          k -> row(k, null, page, null)));
    }
    rows.put(Table.PAGE_COUNTRIES, pc);
    return Days.published(rows);
  }

  private interface Template {
    PublishedRow of(String key);
  }

  private static List<PublishedRow> emit(GroupFold fold, Template t) {
    List<PublishedRow> out = new ArrayList<>();
    for (Cell c : fold.publishedChildren()) {
      PublishedRow r = t.of(c.key());
      out.add(new PublishedRow(r.date(), r.site(), r.country(), r.region(), r.page(), c.measures()));
    }
    if (fold.hasOtherRow()) {
      PublishedRow r = t.of(PublishedRow.OTHER);
      out.add(new PublishedRow(r.date(), r.site(), r.country(), r.region(), r.page(), fold.otherMeasures()));
    }
    return out;
  }

  @Test
  void suppressorWithoutSecondarySuppression_isCaughtOnRandomDays() {
    Random rnd = new Random(7L);
    int caught = 0;
    int differs = 0;
    for (int i = 0; i < 2000; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s", RandomDays.visits(rnd, shape));
      SuppressionPolicy policy = SuppressorPropertyTest.randomPolicy(rnd);
      PublishedDay broken = primaryOnly(day, policy);
      AuditReport report = SuppressionAudit.audit(day, broken, policy);
      PublishedDay good = new Suppressor(policy).suppress(day);
      if (!good.rows(Table.PAGE_COUNTRIES).equals(broken.rows(Table.PAGE_COUNTRIES))) {
        differs++;
      }
      if (!report.passed()) {
        caught++;
        for (String f : report.findings()) {
          assertTrue(f.startsWith("page_countries "), f);
        }
      }
    }
    System.out.println("primary-only suppressor: audit failed on " + caught + " of 2000 days; secondary changed " + differs);
    // Every day the audit rejects is a day on which secondary suppression changed page_countries; it changes
    // more days than that, where a country's "(other pages)" row needed one more cell hidden.
    assertTrue(caught <= differs, "caught " + caught + ", changed " + differs);
    assertTrue(caught > 100, "caught " + caught);
  }
}
