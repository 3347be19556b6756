package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
 *       from the published rows (see {@link AttackGrid}) holds fewer than k visitors by a sound bound.
 *       Where primary suppression leaves such a sum, published cells are hidden as well (secondary
 *       suppression), one at a time, chosen by a fixed rule: in the derived set's columns first,
 *       then its rows; in rows that already have "(other)" first; fewest hits; then page, country.
 *   <li>each country's page_countries cells add up to the country: a row ("(other pages)", country) holds
 *       what its own cells do not (its visitors an exact distinct count), published only with k visitors and
 *       with 0 or at least k of the country's visitors outside it; otherwise the country's next-smallest
 *       cell is hidden too;
 *   <li>where visitors overlap (pages), the parent minus "(other)" — the visitors who viewed no folded
 *       child — is 0 or at least k;
 *   <li>keys the caller asks to hide ({@link Hidden}: the linked suppression's choices across releases)
 *       are never published as their own rows.
 * </ul>
 * The same input always publishes the same rows in the same order: every map is walked in key order.
 * Pure Java, no Spark; thread-safe (stateless apart from the immutable policy).
 */
public final class Suppressor {
  private final SuppressionPolicy policy;

  public Suppressor(SuppressionPolicy policy) {
    this.policy = policy;
  }

  /**
   * Keys never to publish as their own rows, on top of what the thresholds hide: what the linked
   * suppression across releases chose. Regions and page_countries cells are keyed "a NUL b" (country NUL
   * region, page NUL country).
   */
  public record Hidden(boolean totals, Set<String> countries, Set<String> regions, Set<String> pages, Set<String> pageCountries)
      implements java.io.Serializable {
    public static final Hidden NONE = new Hidden(false, Set.of(), Set.of(), Set.of(), Set.of());

    public Hidden {
      countries = Set.copyOf(countries);
      regions = Set.copyOf(regions);
      pages = Set.copyOf(pages);
      pageCountries = Set.copyOf(pageCountries);
    }

    public static String pair(String a, String b) {
      return a + "\u0000" + b;
    }

    public boolean isEmpty() {
      return !totals && countries.isEmpty() && regions.isEmpty() && pages.isEmpty() && pageCountries.isEmpty();
    }
  }

  public PublishedDay suppress(UnsuppressedDay day) {
    return suppress(day, Hidden.NONE);
  }

  public PublishedDay suppress(UnsuppressedDay day, Hidden hidden) {
    return suppress(new Prepared(day), hidden);
  }

  /**
   * What the suppressor works out from a day alone, whatever it hides: for a caller that suppresses the same day
   * several times ({@link LinkedSuppressor}, once per round). Immutable; safe to share between threads.
   */
  public static final class Prepared {
    private final UnsuppressedDay day;
    private final OtherPages.Cells otherPages;
    private final AttackGrid.Truth grid;

    public Prepared(UnsuppressedDay day) {
      this.day = day;
      this.otherPages = new OtherPages.Cells(day);
      this.grid = new AttackGrid.Truth(day);
    }

    public UnsuppressedDay day() {
      return day;
    }
  }

  /** {@link #suppress(UnsuppressedDay, Hidden)} of a prepared day. */
  public PublishedDay suppress(Prepared prepared, Hidden hidden) {
    UnsuppressedDay day = prepared.day;
    String date = day.date();
    String site = day.site();
    long minHits = policy.minHits();
    boolean totalsPublished = publishable(day.totals(), Table.TOTALS) && !hidden.totals();

    GroupFold countries = totalsPublished
        ? GroupFold.decide(day.countries(), forcedOf(day.countries(), hidden.countries()), policy.minVisitors(Table.COUNTRIES), minHits)
        : GroupFold.all(day.countries());
    Set<String> publishedCountries = keys(countries.publishedChildren());

    TreeMap<String, GroupFold> regions = new TreeMap<>();
    for (String country : new TreeSet<>(day.regionsByCountry().keySet())) {
      ChildGroup g = day.regionsByCountry().get(country);
      regions.put(country, publishedCountries.contains(country)
          ? GroupFold.decide(g, forcedOf(g, country, hidden.regions()), policy.minVisitors(Table.REGIONS), minHits)
          : GroupFold.all(g));
    }

    GroupFold pages = totalsPublished
        ? GroupFold.decide(day.pages(), forcedOf(day.pages(), hidden.pages()), policy.minVisitors(Table.PAGES), minHits,
            day.totals().visitors())
        : GroupFold.all(day.pages());
    Set<String> publishedPages = keys(pages.publishedChildren());

    // page_countries: primary suppression, with cells of unpublished countries (and cells the caller
    // hides) forced into "(other)".
    TreeMap<String, boolean[]> forced = new TreeMap<>();
    TreeMap<String, GroupFold> pageCountries = new TreeMap<>();
    for (String page : new TreeSet<>(day.countriesByPage().keySet())) {
      ChildGroup g = day.countriesByPage().get(page);
      boolean[] f = new boolean[g.children().size()];
      for (int i = 0; i < f.length; i++) {
        String country = g.children().get(i).key();
        f[i] = !publishedCountries.contains(country) || hidden.pageCountries().contains(Hidden.pair(page, country));
      }
      forced.put(page, f);
      pageCountries.put(page, foldPageCountries(g, f, publishedPages.contains(page)));
    }

    // Secondary suppression: attack the candidate, hide one more cell for each leak found, repeat
    // until nothing leaks. One cell per leak and round (not one per round) keeps the number of rounds
    // small on days with thousands of pages; the choice stays deterministic (leaks come in a stable
    // order, ties are broken by key). A country whose "(other pages)" row cannot be published hides its
    // next-smallest cell, in the same rounds.
    while (true) {
      PublishedDay candidate = assemble(date, site, day, totalsPublished, countries, regions, pages, pageCountries);
      List<AttackGrid.Disclosure> leaks = AttackGrid.attack(prepared.grid, candidate, policy);
      List<String> unevenCountries = OtherPages.unpublishable(prepared.otherPages, candidate, policy);
      if (leaks.isEmpty() && unevenCountries.isEmpty()) {
        return withOtherPages(prepared, candidate);
      }
      if (leaks.isEmpty()) {
        Set<String> touched = new TreeSet<>();
        for (String country : unevenCountries) {
          PublishedRow next = OtherPages.nextCellToHide(candidate, country);
          touched.add(next.page());
          forceHidden(day, forced, next.page(), country);
        }
        for (String page : touched) {
          pageCountries.put(page, foldPageCountries(day.countriesByPage().get(page), forced.get(page), true));
        }
        continue;
      }
      SecondaryChoice choice = new SecondaryChoice(candidate.rows(Table.PAGE_COUNTRIES));
      Set<String> touchedPages = new TreeSet<>();
      for (AttackGrid.Disclosure leak : leaks) {
        String[] cell = choice.next(leak);
        if (cell == null) {
          if (!choice.anyHidden()) {
            throw new IllegalStateException("Cannot suppress " + date + " " + site
                + ": a derived sum stays below k with every page_countries cell hidden (" + leak.kind() + ")");
          }
          continue;
        }
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

  private static void forceHidden(UnsuppressedDay day, Map<String, boolean[]> forced, String page, String country) {
    ChildGroup g = day.countriesByPage().get(page);
    boolean[] f = forced.get(page);
    for (int i = 0; i < f.length; i++) {
      if (g.children().get(i).key().equals(country)) {
        f[i] = true;
      }
    }
  }

  /** The candidate plus each country's "(other pages)" row ({@link OtherPages}). */
  private PublishedDay withOtherPages(Prepared prepared, PublishedDay candidate) {
    List<PublishedRow> extra = OtherPages.rows(prepared.otherPages, candidate);
    if (extra.isEmpty()) {
      return candidate;
    }
    Map<Table, List<PublishedRow>> rows = new EnumMap<>(Table.class);
    candidate.rows().forEach((t, l) -> rows.put(t, new ArrayList<>(l)));
    rows.get(Table.PAGE_COUNTRIES).addAll(extra);
    Map<Table, TableStats> stats = new EnumMap<>(Table.class);
    stats.putAll(candidate.stats());
    TableStats pc = stats.get(Table.PAGE_COUNTRIES);
    stats.put(Table.PAGE_COUNTRIES, new TableStats(pc.candidateCells(), pc.publishedCells() + extra.size(), pc.hiddenCells(), pc.lost()));
    return new PublishedDay(rows, stats);
  }

  private static boolean[] forcedOf(ChildGroup g, Set<String> hiddenKeys) {
    if (hiddenKeys.isEmpty()) {
      return null;
    }
    boolean[] f = new boolean[g.children().size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = hiddenKeys.contains(g.children().get(i).key());
    }
    return f;
  }

  private static boolean[] forcedOf(ChildGroup g, String country, Set<String> hiddenRegions) {
    if (hiddenRegions.isEmpty()) {
      return null;
    }
    boolean[] f = new boolean[g.children().size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = hiddenRegions.contains(Hidden.pair(country, g.children().get(i).key()));
    }
    return f;
  }

  private GroupFold foldPageCountries(ChildGroup g, boolean[] forced, boolean pagePublished) {
    return pagePublished
        ? GroupFold.decide(g, forced, policy.minVisitors(Table.PAGE_COUNTRIES), policy.minHits())
        : GroupFold.all(g);
  }

  /**
   * Chooses the published page_countries cells to hide in one round, one per leak. For a leak, cells
   * in the leak's columns come first (they put a cell of at least k visitors into the column's hidden
   * sum), then cells in its rows; within each, rows that already have "(other)" before rows that would
   * open, then fewest hits, then page, then country. A cell chosen is hidden for the rest of the round.
   *
   * <p>The candidate's cells are ranked once by the part of that order that does not depend on the
   * leak; a leak then only looks at the first cell still shown in each of its columns and rows, so a
   * round costs the size of the leaks rather than leaks times cells.
   */
  private static final class SecondaryChoice {
    private final List<PublishedRow> ranked = new ArrayList<>(); // own cells, best first
    private final boolean[] hidden;
    private boolean anyHidden;
    private int firstShown; // every ranked cell before it is hidden
    private final Map<String, Line> byCountry = new HashMap<>();
    private final Map<String, Line> byPage = new HashMap<>();
    // Cells hidden are remembered by page NUL country, and every cell of that key is hidden.
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    /** The ranks of one country's or one page's cells, ascending, and the first one maybe shown. */
    private static final class Line {
      int[] ranks = new int[4];
      int size;
      int next;

      void add(int rank) {
        if (size == ranks.length) {
          ranks = Arrays.copyOf(ranks, 2 * size);
        }
        ranks[size++] = rank;
      }
    }

    SecondaryChoice(List<PublishedRow> pageCountries) {
      Set<String> openPages = new HashSet<>();
      for (PublishedRow r : pageCountries) {
        if (PublishedRow.OTHER.equals(r.country())) {
          openPages.add(r.page());
        } else {
          ranked.add(r);
        }
      }
      ranked.sort(Comparator
          .comparingInt((PublishedRow r) -> openPages.contains(r.page()) ? 0 : 1)
          .thenComparingLong(r -> r.measures().hits())
          .thenComparing(PublishedRow::page)
          .thenComparing(PublishedRow::country));
      hidden = new boolean[ranked.size()];
      for (int i = 0; i < ranked.size(); i++) {
        PublishedRow r = ranked.get(i);
        byCountry.computeIfAbsent(r.country(), x -> new Line()).add(i);
        byPage.computeIfAbsent(r.page(), x -> new Line()).add(i);
        byKey.computeIfAbsent(r.page() + "\u0000" + r.country(), x -> new ArrayList<>(1)).add(i);
      }
    }

    boolean anyHidden() {
      return anyHidden;
    }

    /** Hides and returns {page, country} of the cell to hide for the leak, or null when none is left. */
    String[] next(AttackGrid.Disclosure leak) {
      Set<String> leakPages = new HashSet<>();
      Set<String> leakCountries = new HashSet<>();
      for (AttackGrid.Position p : leak.positions()) {
        if (p.page() != null) {
          leakPages.add(p.page());
        }
        if (p.country() != null) {
          leakCountries.add(p.country());
        }
      }
      int best = firstShownOf(leakCountries, byCountry);
      if (best < 0) {
        best = firstShownOf(leakPages, byPage);
      }
      if (best < 0) {
        while (firstShown < hidden.length && hidden[firstShown]) {
          firstShown++;
        }
        best = firstShown < hidden.length ? firstShown : -1;
      }
      if (best < 0) {
        return null;
      }
      PublishedRow r = ranked.get(best);
      for (int i : byKey.get(r.page() + "\u0000" + r.country())) {
        hidden[i] = true;
      }
      anyHidden = true;
      return new String[] {r.page(), r.country()};
    }

    /** The best rank still shown among the given lines' cells, or -1. */
    private int firstShownOf(Set<String> keys, Map<String, Line> lines) {
      int best = -1;
      for (String key : keys) {
        Line line = lines.get(key);
        if (line == null) {
          continue;
        }
        while (line.next < line.size && hidden[line.ranks[line.next]]) {
          line.next++;
        }
        if (line.next < line.size && (best < 0 || line.ranks[line.next] < best)) {
          best = line.ranks[line.next];
        }
      }
      return best;
    }
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
