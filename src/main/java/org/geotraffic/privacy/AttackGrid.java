package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The two-way table pages x countries as an attacker sees it in one published day, and the attack
 * on it. Package-private; used by {@link SuppressionAudit} and by {@link Suppressor} (which repeats
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
 * single unknown (a bridge search over the table's graph, {@link #determinedUnknowns}), every row and column residual, and, when one side of the
 * table has at most {@link #EXHAUSTIVE_SIDE} open lines, every cut (exhaustively).
 *
 * <p><b>Judging.</b> Each unknown position maps to the real cells of the unsuppressed day it holds.
 * A derived set is a finding when it holds at least one real cell and a sound lower bound on its
 * distinct visitors is below k(page_countries). The bound uses
 * that each visitor has exactly one country: sum over countries of max(largest covered cell,
 * country visitors minus the visitors of its uncovered cells); and, for whole pages covered, the
 * page's visitors or the exact prefix union of the page order.
 */
final class AttackGrid {
  /** Exhaustive cut search when the smaller side has at most this many open lines. */
  static final int EXHAUSTIVE_SIDE = 12;

  /** A position of the grid; page null means UP, country null means HC. */
  record Position(String page, String country) {
    String describe() {
      return "page=" + (page == null ? "(unpublished pages)" : page)
          + " country=" + (country == null ? "(hidden countries)" : country);
    }
  }

  /** One disclosure: a derivable sum over the given unknown positions. */
  record Disclosure(String kind, List<Position> positions, long visitorLowerBound, long k) {}

  private final int k;
  private final List<String> rowKeys = new ArrayList<>(); // null = UP
  private final List<String> colKeys = new ArrayList<>(); // null = HC
  private boolean[][] unknown;

  // The real cells of the truth (its page_countries cells), by id: pages in key order, each page's
  // cells in group order. Pages and countries that hold real cells are "lines", indexed by int, so
  // that judging a set costs the size of the set, not of the day (judging runs thousands of times
  // per attack, and the suppressor attacks every candidate).
  private long[] realVisitors = new long[0];
  private int[] realPage = new int[0]; // page line of each real cell
  private int[] realCountry = new int[0]; // country line of each real cell
  // The unpublished real cells an unknown position (r, c) holds: the ids
  // positionIds[positionStart[r * cols + c] .. positionStart[r * cols + c + 1]).
  private int[] positionStart = {0};
  private int[] positionIds = new int[0];
  private int[] occupied = new int[0]; // positions that hold at least one real cell, ascending

  private final Lines pageLines = new Lines();
  private final Lines countryLines = new Lines();
  private long[] countryLineVisitors = new long[0]; // the country's row in the truth, 0 when absent
  private long[] countryLineCellSum = new long[0]; // sum of its cells' visitors
  private long[] pageLineVisitors = new long[0]; // the page's row in the truth, when it has one
  private int[] pageOrderLine = new int[0]; // line of each page of the truth's page order, or -1
  private long[] pagePrefixUnion = {0};

  // Scratch of one judgement: what the set covers, line by line. A line's counters are valid only
  // when its stamp is the current judgement's.
  private int judgement;
  private int[] realStamp = new int[0];
  private boolean content; // the judgement covers at least one real cell
  private long[] countryCoveredSum = new long[0];
  private long[] countryCoveredMax = new long[0];

  /**
   * Real cells grouped by page or by country, each line with the count of its cells, whether it is
   * published as its own row, and per-judgement scratch (covered cells, touched lines).
   */
  private static final class Lines {
    List<String> keys = List.of();
    int[] size = new int[0];
    boolean[] published = new boolean[0];
    int unpublished;
    int[] stamp = new int[0];
    int[] covered = new int[0];
    int[] touched = new int[0];
    int touchedCount;

    /** The lines of a {@link Truth} (shared, read only), and which are published. */
    void finish(List<String> truthKeys, int[] truthSize, Set<String> publishedKeys) {
      keys = truthKeys;
      int n = keys.size();
      size = truthSize;
      published = new boolean[n];
      for (int i = 0; i < n; i++) {
        published[i] = publishedKeys.contains(keys.get(i));
        if (!published[i]) {
          unpublished++;
        }
      }
      stamp = new int[n];
      covered = new int[n];
      touched = new int[n];
    }

    /** Counts a covered cell of the line; true when the line is touched for the first time. */
    boolean cover(int line, int judgement) {
      if (stamp[line] != judgement) {
        stamp[line] = judgement;
        covered[line] = 0;
        touched[touchedCount++] = line;
        covered[line]++;
        return true;
      }
      covered[line]++;
      return false;
    }

    boolean whole(int line, int judgement) {
      return stamp[line] == judgement && covered[line] == size[line];
    }

    /**
     * True when the touched lines are whole published lines, or whole unpublished lines that are all
     * the unpublished lines together (the "(other)" or the rest of the totals): a sum of published rows.
     */
    boolean coveredIsUnionOfWholeLines() {
      int unpublishedTouched = 0;
      for (int i = 0; i < touchedCount; i++) {
        int line = touched[i];
        if (covered[line] != size[line]) {
          return false;
        }
        if (!published[line]) {
          unpublishedTouched++;
        }
      }
      return unpublishedTouched == 0 || unpublishedTouched == unpublished;
    }
  }

  private AttackGrid(int k) {
    this.k = k;
  }

  /**
   * What the attack reads of a day's unsuppressed tables whatever is published: the real cells numbered (pages in
   * key order, each page's cells in group order), their lines, and the bounds' inputs. Built once per day and shared by
   * every attack on a candidate of it ({@link Suppressor.Prepared}): built per attack, sorting the day's pages and
   * hashing every cell's keys was most of {@link #build} (~16% of the suppress stage of a week next to its seven
   * published days, 210k benchmark lines, JFR), and the suppressor attacks every candidate it makes. Immutable.
   */
  static final class Truth {
    final UnsuppressedDay day;
    final String[] pages; // pages of page_countries in key order; page line i is pages[i]
    final int[] pageStart; // the real cells of page line i: ids pageStart[i] .. pageStart[i + 1]
    final long[] realVisitors;
    final int[] realPage;
    final int[] realCountry;
    final Map<String, Integer> pageIndex = new HashMap<>();
    final List<String> pageKeys;
    final int[] pageSize;
    final Map<String, Integer> countryIndex = new HashMap<>();
    final List<String> countryKeys = new ArrayList<>();
    final int[] countrySize;
    final long[] countryLineVisitors;
    final long[] countryLineCellSum;
    final long[] pageLineVisitors;
    final int[] pageOrderLine;
    final long[] pagePrefixUnion;

    Truth(UnsuppressedDay truth) {
      this.day = truth;
      pages = new TreeSet<>(truth.countriesByPage().keySet()).toArray(String[]::new);
      pageKeys = List.of(pages);
      int cells = 0;
      for (ChildGroup g : truth.countriesByPage().values()) {
        cells += g.children().size();
      }
      realVisitors = new long[cells];
      realPage = new int[cells];
      realCountry = new int[cells];
      pageStart = new int[pages.length + 1];
      int id = 0;
      for (int line = 0; line < pages.length; line++) {
        pageIndex.put(pages[line], line);
        pageStart[line] = id;
        for (Cell cell : truth.countriesByPage().get(pages[line]).children()) {
          realVisitors[id] = cell.measures().visitors();
          realPage[id] = line;
          Integer country = countryIndex.get(cell.key());
          if (country == null) {
            country = countryKeys.size();
            countryIndex.put(cell.key(), country);
            countryKeys.add(cell.key());
          }
          realCountry[id] = country;
          id++;
        }
      }
      pageStart[pages.length] = id;
      pageSize = new int[pages.length];
      for (int line : realPage) {
        pageSize[line]++;
      }
      countrySize = new int[countryKeys.size()];
      for (int line : realCountry) {
        countrySize[line]++;
      }
      countryLineVisitors = new long[countryKeys.size()];
      countryLineCellSum = new long[countryKeys.size()];
      if (truth.countries() != null) {
        for (Cell c : truth.countries().children()) {
          Integer line = countryIndex.get(c.key());
          if (line != null) {
            countryLineVisitors[line] = c.measures().visitors();
          }
        }
      }
      for (int i = 0; i < cells; i++) {
        countryLineCellSum[realCountry[i]] += realVisitors[i];
      }
      pageLineVisitors = new long[pages.length];
      if (truth.pages() != null) {
        List<Cell> order = truth.pages().children();
        pageOrderLine = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
          Integer line = pageIndex.get(order.get(i).key());
          pageOrderLine[i] = line == null ? -1 : line;
          if (line != null) {
            pageLineVisitors[line] = order.get(i).measures().visitors();
          }
        }
        pagePrefixUnion = truth.pages().prefixUnionVisitors();
      } else {
        pageOrderLine = new int[0];
        pagePrefixUnion = new long[] {0};
      }
    }
  }

  static int gridK(SuppressionPolicy policy) {
    // Everything derived here is a page_countries quantity (a page's, or the unpublished pages',
    // visitors from a country or from the hidden countries); whole-margin sums are published rows
    // of their own tables and are held to those tables' k by the row checks.
    return policy.minVisitors(Table.PAGE_COUNTRIES);
  }

  /** Runs the attack; returns every disclosure found, in a stable order. */
  static List<Disclosure> attack(UnsuppressedDay truth, PublishedDay published, SuppressionPolicy policy) {
    return attack(new Truth(truth), published, policy);
  }

  /** {@link #attack(UnsuppressedDay, PublishedDay, SuppressionPolicy)} on a day's {@link Truth}. */
  static List<Disclosure> attack(Truth truth, PublishedDay published, SuppressionPolicy policy) {
    AttackGrid g = new AttackGrid(gridK(policy));
    if (!g.build(truth, published)) {
      return List.of();
    }
    return g.run();
  }

  /**
   * The page_countries positions whose value the published rows alone determine (by page or by country:
   * a null page is the unpublished pages' row, a null country the hidden countries' column): what an
   * attacker derives from one release, for the linked audit across releases.
   */
  static List<Position> determinedByPublished(PublishedDay published) {
    AttackGrid g = new AttackGrid(1);
    if (!g.build(null, published)) {
      return List.of();
    }
    List<Position> out = new ArrayList<>();
    for (int[] rc : g.determinedUnknowns()) {
      out.add(new Position(g.rowKeys.get(rc[0]), g.colKeys.get(rc[1])));
    }
    return out;
  }

  // ---------------------------------------------------------------- building

  private boolean build(Truth truth, PublishedDay published) {
    List<PublishedRow> totals = published.rows(Table.TOTALS);
    if (totals.isEmpty()) {
      return false; // nothing of the day is published; nothing to difference
    }
    Measures total = totals.get(0).measures();
    TreeMap<String, Measures> pages = ownRows(published.rows(Table.PAGES), PublishedRow::page);
    TreeMap<String, Measures> countries = ownRows(published.rows(Table.COUNTRIES), PublishedRow::country);
    // The own page_countries rows are known to the attacker. A cell (page, country) is known when
    // "page NUL country" is the "page NUL country" of such a row; splitting each row's text at every
    // NUL into (before, after) gives exactly the pairs that match, also for keys holding a NUL.
    Map<String, Set<String>> known = new HashMap<>(); // before NUL -> after NUL
    for (PublishedRow r : published.rows(Table.PAGE_COUNTRIES)) {
      // A country's "(other pages)" row is its column residual, which the attacker derives anyway.
      if (!PublishedRow.OTHER.equals(r.country()) && r.page() != null && r.country() != null && !r.isOtherPages()) {
        if (r.page().indexOf('\u0000') < 0 && r.country().indexOf('\u0000') < 0) {
          known.computeIfAbsent(r.page(), x -> new HashSet<>()).add(r.country());
        } else {
          String text = r.page() + "\u0000" + r.country();
          for (int nul = text.indexOf('\u0000'); nul >= 0; nul = text.indexOf('\u0000', nul + 1)) {
            known.computeIfAbsent(text.substring(0, nul), x -> new HashSet<>()).add(text.substring(nul + 1));
          }
        }
      }
    }

    rowKeys.addAll(pages.keySet());
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
    int hcColumn = colKeys.contains(null) ? cols - 1 : -1;

    // Real cells of the truth, and what of them is published (none when only the structure is asked for).
    if (truth != null) {
      int[] position = placeCells(truth, rowIndex, colIndex, hasUp ? rows - 1 : -1, hcColumn, known);
      int cells = position.length;
      indexPositions(position, rows * cols);
      realVisitors = truth.realVisitors;
      realPage = truth.realPage;
      realCountry = truth.realCountry;
      pageLines.finish(truth.pageKeys, truth.pageSize, pages.keySet());
      countryLines.finish(truth.countryKeys, truth.countrySize, countries.keySet());
      realStamp = new int[cells];

      countryLineVisitors = truth.countryLineVisitors;
      countryLineCellSum = truth.countryLineCellSum;
      countryCoveredSum = new long[truth.countryKeys.size()];
      countryCoveredMax = new long[truth.countryKeys.size()];
      pageLineVisitors = truth.pageLineVisitors;
      if (truth.day.pages() != null) {
        pageOrderLine = truth.pageOrderLine;
        pagePrefixUnion = truth.pagePrefixUnion;
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
      if (PublishedRow.OTHER.equals(pr.country()) || pr.page() == null || pr.country() == null || pr.isOtherPages()) {
        continue;
      }
      Integer r = rowIndex.get(pr.page());
      if (r == null && hasUp) {
        r = rows - 1;
      }
      Integer c = colIndex.get(pr.country());
      if (c == null && hcColumn >= 0) {
        c = cols - 1;
      }
      if (r != null) {
        rowResidual[r] = rowResidual[r].minus(pr.measures());
      }
      if (c != null) {
        colResidual[c] = colResidual[c].minus(pr.measures());
      }
    }
    // Known positions of published pages and countries.
    boolean[][] knownAt = new boolean[rows][cols];
    for (Map.Entry<String, Set<String>> e : known.entrySet()) {
      Integer r = rowIndex.get(e.getKey());
      if (r == null) {
        continue;
      }
      for (String country : e.getValue()) {
        Integer c = colIndex.get(country);
        if (c != null) {
          knownAt[r][c] = true;
        }
      }
    }
    markUnknowns(rowResidual, colResidual, knownAt);
    return true;
  }

  /**
   * Numbers the real cells (realVisitors, realPage, realCountry) and returns each one's position r * cols + c,
   * or -1 where the cell is published (known to the attacker) or has no position.
   *
   * @param upRow the row of the unpublished pages, or -1; hcColumn likewise for countries
   * @param known the published (page, country) cells, by page
   */
  private int[] placeCells(Truth truth, Map<String, Integer> rowIndex, Map<String, Integer> colIndex, int upRow,
      int hcColumn, Map<String, Set<String>> known) {
    int cols = colKeys.size();
    int cells = truth.realVisitors.length;
    // The row of each page line and the column of each country line, once, instead of a lookup per cell.
    int[] rowOf = new int[truth.pages.length];
    for (int line = 0; line < rowOf.length; line++) {
      Integer pageRow = rowIndex.get(truth.pages[line]);
      rowOf[line] = pageRow != null ? pageRow : upRow;
    }
    int[] colOf = new int[truth.countryKeys.size()];
    for (int line = 0; line < colOf.length; line++) {
      Integer countryCol = colIndex.get(truth.countryKeys.get(line));
      colOf[line] = countryCol != null ? countryCol : hcColumn;
    }
    // The published cells, known to the attacker: looked up in their pages' cells only.
    boolean[] knownCell = new boolean[cells];
    for (Map.Entry<String, Set<String>> e : known.entrySet()) {
      Integer line = truth.pageIndex.get(e.getKey());
      if (line == null) {
        continue;
      }
      for (int id = truth.pageStart[line]; id < truth.pageStart[line + 1]; id++) {
        if (e.getValue().contains(truth.countryKeys.get(truth.realCountry[id]))) {
          knownCell[id] = true;
        }
      }
    }
    int[] position = new int[cells];
    for (int id = 0; id < cells; id++) {
      position[id] = -1;
      if (!knownCell[id]) { // else published: known to the attacker
        int r = rowOf[truth.realPage[id]];
        int c = colOf[truth.realCountry[id]];
        if (r >= 0 && c >= 0) {
          position[id] = r * cols + c;
        }
        // A real cell with no position sits where the attacker sees a zero margin: the published
        // tables then do not add up, which the audit reports on its own.
      }
    }
    return position;
  }

  /**
   * The real cells by position (positionStart, positionIds) and the occupied positions in grid order, from
   * each real cell's position (-1: none).
   */
  private void indexPositions(int[] position, int positions) {
    positionStart = new int[positions + 1];
    for (int p : position) {
      if (p >= 0) {
        positionStart[p + 1]++;
      }
    }
    for (int p = 0; p < positions; p++) {
      positionStart[p + 1] += positionStart[p];
    }
    int occupiedCount = 0;
    for (int p = 0; p < positions; p++) {
      if (positionStart[p + 1] > positionStart[p]) {
        occupiedCount++;
      }
    }
    occupied = new int[occupiedCount];
    occupiedCount = 0;
    for (int p = 0; p < positions; p++) {
      if (positionStart[p + 1] > positionStart[p]) {
        occupied[occupiedCount++] = p;
      }
    }
    positionIds = new int[positionStart[positions]];
    int[] fill = Arrays.copyOf(positionStart, positions);
    for (int i = 0; i < position.length; i++) {
      if (position[i] >= 0) {
        positionIds[fill[position[i]]++] = i;
      }
    }
  }

  /** Unknown: every position not known to the attacker whose row and column residuals are both non-zero. */
  private void markUnknowns(Measures[] rowResidual, Measures[] colResidual, boolean[][] knownAt) {
    int rows = rowResidual.length;
    int cols = colResidual.length;
    unknown = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      boolean rowOpen = !rowResidual[r].additiveZero();
      for (int c = 0; c < cols; c++) {
        unknown[r][c] = rowOpen && !knownAt[r][c] && !colResidual[c].additiveZero();
      }
    }
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

    // 1. Single unknowns determined by the linear system (the bridges of the unknowns' graph).
    for (int[] rc : determinedUnknowns()) {
      judge("determined cell", List.of(rc), seen, out);
    }
    // 2. Residuals along every margin: page rows, UP, country columns, HC. Most unknown positions
    // hold no real cell; only those that do are covered (by row, then by column, from the position
    // lists), and a residual's positions are listed only when it is a finding.
    int[] rowUnknowns = new int[rows];
    int[] colUnknowns = new int[cols];
    countUnknowns(rowUnknowns, colUnknowns);
    residuals(true, occupied, rowUnknowns, seen, out);
    residuals(false, occupiedByColumn(), colUnknowns, seen, out);
    // 3. Every cut, when the table is small enough on one side.
    exhaustiveCuts(seen, out);
    return out;
  }

  // The steps of run() and build() are methods of their own so that the JIT compiles each hot loop on its
  // own: as one method, C2 compiled run() three times (twice on loop entry) at 0.5-0.8 s each per run, and
  // build() twice; rows and columns share one residual loop, compiled once.

  /** The number of unknown positions in each row and each column. */
  private void countUnknowns(int[] rowUnknowns, int[] colUnknowns) {
    int rows = rowKeys.size();
    int cols = colKeys.size();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          rowUnknowns[r]++;
          colUnknowns[c]++;
        }
      }
    }
  }

  /**
   * Judges the residual of every row (byRow) or column that has an unknown position; positions are the
   * occupied positions ordered by that kind of line.
   */
  private void residuals(boolean byRow, int[] positions, int[] lineUnknowns, Set<String> seen, List<Disclosure> out) {
    int cols = colKeys.size();
    int lines = byRow ? rowKeys.size() : cols;
    int q = 0;
    for (int line = 0; line < lines; line++) {
      int end = q;
      while (end < positions.length && (byRow ? positions[end] / cols : positions[end] % cols) == line) {
        end++;
      }
      if (lineUnknowns[line] > 0) {
        startCover();
        for (int i = q; i < end; i++) {
          int p = positions[i];
          if (unknown[p / cols][p % cols]) {
            coverPosition(p);
          }
        }
        final int l = line;
        finishJudge(byRow ? "row residual" : "column residual", () -> byRow ? lineSet(l, -1) : lineSet(-1, l), seen, out);
      }
      q = end;
    }
  }

  /** The unknown positions of row r (c = -1), or of column c (r = -1), in grid order. */
  private List<int[]> lineSet(int r, int c) {
    List<int[]> set = new ArrayList<>();
    if (r >= 0) {
      for (int col = 0; col < colKeys.size(); col++) {
        if (unknown[r][col]) {
          set.add(new int[] {r, col});
        }
      }
    } else {
      for (int row = 0; row < rowKeys.size(); row++) {
        if (unknown[row][c]) {
          set.add(new int[] {row, c});
        }
      }
    }
    return set;
  }

  /** The occupied positions ordered by column, then row. */
  private int[] occupiedByColumn() {
    int cols = colKeys.size();
    int[] start = new int[cols + 1];
    for (int p : occupied) {
      start[p % cols + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      start[c + 1] += start[c];
    }
    int[] out = new int[occupied.length];
    for (int p : occupied) { // row-major, so each column's positions come out by row
      out[start[p % cols]++] = p;
    }
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
  static List<int[]> determinedPositions(boolean[][] unknown, int rows, int cols) {
    int nodes = rows + cols;
    int[] degree = new int[nodes];
    int edges = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          edges++;
          degree[r]++;
          degree[rows + c]++;
        }
      }
    }
    if (edges == 0) {
      return List.of();
    }
    // Edge e joins row edgeRow[e] and column node rows + edgeCol[e]; edges numbered in grid order.
    int[] edgeRow = new int[edges];
    int[] edgeCol = new int[edges];
    int[] adjacentStart = new int[nodes + 1];
    for (int v = 0; v < nodes; v++) {
      adjacentStart[v + 1] = adjacentStart[v] + degree[v];
    }
    int[] adjacent = new int[2 * edges];
    int[] fill = Arrays.copyOf(adjacentStart, nodes);
    int e = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (unknown[r][c]) {
          edgeRow[e] = r;
          edgeCol[e] = c;
          adjacent[fill[r]++] = e;
          adjacent[fill[rows + c]++] = e;
          e++;
        }
      }
    }
    boolean[] bridge = bridges(edgeRow, edgeCol, rows, adjacentStart, adjacent);
    List<int[]> out = new ArrayList<>();
    for (e = 0; e < edges; e++) {
      if (bridge[e]) {
        out.add(new int[] {edgeRow[e], edgeCol[e]});
      }
    }
    return out;
  }

  /**
   * Tarjan's bridge search without recursion; edge e joins row edgeRow[e] and column rows + edgeCol[e],
   * the edges of node v are adjacent[adjacentStart[v] .. adjacentStart[v + 1]).
   */
  private static boolean[] bridges(int[] edgeRow, int[] edgeCol, int rows, int[] adjacentStart, int[] adjacent) {
    int nodes = adjacentStart.length - 1;
    int[] order = new int[nodes];
    int[] low = new int[nodes];
    Arrays.fill(order, -1);
    boolean[] bridge = new boolean[edgeRow.length];
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
      stackNext[0] = adjacentStart[root];
      order[root] = low[root] = counter++;
      while (top >= 0) {
        int v = stackNode[top];
        if (stackNext[top] < adjacentStart[v + 1]) {
          int e = adjacent[stackNext[top]++];
          if (e == stackParentEdge[top]) {
            continue;
          }
          int w = edgeRow[e] == v && v < rows ? rows + edgeCol[e] : edgeRow[e];
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            top++;
            stackNode[top] = w;
            stackParentEdge[top] = e;
            stackNext[top] = adjacentStart[w];
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
    // For each line of the other side, the side lines (bits) where it has an unknown.
    int[] unknownIn = new int[other.size()];
    for (int j = 0; j < other.size(); j++) {
      for (int i = 0; i < s; i++) {
        if (isUnknown(byRows, side.get(i), other.get(j))) {
          unknownIn[j] |= 1 << i;
        }
      }
    }
    for (int mask = 1; mask < (1 << s) - 1; mask++) {
      List<int[]> set = new ArrayList<>();
      for (int j = 0; j < other.size(); j++) {
        if ((unknownIn[j] & ~mask) == 0) {
          continue; // all unknowns of line o lie in A
        }
        int o = other.get(j);
        for (int bits = unknownIn[j] & mask; bits != 0; bits &= bits - 1) {
          int i = Integer.numberOfTrailingZeros(bits);
          set.add(byRows ? new int[] {side.get(i), o} : new int[] {o, side.get(i)});
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
    startCover();
    int cols = colKeys.size();
    for (int[] rc : set) {
      coverPosition(rc[0] * cols + rc[1]);
    }
    finishJudge(kind, () -> set, seen, out);
  }

  /** Judges the set covered since {@link #startCover}; its positions are listed only for a finding. */
  private void finishJudge(String kind, Supplier<List<int[]>> set, Set<String> seen, List<Disclosure> out) {
    if (!content) {
      return; // every position is empty: the sum describes nobody
    }
    if (sumOfPublishedRows()) {
      return; // the attacker learns nothing the published rows do not say outright
    }
    long bound = lowerBound();
    if (bound >= k) {
      return;
    }
    List<Position> positions = new ArrayList<>();
    for (int[] rc : set.get()) {
      positions.add(new Position(rowKeys.get(rc[0]), colKeys.get(rc[1])));
    }
    if (seen.add(describe(positions))) {
      out.add(new Disclosure(kind, List.copyOf(positions), bound, k));
    }
  }

  /** The same text as {@code positions.toString()}, which names a disclosure once, built directly. */
  static String describe(List<Position> positions) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < positions.size(); i++) {
      Position p = positions.get(i);
      b.append(i == 0 ? "" : ", ").append("Position[page=").append(p.page()).append(", country=").append(p.country()).append(']');
    }
    return b.append(']').toString();
  }

  /** Starts a new judgement: nothing covered yet. */
  private void startCover() {
    judgement++;
    pageLines.touchedCount = 0;
    countryLines.touchedCount = 0;
    content = false;
  }

  /** Covers the real cells the position r * cols + c holds, line by line. */
  private void coverPosition(int p) {
    for (int i = positionStart[p]; i < positionStart[p + 1]; i++) {
      int id = positionIds[i];
      if (realStamp[id] == judgement) {
        continue; // already covered (a position listed twice)
      }
      realStamp[id] = judgement;
      content = true;
      pageLines.cover(realPage[id], judgement);
      int country = realCountry[id];
      long v = realVisitors[id];
      if (countryLines.cover(country, judgement)) {
        countryCoveredSum[country] = v;
        countryCoveredMax[country] = Math.max(0, v);
      } else {
        countryCoveredSum[country] += v;
        countryCoveredMax[country] = Math.max(countryCoveredMax[country], v);
      }
    }
  }

  /**
   * True when the covered cells are exactly whole pages that are published (or all unpublished pages
   * together, the pages' "(other)" or the totals), or exactly whole countries likewise: the sum is
   * then a sum of published rows, each held to its own table's k by the row checks.
   */
  private boolean sumOfPublishedRows() {
    return pageLines.coveredIsUnionOfWholeLines() || countryLines.coveredIsUnionOfWholeLines();
  }

  /** A sound lower bound on the distinct visitors of the covered real cells. */
  private long lowerBound() {
    // Each visitor has one country: per country touched, the largest covered cell, or the country's
    // visitors minus those of its uncovered cells, whichever is more.
    long byCountry = 0;
    for (int i = 0; i < countryLines.touchedCount; i++) {
      int country = countryLines.touched[i];
      long uncovered = countryLineCellSum[country] - countryCoveredSum[country];
      byCountry += Math.max(countryCoveredMax[country], countryLineVisitors[country] - uncovered);
    }
    // Whole pages covered: the largest page's visitors, and the prefix union of the page order.
    long byPage = 0;
    for (int i = 0; i < pageLines.touchedCount; i++) {
      int page = pageLines.touched[i];
      if (pageLines.covered[page] == pageLines.size[page]) {
        byPage = Math.max(byPage, pageLineVisitors[page]);
      }
    }
    int prefix = 0;
    while (prefix < pageOrderLine.length && pageOrderLine[prefix] >= 0 && pageLines.whole(pageOrderLine[prefix], judgement)) {
      prefix++;
    }
    long byPrefix = prefix < pagePrefixUnion.length ? pagePrefixUnion[prefix] : 0;
    return Math.max(byCountry, Math.max(byPage, byPrefix));
  }
}
