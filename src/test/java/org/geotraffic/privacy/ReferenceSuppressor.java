package org.geotraffic.privacy;

// A frozen copy of Suppressor as of commit f76ad15, before it was optimised: the test oracle the
// optimised class must match row for row and finding for finding (OptimisedMatchesReferenceTest). Do not
// edit it to follow later changes of behaviour; replace it.

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Threshold suppression of one (date, site) with secondary suppression against differencing.
 *
 * <p>Invariants of the result, for every table:
 * <ul>
 *   <li>every published row, "(other)" rows included, has at least k(table) distinct visitors and at
 *       least {@code minHits} hits; zero-visitor (bot-only) cells are below k;
 *   <li>in every group the published children, "(other)" included, add up exactly to the published
 *       parent for hits, page views and bytes (and visitors where visitor sets are disjoint);
 *   <li>a group is published only under a parent published as its own row; a page_countries cell
 *       only when both its page and its country are published as their own rows;
 *   <li>cells move into "(other)" in the group's stable order (visitors ascending, then key); in
 *       groups with overlapping visitors the fold set is a prefix of that order;
 *   <li>page_countries is protected in both directions: no sum of hidden cells an attacker can derive
 *       from the published rows (see {@link ReferenceAttackGrid}) holds fewer than k visitors by a sound bound.
 *       Where primary suppression leaves such a sum, published cells are hidden as well (secondary
 *       suppression), one at a time, chosen by a fixed rule: in the derived set's columns first,
 *       then its rows; in rows that already have "(other)" first; fewest hits; then page, country.
 * </ul>
 * The same input always publishes the same rows in the same order: every map is walked in key order.
 * Pure Java, no Spark; thread-safe (stateless apart from the immutable policy).
 */
public final class ReferenceSuppressor {
  private final SuppressionPolicy policy;

  public ReferenceSuppressor(SuppressionPolicy policy) {
    this.policy = policy;
  }

  public PublishedDay suppress(UnsuppressedDay day) {
    String date = day.date();
    String site = day.site();
    long minHits = policy.minHits();
    boolean totalsPublished = publishable(day.totals(), Table.TOTALS);

    GroupFold countries = totalsPublished
        ? GroupFold.decide(day.countries(), null, policy.minVisitors(Table.COUNTRIES), minHits)
        : GroupFold.all(day.countries());
    Set<String> publishedCountries = keys(countries.publishedChildren());

    TreeMap<String, GroupFold> regions = new TreeMap<>();
    for (String country : new TreeSet<>(day.regionsByCountry().keySet())) {
      ChildGroup g = day.regionsByCountry().get(country);
      regions.put(country, publishedCountries.contains(country)
          ? GroupFold.decide(g, null, policy.minVisitors(Table.REGIONS), minHits)
          : GroupFold.all(g));
    }

    GroupFold pages = totalsPublished
        ? GroupFold.decide(day.pages(), null, policy.minVisitors(Table.PAGES), minHits)
        : GroupFold.all(day.pages());
    Set<String> publishedPages = keys(pages.publishedChildren());

    // page_countries: primary suppression, with cells of unpublished countries forced into "(other)".
    TreeMap<String, boolean[]> forced = new TreeMap<>();
    TreeMap<String, GroupFold> pageCountries = new TreeMap<>();
    for (String page : new TreeSet<>(day.countriesByPage().keySet())) {
      ChildGroup g = day.countriesByPage().get(page);
      boolean[] f = new boolean[g.children().size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = !publishedCountries.contains(g.children().get(i).key());
      }
      forced.put(page, f);
      pageCountries.put(page, foldPageCountries(g, f, publishedPages.contains(page)));
    }

    // Secondary suppression: attack the candidate, hide one more cell for each leak found, repeat
    // until nothing leaks. One cell per leak and round (not one per round) keeps the number of rounds
    // small on days with thousands of pages; the choice stays deterministic (leaks come in a stable
    // order, ties are broken by key).
    while (true) {
      PublishedDay candidate = assemble(date, site, day, totalsPublished, countries, regions, pages, pageCountries);
      List<ReferenceAttackGrid.Disclosure> leaks = ReferenceAttackGrid.attack(day, candidate, policy);
      if (leaks.isEmpty()) {
        return candidate;
      }
      Set<String> hiddenThisRound = new HashSet<>();
      Set<String> touchedPages = new TreeSet<>();
      for (ReferenceAttackGrid.Disclosure leak : leaks) {
        String[] cell = chooseSecondary(leak, candidate, hiddenThisRound);
        if (cell == null) {
          if (hiddenThisRound.isEmpty()) {
            throw new IllegalStateException("Cannot suppress " + date + " " + site
                + ": a derived sum stays below k with every page_countries cell hidden (" + leak.kind() + ")");
          }
          continue;
        }
        hiddenThisRound.add(cell[0] + "\u0000" + cell[1]);
        touchedPages.add(cell[0]);
        ChildGroup g = day.countriesByPage().get(cell[0]);
        boolean[] f = forced.get(cell[0]);
        for (int i = 0; i < f.length; i++) {
          if (g.children().get(i).key().equals(cell[1])) {
            f[i] = true;
          }
        }
      }
      for (String page : touchedPages) {
        pageCountries.put(page, foldPageCountries(day.countriesByPage().get(page), forced.get(page), true));
      }
    }
  }

  private GroupFold foldPageCountries(ChildGroup g, boolean[] forced, boolean pagePublished) {
    return pagePublished
        ? GroupFold.decide(g, forced, policy.minVisitors(Table.PAGE_COUNTRIES), policy.minHits())
        : GroupFold.all(g);
  }

  /**
   * The published page_countries cell to hide next for a leak, or null when none is left. Cells in
   * the leak's columns come first (they put a cell of at least k visitors into the column's hidden
   * sum), then cells in its rows; rows that already have "(other)" before rows that would open.
   */
  private static String[] chooseSecondary(ReferenceAttackGrid.Disclosure leak, PublishedDay candidate, Set<String> alreadyHidden) {
    Set<String> leakPages = new HashSet<>();
    Set<String> leakCountries = new HashSet<>();
    for (ReferenceAttackGrid.Position p : leak.positions()) {
      if (p.page() != null) {
        leakPages.add(p.page());
      }
      if (p.country() != null) {
        leakCountries.add(p.country());
      }
    }
    Set<String> openPages = new HashSet<>();
    for (PublishedRow r : candidate.rows(Table.PAGE_COUNTRIES)) {
      if (PublishedRow.OTHER.equals(r.country())) {
        openPages.add(r.page());
      }
    }
    Comparator<PublishedRow> order = Comparator
        .comparingInt((PublishedRow r) -> leakCountries.contains(r.country()) ? 0 : leakPages.contains(r.page()) ? 1 : 2)
        .thenComparingInt(r -> openPages.contains(r.page()) ? 0 : 1)
        .thenComparingLong(r -> r.measures().hits())
        .thenComparing(PublishedRow::page)
        .thenComparing(PublishedRow::country);
    PublishedRow best = null;
    for (PublishedRow r : candidate.rows(Table.PAGE_COUNTRIES)) {
      if (PublishedRow.OTHER.equals(r.country()) || alreadyHidden.contains(r.page() + "\u0000" + r.country())) {
        continue;
      }
      if (best == null || order.compare(r, best) < 0) {
        best = r;
      }
    }
    return best == null ? null : new String[] {best.page(), best.country()};
  }

  private PublishedDay assemble(
      String date, String site, UnsuppressedDay day, boolean totalsPublished, GroupFold countries,
      Map<String, GroupFold> regions, GroupFold pages, Map<String, GroupFold> pageCountries) {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    Map<Table, TableStats> stats = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      rows.put(t, new ArrayList<>());
      stats.put(t, TableStats.EMPTY);
    }
    if (totalsPublished) {
      rows.get(Table.TOTALS).add(new PublishedRow(date, site, null, null, null, day.totals()));
      stats.put(Table.TOTALS, new TableStats(1, 1, 0, Measures.ZERO));
    } else {
      stats.put(Table.TOTALS, new TableStats(1, 0, 1, day.totals()));
    }
    emit(countries, Table.COUNTRIES, rows, stats, key -> new PublishedRow(date, site, key, null, null, null));
    regions.forEach((country, fold) ->
        emit(fold, Table.REGIONS, rows, stats, key -> new PublishedRow(date, site, country, key, null, null)));
    emit(pages, Table.PAGES, rows, stats, key -> new PublishedRow(date, site, null, null, key, null));
    pageCountries.forEach((page, fold) ->
        emit(fold, Table.PAGE_COUNTRIES, rows, stats, key -> new PublishedRow(date, site, key, null, page, null)));
    return new PublishedDay(rows, stats);
  }

  /** A template row whose key column is set; measures are filled in by {@link #withMeasures}. */
  private interface RowTemplate {
    PublishedRow forKey(String key);
  }

  private static void emit(
      GroupFold fold, Table table, Map<Table, List<PublishedRow>> rows, Map<Table, TableStats> stats,
      RowTemplate template) {
    List<Cell> published = fold.publishedChildren();
    for (Cell c : published) {
      rows.get(table).add(withMeasures(template.forKey(c.key()), c.measures()));
    }
    long publishedRows = published.size();
    if (fold.hasOtherRow()) {
      rows.get(table).add(withMeasures(template.forKey(PublishedRow.OTHER), fold.otherMeasures()));
      publishedRows++;
    }
    int n = fold.group().children().size();
    stats.merge(table, new TableStats(n, publishedRows, n - published.size(), fold.lost()), TableStats::plus);
  }

  private static Set<String> keys(List<Cell> cells) {
    Set<String> out = new LinkedHashSet<>();
    for (Cell c : cells) {
      out.add(c.key());
    }
    return out;
  }

  private boolean publishable(Measures m, Table table) {
    return m.visitors() >= policy.minVisitors(table) && m.hits() >= policy.minHits();
  }

  private static PublishedRow withMeasures(PublishedRow r, Measures m) {
    return new PublishedRow(r.date(), r.site(), r.country(), r.region(), r.page(), m);
  }

}
