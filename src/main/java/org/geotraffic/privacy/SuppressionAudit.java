package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attacks one published day the way an outsider can, and judges the result against the
 * unsuppressed day. The job runs it on its own result before committing; a failed audit means the
 * day must not be written.
 *
 * <p>What the attacker uses: only the published rows (values and keys). What the audit adds from the
 * truth: which real cells each unknown holds and how many visitors they have, to judge whether a
 * recovered quantity describes fewer than k visitors (by a sound lower bound; when the bound cannot
 * prove k, that is a finding). Findings:
 * <ul>
 *   <li>a published row, "(other)" included, with fewer than k(table) visitors (zero included) or
 *       fewer than min-hits hits; an "(other)" row whose true distinct visitors are below k;
 *   <li>a published own row whose measures differ from the data;
 *   <li>a group that does not add up: published children plus "(other)" differ from the published
 *       parent (hits, page views, bytes; visitors too where visitor sets are disjoint), or a residual
 *       without an "(other)" row; a group published under a parent not published as its own row;
 *   <li>anything recovered from the two-way table pages x countries and its margins (totals,
 *       countries, pages, page_countries rows and columns): see {@link AttackGrid} for the model, the
 *       bridge search for determined cells and the cut search.
 * </ul>
 * Regions only ever leak through their own group (the attacker does not learn hidden region keys),
 * where the residual is the "(other)" row; the row checks cover it. Pure Java; stateless.
 */
public final class SuppressionAudit {
  private SuppressionAudit() {}

  public static AuditReport audit(UnsuppressedDay truth, PublishedDay published, SuppressionPolicy policy) {
    List<String> findings = new ArrayList<>();
    String where = truth.date() + " site=" + truth.site();

    // Rows against thresholds and against the data.
    checkRows(truth, published, policy, where, findings);

    // Structure and additivity.
    List<PublishedRow> totalsRows = published.rows(Table.TOTALS);
    Measures total = totalsRows.isEmpty() ? null : totalsRows.get(0).measures();
    if (totalsRows.size() > 1) {
      findings.add("totals " + where + ": more than one totals row");
    }
    Map<String, Measures> countries = checkGroup(Table.COUNTRIES, "totals", total,
        published.rows(Table.COUNTRIES), PublishedRow::country, truth.countries(), policy, where, findings);
    Map<String, Measures> pages = checkGroup(Table.PAGES, "totals", total,
        published.rows(Table.PAGES), PublishedRow::page, truth.pages(), policy, where, findings);
    for (Map.Entry<String, List<PublishedRow>> e : byKey(published.rows(Table.REGIONS), PublishedRow::country).entrySet()) {
      checkGroup(Table.REGIONS, "country=" + e.getKey(), countries.get(e.getKey()), e.getValue(),
          PublishedRow::region, truth.regionsByCountry().get(e.getKey()), policy, where, findings);
    }
    List<PublishedRow> pageCells = new ArrayList<>();
    List<PublishedRow> otherPages = new ArrayList<>();
    for (PublishedRow r : published.rows(Table.PAGE_COUNTRIES)) {
      (r.isOtherPages() ? otherPages : pageCells).add(r);
    }
    checkOtherPages(truth, published, otherPages, countries, policy, where, findings);
    checkRestOfPages(truth, published, total, policy, where, findings);
    for (Map.Entry<String, List<PublishedRow>> e : byKey(pageCells, PublishedRow::page).entrySet()) {
      checkGroup(Table.PAGE_COUNTRIES, "page=" + e.getKey(), pages.get(e.getKey()), e.getValue(),
          PublishedRow::country, truth.countriesByPage().get(e.getKey()), policy, where, findings);
      for (PublishedRow r : e.getValue()) {
        if (!PublishedRow.OTHER.equals(r.country()) && !countries.containsKey(r.country())) {
          findings.add("page_countries " + where + " page=" + r.page() + " country=" + r.country()
              + ": published under a country that is not published as its own row");
        }
      }
    }

    // Differencing and elimination on the two-way table.
    for (AttackGrid.Disclosure d : AttackGrid.attack(truth, published, policy)) {
      StringBuilder keys = new StringBuilder();
      for (AttackGrid.Position p : d.positions()) {
        keys.append(keys.length() == 0 ? "" : "; ").append(p.describe());
      }
      findings.add("page_countries " + where + ": " + d.kind() + " over [" + keys
          + "] is recoverable from the published rows and describes fewer than k=" + d.k()
          + " visitors (lower bound " + d.visitorLowerBound() + ")");
    }
    return new AuditReport(findings);
  }

  private interface KeyOf {
    String key(PublishedRow r);
  }

  /**
   * Each country's "(other pages)" row: under a country published as its own row, equal to the country's
   * cells not published on their own (visitors an exact distinct count), and leaving 0 or at least k of
   * the country's visitors outside it (country minus the row is a group count anyone can work out).
   */
  private static void checkOtherPages(UnsuppressedDay truth, PublishedDay published, List<PublishedRow> rows,
      Map<String, Measures> countries, SuppressionPolicy policy, String where, List<String> findings) {
    Map<String, OtherPages.Rest> rests = OtherPages.rests(truth, published);
    long k = policy.minVisitors(Table.PAGE_COUNTRIES);
    Set<String> seen = new HashSet<>();
    for (PublishedRow r : rows) {
      String prefix = "page_countries " + where + " page=" + PublishedRow.OTHER_PAGES + " country=" + r.country();
      if (!seen.add(r.country())) {
        findings.add(prefix + ": more than one row");
      }
      Measures country = countries.get(r.country());
      OtherPages.Rest rest = rests.get(r.country());
      if (country == null) {
        findings.add(prefix + ": published under a country that is not published as its own row");
        continue;
      }
      if (rest == null || !rest.measures().equals(r.measures())) {
        findings.add(prefix + ": differs from the country's cells not published on their own");
      }
      long outside = country.visitors() - r.measures().visitors();
      if (outside > 0 && outside < k) {
        findings.add(prefix + ": leaves fewer than k=" + k + " of the country's visitors outside it");
      }
    }
  }

  /** Where visitors overlap (pages), totals minus the pages' "(other)" — visitors who viewed no folded page — is 0 or at least k. */
  private static void checkRestOfPages(UnsuppressedDay truth, PublishedDay published, Measures total, SuppressionPolicy policy,
      String where, List<String> findings) {
    long k = policy.minVisitors(Table.PAGES);
    for (PublishedRow r : published.rows(Table.PAGES)) {
      if (total != null && PublishedRow.OTHER.equals(r.page()) && r.measures() != null) {
        long outside = total.visitors() - r.measures().visitors();
        if (outside > 0 && outside < k) {
          findings.add("pages " + where + ": totals minus (other) leaves fewer than k=" + k + " visitors who viewed no folded page");
        }
      }
    }
  }

  private static TreeMap<String, List<PublishedRow>> byKey(List<PublishedRow> rows, KeyOf key) {
    TreeMap<String, List<PublishedRow>> out = new TreeMap<>();
    for (PublishedRow r : rows) {
      out.computeIfAbsent(String.valueOf(key.key(r)), x -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static void checkRows(
      UnsuppressedDay truth, PublishedDay published, SuppressionPolicy policy, String where, List<String> findings) {
    for (Table t : Table.values()) {
      long k = policy.minVisitors(t);
      for (PublishedRow r : published.rows(t)) {
        Measures m = r.measures();
        if (m == null) {
          findings.add(t.tableName() + " " + where + " " + keysOf(r) + ": published row without measures");
          continue;
        }
        if (m.visitors() < k) {
          findings.add(t.tableName() + " " + where + " " + keysOf(r) + ": published row has fewer than k=" + k + " visitors");
        }
        if (m.hits() < policy.minHits()) {
          findings.add(t.tableName() + " " + where + " " + keysOf(r) + ": published row has fewer than min-hits=" + policy.minHits() + " hits");
        }
      }
    }
    for (PublishedRow r : published.rows(Table.TOTALS)) {
      if (r.measures() != null && !r.measures().equals(truth.totals())) {
        findings.add("totals " + where + ": published row differs from the data");
      }
    }
  }

  /**
   * Checks one group: own rows equal the data, "(other)" has k true visitors, children plus "(other)"
   * add up to the parent, and the parent is published. Returns the own rows by key.
   */
  private static Map<String, Measures> checkGroup(
      Table table, String parentName, Measures parent, List<PublishedRow> rows, KeyOf key,
      ChildGroup truth, SuppressionPolicy policy, String where, List<String> findings) {
    Map<String, Measures> own = new LinkedHashMap<>();
    Measures other = null;
    String prefix = table.tableName() + " " + where + " " + parentName;
    for (PublishedRow r : rows) {
      if (r.measures() == null) {
        continue;
      }
      if (PublishedRow.OTHER.equals(key.key(r))) {
        if (other != null) {
          findings.add(prefix + ": more than one (other) row");
        }
        other = r.measures();
      } else {
        own.put(key.key(r), r.measures());
      }
    }
    if (rows.isEmpty()) {
      return own;
    }
    if (parent == null) {
      findings.add(prefix + ": group published under a parent that is not published as its own row");
    }
    Map<String, Integer> index = new HashMap<>();
    if (truth != null) {
      for (int i = 0; i < truth.children().size(); i++) {
        index.put(truth.children().get(i).key(), i);
      }
    }
    Set<Integer> publishedIdx = new HashSet<>();
    for (Map.Entry<String, Measures> e : own.entrySet()) {
      Integer i = index.get(e.getKey());
      if (i == null) {
        findings.add(prefix + " key=" + e.getKey() + ": published row has no counterpart in the data");
      } else {
        publishedIdx.add(i);
        if (!truth.children().get(i).measures().equals(e.getValue())) {
          findings.add(prefix + " key=" + e.getKey() + ": published row differs from the data");
        }
      }
    }
    if (truth != null) {
      // The true distinct visitors behind "(other)" (or behind the residual when it is missing).
      long trueOther = hiddenUnionLowerBound(truth, publishedIdx);
      boolean anyHidden = publishedIdx.size() < truth.children().size();
      if (other != null && trueOther < policy.minVisitors(table)) {
        findings.add(prefix + ": (other) describes fewer than k=" + policy.minVisitors(table) + " visitors");
      }
      if (other != null && truth.disjointVisitors() && other.visitors() != trueOther) {
        findings.add(prefix + ": (other) visitors differ from the distinct visitors it holds");
      }
      if (other != null && !anyHidden) {
        findings.add(prefix + ": (other) row with nothing folded into it");
      }
    }
    if (parent != null) {
      Measures sum = Measures.ZERO;
      for (Measures m : own.values()) {
        sum = sum.plus(m);
      }
      if (other != null) {
        sum = sum.plus(other);
      }
      boolean visitorsAdd = truth == null || !truth.disjointVisitors() || sum.visitors() == parent.visitors();
      if (!sum.additiveEquals(parent) || !visitorsAdd) {
        findings.add(prefix + ": published children" + (other == null ? " (no (other) row)" : " and (other)")
            + " do not add up to the parent");
      }
    }
    return own;
  }

  /** Exact distinct visitors of the children not published (disjoint groups, prefixes), else the largest. */
  private static long hiddenUnionLowerBound(ChildGroup g, Set<Integer> publishedIdx) {
    int n = g.children().size();
    long sum = 0;
    long max = 0;
    int last = -1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!publishedIdx.contains(i)) {
        long v = g.children().get(i).measures().visitors();
        sum += v;
        max = Math.max(max, v);
        last = i;
        count++;
      }
    }
    if (g.disjointVisitors()) {
      return sum;
    }
    return count == last + 1 ? g.prefixUnion(last + 1) : max;
  }

  private static String keysOf(PublishedRow r) {
    StringBuilder b = new StringBuilder();
    if (r.country() != null) {
      b.append("country=").append(r.country()).append(' ');
    }
    if (r.region() != null) {
      b.append("region=").append(r.region()).append(' ');
    }
    if (r.page() != null) {
      b.append("page=").append(r.page()).append(' ');
    }
    return b.toString().trim();
  }
}
