package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Threshold suppression of one (date, site), first version.
 *
 * <p>Invariants of the result, for every table:
 * <ul>
 *   <li>every published row, "(other)" rows included, has at least k distinct visitors (and at least
 *       {@code minHits} hits);
 *   <li>in every group the published children, "(other)" included, add up exactly to the published
 *       parent for hits, page views and bytes; a group is published only under a published parent;
 *   <li>cells move into "(other)" in the group's stable order (visitors ascending, then key), so the
 *       same input always publishes the same rows.
 * </ul>
 * Pure Java, no Spark; thread-safe (stateless apart from the immutable policy).
 */
public final class Suppressor {
  private final SuppressionPolicy policy;

  public Suppressor(SuppressionPolicy policy) {
    this.policy = policy;
  }

  public PublishedDay suppress(UnsuppressedDay day) {
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    Map<Table, TableStats> stats = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      rows.put(t, new ArrayList<>());
      stats.put(t, TableStats.EMPTY);
    }
    String date = day.date();
    String site = day.site();

    boolean totalsPublished = publishable(day.totals(), Table.TOTALS);
    if (totalsPublished) {
      rows.get(Table.TOTALS).add(new PublishedRow(date, site, null, null, null, day.totals()));
      stats.put(Table.TOTALS, new TableStats(1, 1, 0, Measures.ZERO));
    } else {
      stats.put(Table.TOTALS, new TableStats(1, 0, 1, day.totals()));
    }

    List<String> publishedCountries =
        suppressGroup(day.countries(), Table.COUNTRIES, totalsPublished, rows, stats,
            key -> new PublishedRow(date, site, key, null, null, null));
    day.regionsByCountry().forEach((country, group) ->
        suppressGroup(group, Table.REGIONS, publishedCountries.contains(country), rows, stats,
            key -> new PublishedRow(date, site, country, key, null, null)));

    List<String> publishedPages =
        suppressGroup(day.pages(), Table.PAGES, totalsPublished, rows, stats,
            key -> new PublishedRow(date, site, null, null, key, null));
    day.countriesByPage().forEach((page, group) ->
        suppressGroup(group, Table.PAGE_COUNTRIES, publishedPages.contains(page), rows, stats,
            key -> new PublishedRow(date, site, key, null, page, null)));
    return new PublishedDay(rows, stats);
  }

  /** A template row whose key column is set; measures are filled in by {@link #withMeasures}. */
  private interface RowTemplate {
    PublishedRow forKey(String key);
  }

  /**
   * Decides one group and appends its rows. Returns the keys published as their own rows (not
   * "(other)"), which are the parents of the next level.
   */
  private List<String> suppressGroup(
      ChildGroup group, Table table, boolean parentPublished,
      Map<Table, List<PublishedRow>> rows, Map<Table, TableStats> stats, RowTemplate template) {
    List<Cell> children = group.children();
    int n = children.size();
    int folded = parentPublished ? foldedPrefix(group, table) : n;
    List<String> published = new ArrayList<>();
    Measures hidden = Measures.ZERO;
    long hiddenVisitors = 0;
    for (int i = 0; i < folded; i++) {
      Measures m = children.get(i).measures();
      hiddenVisitors += m.visitors();
      hidden = hidden.plusAdditive(m, hiddenVisitors);
    }
    long publishedRows = 0;
    if (folded < n) {
      for (int i = folded; i < n; i++) {
        Cell c = children.get(i);
        rows.get(table).add(withMeasures(template.forKey(c.key()), c.measures()));
        published.add(c.key());
        publishedRows++;
      }
      if (folded > 0) {
        Measures other = new Measures(group.prefixUnionVisitors()[folded], hidden.hits(), hidden.pageviews(), hidden.bytes());
        rows.get(table).add(withMeasures(template.forKey(PublishedRow.OTHER), other));
        publishedRows++;
      }
    }
    stats.merge(table, new TableStats(n, publishedRows, folded, hidden), TableStats::plus);
    return published;
  }

  /**
   * How many children, from the start of the stable order, fold into "(other)": at least every cell
   * below the thresholds, then more until "(other)" itself reaches them. Returns n when the whole
   * group must fold (the parent then stands alone).
   */
  private int foldedPrefix(ChildGroup group, Table table) {
    List<Cell> children = group.children();
    int n = children.size();
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (!publishable(children.get(i).measures(), table)) {
        j = i + 1;
      }
    }
    if (j == 0) {
      return 0;
    }
    long[] union = group.prefixUnionVisitors();
    long otherHits = 0;
    for (int i = 0; i < j; i++) {
      otherHits += children.get(i).measures().hits();
    }
    while (j < n && (union[j] < policy.minVisitors(table) || otherHits < policy.minHits())) {
      otherHits += children.get(j).measures().hits();
      j++;
    }
    // A single published child next to "(other)" is fine: "(other)" has reached the thresholds.
    return j;
  }

  private boolean publishable(Measures m, Table table) {
    return m.visitors() >= policy.minVisitors(table) && m.hits() >= policy.minHits();
  }

  private static PublishedRow withMeasures(PublishedRow r, Measures m) {
    return new PublishedRow(r.date(), r.site(), r.country(), r.region(), r.page(), m);
  }
}
