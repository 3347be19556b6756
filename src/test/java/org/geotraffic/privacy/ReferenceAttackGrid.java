package org.geotraffic.privacy;

// A frozen copy of AttackGrid as of commit f76ad15, before it was optimised: the test oracle the
// optimised class must match row for row and finding for finding (OptimisedMatchesReferenceTest). Do not
// edit it to follow later changes of behaviour; replace it.

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two-way table pages x countries as an attacker sees it in one published day, and the attack
 * on it. Package-private; used by {@link ReferenceSuppressionAudit} and by {@link ReferenceSuppressor} (which repeats
 * the attack on its own candidate until nothing is disclosed).
 *
 * <p><b>What the attacker sees.</b> Rows are the pages published as their own rows, plus one row
 * "unpublished pages" (UP) when totals minus the published pages is not zero. Columns are the
 * countries published as their own rows, plus one column "hidden countries" (HC) likewise. All
 * margins are known: a page row's margin is the page's published row, UP's is totals minus the
 * published pages, a column's margin is the country's row, HC's is totals minus the published
 * countries. A cell (p, c) is known when page_countries publishes it. Every other position is an
 * unknown, except in a row or column whose published residual (margin minus known cells) is zero:
 * there every unknown is zero, and the attacker knows it. The attacker is not assumed to know which
 * unpublished positions are empty: nothing published tells them (a zero and a folded cell look the
 * same inside "(other)").
 *
 * <p><b>What can be derived.</b> The system is a 2-D table with all margins known, so (linear
 * inference) the derivable sums of unknowns with one sign are exactly the cuts: for a set A of rows,
 * the unknowns of A outside the columns whose unknowns all lie in A. {@link #attack} checks every
 * single unknown by Gaussian elimination, every row and column residual, and, when one side of the
 * table has at most {@link #EXHAUSTIVE_SIDE} open lines, every cut (exhaustively).
 *
 * <p><b>Judging.</b> Each unknown position maps to the real cells of the unsuppressed day it holds.
 * A derived set is a finding when it holds at least one real cell and a sound lower bound on its
 * distinct visitors is below k(page_countries). The bound uses
 * that each visitor has exactly one country: sum over countries of max(largest covered cell,
 * country visitors minus the visitors of its uncovered cells); and, for whole pages covered, the
 * page's visitors or the exact prefix union of the page order.
 */
public final class ReferenceAttackGrid {
  /** Exhaustive cut search when the smaller side has at most this many open lines. */
  static final int EXHAUSTIVE_SIDE = 12;

  /** A position of the grid; page null means UP, country null means HC. */
  public record Position(String page, String country) {
    String describe() {
      return "page=" + (page == null ? "(unpublished pages)" : page)
          + " country=" + (country == null ? "(hidden countries)" : country);
    }
  }

  /** One disclosure: a derivable sum over the given unknown positions. */
  public record Disclosure(String kind, List<Position> positions, long visitorLowerBound, long k) {}

  private record RealCell(String page, String country, long visitors) {}

  private final int k;
  private final List<String> rowKeys = new ArrayList<>(); // null = UP
  private final List<String> colKeys = new ArrayList<>(); // null = HC
  private boolean[][] unknown;
  private List<List<List<Integer>>> realOf; // [r][c] -> real cell ids (unpublished ones)
  private final List<RealCell> real = new ArrayList<>();
  private final Map<String, Long> countryVisitors = new HashMap<>();
  private final Map<String, List<Integer>> realByCountry = new HashMap<>();
  private final Map<String, List<Integer>> realByPage = new HashMap<>();
  private final List<String> pageOrder = new ArrayList<>();
  private final Set<String> publishedPages = new java.util.HashSet<>();
  private final Set<String> publishedCountries = new java.util.HashSet<>();
  private long[] pagePrefixUnion = {0};
  private final Map<String, Long> pageVisitors = new HashMap<>();

  private ReferenceAttackGrid(int k) {
    this.k = k;
  }

  public static int gridK(SuppressionPolicy policy) {
    // Everything derived here is a page_countries quantity (a page's, or the unpublished pages',
    // visitors from a country or from the hidden countries); whole-margin sums are published rows
    // of their own tables and are held to those tables' k by the row checks.
    return policy.minVisitors(Table.PAGE_COUNTRIES);
  }

  /** Runs the attack; returns every disclosure found, in a stable order. */
  public static List<Disclosure> attack(UnsuppressedDay truth, PublishedDay published, SuppressionPolicy policy) {
    ReferenceAttackGrid g = new ReferenceAttackGrid(gridK(policy));
    if (!g.build(truth, published)) {
      return List.of();
    }
    return g.run();
  }

  // ---------------------------------------------------------------- building

  private boolean build(UnsuppressedDay truth, PublishedDay published) {
    List<PublishedRow> totals = published.rows(Table.TOTALS);
    if (totals.isEmpty()) {
      return false; // nothing of the day is published; nothing to difference
    }
    Measures total = totals.get(0).measures();
    TreeMap<String, Measures> pages = ownRows(published.rows(Table.PAGES), PublishedRow::page);
    TreeMap<String, Measures> countries = ownRows(published.rows(Table.COUNTRIES), PublishedRow::country);
    Map<String, Measures> known = new HashMap<>(); // page|country -> measures, own page_countries rows
    for (PublishedRow r : published.rows(Table.PAGE_COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country()) && r.page() != null && r.country() != null) {
        known.put(r.page() + "\u0000" + r.country(), r.measures());
      }
    }

    rowKeys.addAll(pages.keySet());
    publishedPages.addAll(pages.keySet());
    publishedCountries.addAll(countries.keySet());
    Measures upMargin = total;
    for (Measures m : pages.values()) {
      upMargin = upMargin.minus(m);
    }
    boolean hasUp = !upMargin.additiveZero();
    if (hasUp) {
      rowKeys.add(null);
    }
    colKeys.addAll(countries.keySet());
    Measures hcMargin = total;
    for (Measures m : countries.values()) {
      hcMargin = hcMargin.minus(m);
    }
    if (!hcMargin.additiveZero()) {
      colKeys.add(null);
    }

    // Real cells of the truth, and what of them is published.
    if (truth.countries() != null) {
      for (Cell c : truth.countries().children()) {
        countryVisitors.put(c.key(), c.measures().visitors());
      }
    }
    if (truth.pages() != null) {
      for (Cell c : truth.pages().children()) {
        pageOrder.add(c.key());
        pageVisitors.put(c.key(), c.measures().visitors());
      }
      pagePrefixUnion = truth.pages().prefixUnionVisitors();
    }
    int rows = rowKeys.size();
    int cols = colKeys.size();
    Map<String, Integer> rowIndex = new HashMap<>();
    for (int r = 0; r < rows; r++) {
      if (rowKeys.get(r) != null) {
        rowIndex.put(rowKeys.get(r), r);
      }
    }
    Map<String, Integer> colIndex = new HashMap<>();
    for (int c = 0; c < cols; c++) {
      if (colKeys.get(c) != null) {
        colIndex.put(colKeys.get(c), c);
      }
    }
    realOf = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<List<Integer>> row = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        row.add(new ArrayList<>());
      }
      realOf.add(row);
    }
    for (String page : new TreeSet<>(truth.countriesByPage().keySet())) {
      for (Cell cell : truth.countriesByPage().get(page).children()) {
        int id = real.size();
        real.add(new RealCell(page, cell.key(), cell.measures().visitors()));
        realByCountry.computeIfAbsent(cell.key(), x -> new ArrayList<>()).add(id);
        realByPage.computeIfAbsent(page, x -> new ArrayList<>()).add(id);
        if (known.containsKey(page + "\u0000" + cell.key())) {
          continue; // published: known to the attacker
        }
        Integer r = rowIndex.get(page);
        if (r == null) {
          r = hasUp ? rows - 1 : null;
        }
        Integer c = colIndex.get(cell.key());
        if (c == null) {
          c = colKeys.contains(null) ? cols - 1 : null;
        }
        if (r != null && c != null) {
          realOf.get(r).get(c).add(id);
        }
        // A real cell with no position sits where the attacker sees a zero margin: the published
        // tables then do not add up, which the audit reports on its own.
      }
    }

    // Unknown positions: every unpublished position of a row or column whose residual is not zero.
    Measures[] rowResidual = new Measures[rows];
    Measures[] colResidual = new Measures[cols];
    for (int r = 0; r < rows; r++) {
      rowResidual[r] = rowKeys.get(r) == null ? upMargin : pages.get(rowKeys.get(r));
    }
    for (int c = 0; c < cols; c++) {
      colResidual[c] = colKeys.get(c) == null ? hcMargin : countries.get(colKeys.get(c));
    }
    for (PublishedRow pr : published.rows(Table.PAGE_COUNTRIES)) {
      if (PublishedRow.OTHER.equals(pr.country()) || pr.page() == null || pr.country() == null) {
        continue;
      }
      Integer r = rowIndex.get(pr.page());
      if (r == null && hasUp) {
        r = rows - 1;
      }
      Integer c = colIndex.get(pr.country());
      if (c == null && colKeys.contains(null)) {
        c = cols - 1;
      }
      if (r != null) {
        rowResidual[r] = rowResidual[r].minus(pr.measures());
      }
      if (c != null) {
        colResidual[c] = colResidual[c].minus(pr.measures());
      }
    }
    unknown = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        String page = rowKeys.get(r);
        String country = colKeys.get(c);
        boolean isKnown = page != null && country != null && known.containsKey(page + "\u0000" + country);
        unknown[r][c] = !isKnown && !rowResidual[r].additiveZero() && !colResidual[c].additiveZero();
      }
    }
    return true;
  }

  private interface KeyOf {
    String key(PublishedRow r);
  }

  private static TreeMap<String, Measures> ownRows(List<PublishedRow> rows, KeyOf key) {
    TreeMap<String, Measures> out = new TreeMap<>();
    for (PublishedRow r : rows) {
      String k = key.key(r);
      if (k != null && !PublishedRow.OTHER.equals(k)) {
        out.put(k, r.measures());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- attacking

  private List<Disclosure> run() {
    Set<String> seen = new LinkedHashSet<>();
    List<Disclosure> out = new ArrayList<>();
    int rows = rowKeys.size();
    int cols = colKeys.size();

    // 1. Single unknowns determined by the linear system (Gaussian elimination).
    for (int[] rc : determinedUnknowns()) {
      judge("determined cell", List.of(rc), seen, out);
    }
    // 2. Residuals along every margin: page rows, UP, country columns, HC.
    for (int r = 0; r < rows; r++) {
      List<int[]> set = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          set.add(new int[] {r, c});
        }
      }
      judge("row residual", set, seen, out);
    }
    for (int c = 0; c < cols; c++) {
      List<int[]> set = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        if (unknown[r][c]) {
          set.add(new int[] {r, c});
        }
      }
      judge("column residual", set, seen, out);
    }
    // 3. Every cut, when the table is small enough on one side.
    exhaustiveCuts(seen, out);
    return out;
  }

  /**
   * Unknown positions whose value the linear system determines uniquely.
   *
   * <p>The system is the incidence matrix of a bipartite graph: a node per row and per column, an edge
   * per unknown position, one equation (the residual) per node. Flipping the sign of the column
   * equations makes it a signed incidence matrix, whose null space is the graph's cycle space. So an
   * unknown is determined exactly when its edge lies on no cycle: when it is a bridge. Bridges are
   * found in linear time (Tarjan, iteratively), where Gaussian elimination on a day with thousands of
   * pages needed memory quadratic in the unknowns.
   */
  private List<int[]> determinedUnknowns() {
    return determinedPositions(unknown, rowKeys.size(), colKeys.size());
  }

  /** The unknown positions of a rows x cols grid that its row and column sums determine (bridges). */
  public static List<int[]> determinedPositions(boolean[][] unknown, int rows, int cols) {
    int nodes = rows + cols;
    List<int[]> edges = new ArrayList<>();
    int[] degree = new int[nodes];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          edges.add(new int[] {r, c});
          degree[r]++;
          degree[rows + c]++;
        }
      }
    }
    if (edges.isEmpty()) {
      return List.of();
    }
    int[][] adjacentEdges = new int[nodes][];
    for (int v = 0; v < nodes; v++) {
      adjacentEdges[v] = new int[degree[v]];
    }
    int[] fill = new int[nodes];
    for (int e = 0; e < edges.size(); e++) {
      int a = edges.get(e)[0];
      int b = rows + edges.get(e)[1];
      adjacentEdges[a][fill[a]++] = e;
      adjacentEdges[b][fill[b]++] = e;
    }
    boolean[] bridge = bridges(edges, rows, adjacentEdges);
    List<int[]> out = new ArrayList<>();
    for (int e = 0; e < edges.size(); e++) {
      if (bridge[e]) {
        out.add(edges.get(e));
      }
    }
    return out;
  }

  /** Tarjan's bridge search without recursion; edge e joins row edges[e][0] and column rows + edges[e][1]. */
  private static boolean[] bridges(List<int[]> edges, int rows, int[][] adjacentEdges) {
    int nodes = adjacentEdges.length;
    int[] order = new int[nodes];
    int[] low = new int[nodes];
    java.util.Arrays.fill(order, -1);
    boolean[] bridge = new boolean[edges.size()];
    int[] stackNode = new int[nodes];
    int[] stackParentEdge = new int[nodes];
    int[] stackNext = new int[nodes];
    int counter = 0;
    for (int root = 0; root < nodes; root++) {
      if (order[root] >= 0) {
        continue;
      }
      int top = 0;
      stackNode[0] = root;
      stackParentEdge[0] = -1;
      stackNext[0] = 0;
      order[root] = low[root] = counter++;
      while (top >= 0) {
        int v = stackNode[top];
        if (stackNext[top] < adjacentEdges[v].length) {
          int e = adjacentEdges[v][stackNext[top]++];
          if (e == stackParentEdge[top]) {
            continue;
          }
          int w = edges.get(e)[0] == v && v < rows ? rows + edges.get(e)[1] : edges.get(e)[0];
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            top++;
            stackNode[top] = w;
            stackParentEdge[top] = e;
            stackNext[top] = 0;
          } else {
            low[v] = Math.min(low[v], order[w]);
          }
        } else {
          int e = stackParentEdge[top];
          top--;
          if (top >= 0) {
            int parent = stackNode[top];
            low[parent] = Math.min(low[parent], low[v]);
            if (low[v] > order[parent]) {
              bridge[e] = true;
            }
          }
        }
      }
    }
    return bridge;
  }

  /**
   * Checks every minimal one-sign cut. For a set A of open rows the smallest cut is A's unknowns
   * outside the columns whose unknowns all lie in A; every other cut is one of these plus whole
   * columns (or, symmetrically, whole rows), which the residual checks cover, and the bound is
   * monotone in the set. Enumerates the smaller side.
   */
  private void exhaustiveCuts(Set<String> seen, List<Disclosure> out) {
    int rows = rowKeys.size();
    int cols = colKeys.size();
    List<Integer> openRows = new ArrayList<>();
    List<Integer> openCols = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          openRows.add(r);
          break;
        }
      }
    }
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        if (unknown[r][c]) {
          openCols.add(c);
          break;
        }
      }
    }
    boolean byRows = openRows.size() <= openCols.size();
    List<Integer> side = byRows ? openRows : openCols;
    List<Integer> other = byRows ? openCols : openRows;
    if (side.size() > EXHAUSTIVE_SIDE || side.size() < 2) {
      return; // one open line: its residual is the only cut; too many: residuals + elimination only
    }
    int s = side.size();
    for (int mask = 1; mask < (1 << s) - 1; mask++) {
      List<int[]> set = new ArrayList<>();
      for (int o : other) {
        boolean ownedByA = true; // all unknowns of line o lie in A
        for (int i = 0; i < s && ownedByA; i++) {
          if ((mask & (1 << i)) == 0 && isUnknown(byRows, side.get(i), o)) {
            ownedByA = false;
          }
        }
        if (ownedByA) {
          continue;
        }
        for (int i = 0; i < s; i++) {
          if ((mask & (1 << i)) != 0 && isUnknown(byRows, side.get(i), o)) {
            set.add(byRows ? new int[] {side.get(i), o} : new int[] {o, side.get(i)});
          }
        }
      }
      judge("derived sum", set, seen, out);
    }
  }

  private boolean isUnknown(boolean byRows, int sideLine, int otherLine) {
    return byRows ? unknown[sideLine][otherLine] : unknown[otherLine][sideLine];
  }

  private void judge(String kind, List<int[]> set, Set<String> seen, List<Disclosure> out) {
    if (set.isEmpty()) {
      return;
    }
    boolean[] covered = new boolean[real.size()];
    boolean content = false;
    for (int[] rc : set) {
      for (int id : realOf.get(rc[0]).get(rc[1])) {
        covered[id] = true;
        content = true;
      }
    }
    if (!content) {
      return; // every position is empty: the sum describes nobody
    }
    if (sumOfPublishedRows(covered)) {
      return; // the attacker learns nothing the published rows do not say outright
    }
    long bound = lowerBound(covered);
    if (bound >= k) {
      return;
    }
    List<Position> positions = new ArrayList<>();
    for (int[] rc : set) {
      positions.add(new Position(rowKeys.get(rc[0]), colKeys.get(rc[1])));
    }
    String id = positions.toString();
    if (seen.add(id)) {
      out.add(new Disclosure(kind, List.copyOf(positions), bound, k));
    }
  }

  /**
   * True when the covered cells are exactly whole pages that are published (or all unpublished pages
   * together, the pages' "(other)" or the totals), or exactly whole countries likewise: the sum is
   * then a sum of published rows, each held to its own table's k by the row checks.
   */
  private boolean sumOfPublishedRows(boolean[] covered) {
    return unionOfWholeLines(covered, realByPage, publishedPages) || unionOfWholeLines(covered, realByCountry, publishedCountries);
  }

  private static boolean unionOfWholeLines(boolean[] covered, Map<String, List<Integer>> lines, Set<String> published) {
    boolean[] reached = new boolean[covered.length];
    boolean hiddenTouched = false;
    boolean hiddenWhole = true;
    for (Map.Entry<String, List<Integer>> e : lines.entrySet()) {
      int in = 0;
      for (int id : e.getValue()) {
        if (covered[id]) {
          in++;
        }
      }
      boolean whole = in == e.getValue().size();
      if (published.contains(e.getKey())) {
        if (in > 0 && !whole) {
          return false;
        }
      } else {
        hiddenTouched |= in > 0;
        hiddenWhole &= whole;
      }
      if (in > 0) {
        for (int id : e.getValue()) {
          reached[id] = true;
        }
      }
    }
    if (hiddenTouched && !hiddenWhole) {
      return false;
    }
    for (int i = 0; i < covered.length; i++) {
      if (covered[i] != reached[i]) {
        return false;
      }
    }
    return true;
  }

  /** A sound lower bound on the distinct visitors of the covered real cells. */
  private long lowerBound(boolean[] covered) {
    long byCountry = 0;
    for (Map.Entry<String, List<Integer>> e : new TreeMap<>(realByCountry).entrySet()) {
      long maxCovered = 0;
      long uncovered = 0;
      boolean any = false;
      for (int id : e.getValue()) {
        if (covered[id]) {
          any = true;
          maxCovered = Math.max(maxCovered, real.get(id).visitors());
        } else {
          uncovered += real.get(id).visitors();
        }
      }
      if (any) {
        long total = countryVisitors.getOrDefault(e.getKey(), 0L);
        byCountry += Math.max(maxCovered, total - uncovered);
      }
    }
    long byPage = 0;
    int prefix = 0;
    boolean prefixOpen = true;
    for (String page : pageOrder) {
      List<Integer> ids = realByPage.getOrDefault(page, List.of());
      boolean full = !ids.isEmpty();
      for (int id : ids) {
        full &= covered[id];
      }
      if (full) {
        byPage = Math.max(byPage, pageVisitors.getOrDefault(page, 0L));
      }
      if (prefixOpen && full) {
        prefix++;
      } else {
        prefixOpen = false;
      }
    }
    long byPrefix = prefix < pagePrefixUnion.length ? pagePrefixUnion[prefix] : 0;
    return Math.max(byCountry, Math.max(byPage, byPrefix));
  }
}
