package org.geotraffic.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.geotraffic.enrich.LineEnricher;

/**
 * Reduce side: the partial tables of one shuffle partition, which holds every cell of its visitors in
 * each of its days (the shuffle partitions by (day, visitor)). Each visitor counts once per distinct
 * region and once per distinct (page, country) it has in a (day, site), so partitions' visitor counts
 * add up exactly (within a day their visitor sets are disjoint); hits, page views
 * and bytes add up anyway. Each visitor also leaves its set of pages ({@link PartialTable#PAGE_SETS}, counted per
 * distinct set), from which the distinct visitors of any union of pages follow without visitor ids.
 *
 * <p>Cells must arrive sorted by {@link #sortKey}: each day contiguous and, within a day, each visitor
 * contiguous except that visitors whose ids share their high 32 bits may interleave. Such a run (a
 * bucket, usually one visitor's few dozen cells) is sorted here by (visitor, site, location, page), so
 * that each region and each (page, country) of a visitor is one update of the partition's tables. Only
 * the current day's cells are held: when a day ends they are handed on. Not thread-safe.
 */
public final class VisitorTables {
  /** Marks the per-country page set of a visitor seen in more than one country. */
  public static final String ALSO_ELSEWHERE = "\u0001";
  /** key2 of the site-wide page set of a visitor seen in more than one country. */
  public static final String ALL_COUNTRIES = "\u0000";
  /** Lines end at '\n', so no page contains one. */
  public static final String PAGE_SEPARATOR = "\n";

  /**
   * One partial table cell.
   *
   * @param table which partial table; it says what key1 and key2 are
   */
  public record TableCell(PartialTable table, int day, String site, String key1, String key2, long visitors, long hits, long pageviews,
      long bytes, int slice) {
    /** A cell of the day's (the period's) own tables. */
    public TableCell(PartialTable table, int day, String site, String key1, String key2, long visitors, long hits, long pageviews, long bytes) {
      this(table, day, site, key1, key2, visitors, hits, pageviews, bytes, Slices.NONE);
    }
  }

  private record RegionKey(String site, String country, String region) {
    @Override
    public int hashCode() {
      return KeyHash.of(site, country, region);
    }
  }

  private record PageKey(String site, String page, String country) {
    @Override
    public int hashCode() {
      return KeyHash.of(site, page, country);
    }
  }

  /** Visitor, site, country, region, page; written out (a chain of thenComparing lambdas was 11% of the reduce side). */
  private static final Comparator<VisitorCell> BUCKET_ORDER = (a, b) -> {
    int c = Long.compare(a.visitor, b.visitor);
    if (c == 0) {
      c = a.site.compareTo(b.site);
    }
    if (c == 0) {
      c = a.country.compareTo(b.country);
    }
    if (c == 0) {
      c = a.region.compareTo(b.region);
    }
    return c != 0 ? c : a.page.compareTo(b.page);
  };

  /**
   * The order the cells must arrive in: day first, then the visitor id's high 32 bits, in one long so
   * that Spark sorts on it alone (radix sort, no comparisons).
   */
  public static long sortKey(int day, long visitor) {
    return ((long) day << 32) | (visitor >>> 32);
  }

  private boolean started;
  private int day;
  private long bucketKey;
  /** The current bucket's cells: copies, reused from bucket to bucket. */
  private final List<VisitorCell> pool = new ArrayList<>();
  private final List<VisitorCell> bucket = new ArrayList<>();
  /** One set of partial tables: the day's (the period's), or one slice's. */
  private static final class Tables {
    final HashMap<RegionKey, MeasureSums> regions = new HashMap<>();
    final HashMap<PageKey, MeasureSums> pageCountries = new HashMap<>();
    final HashMap<PageSetKey, long[]> pageSets = new HashMap<>();
  }

  private Tables tables = new Tables();
  /** The slices' tables of the current day, when cells carry slices (a run audited against earlier releases). */
  private java.util.TreeMap<Integer, Tables> sliceTables = new java.util.TreeMap<>();
  private final List<VisitorCell> sliceRun = new ArrayList<>();

  private record PageSetKey(String site, String country, String set) {
    @Override
    public int hashCode() {
      return KeyHash.of(site, country, set);
    }
  }

  /** Adds one cell (copied: the caller may reuse it); returns the previous day's cells when this one starts a new day. */
  public List<TableCell> add(VisitorCell c) {
    List<TableCell> finished = List.of();
    if (!started || c.day != day) {
      closeBucket();
      finished = drain();
      day = c.day;
    }
    long key = sortKey(c.day, c.visitor);
    if (!started || key != bucketKey) {
      closeBucket();
      bucketKey = key;
      started = true;
    }
    if (bucket.size() == pool.size()) {
      pool.add(new VisitorCell());
    }
    VisitorCell copy = pool.get(bucket.size());
    bucket.add(copy.set(c.day, c.site, c.country, c.region, c.page, c.visitor, c.hits, c.pageviews, c.bytes).inSlice(c.slice));
    return finished;
  }

  /** The last day's cells. */
  public List<TableCell> finish() {
    closeBucket();
    return drain();
  }

  private void closeBucket() {
    if (bucket.size() > 1) {
      bucket.sort(BUCKET_ORDER);
    }
    int i = 0;
    while (i < bucket.size()) {
      VisitorCell first = bucket.get(i);
      int end = i + 1;
      while (end < bucket.size() && bucket.get(end).visitor == first.visitor && bucket.get(end).site.equals(first.site)) {
        end++;
      }
      add(tables, bucket, i, end);
      if (first.slice != Slices.NONE || bucket.get(end - 1).slice != Slices.NONE) {
        addBySlice(i, end);
      }
      i = end;
    }
    bucket.clear();
    if (pool.size() > 4096) {
      // One huge bucket must not pin its copies for the rest of the partition.
      pool.subList(4096, pool.size()).clear();
    }
  }

  /** One visitor's (or nobody's) cells of one site, sorted by location then page, into {@code into}. */
  private static void add(Tables into, List<VisitorCell> cells, int from, int to) {
    if (cells.get(from).visitor == LineEnricher.NO_VISITOR) {
      addWithoutVisitor(into, cells, from, to);
    } else {
      addVisitor(into, cells, from, to);
    }
  }

  /** The same visitor's cells, slice by slice (each slice's tables count the visitor once too). */
  private void addBySlice(int from, int to) {
    int only = bucket.get(from).slice;
    int j0 = from + 1;
    while (j0 < to && bucket.get(j0).slice == only) {
      j0++;
    }
    if (j0 == to) {
      // All in one slice (most visitors of a week are seen on one day): the same cells in the same order as the
      // copy below would make, without the copy and the set of slices (week next to its days, 7M benchmark lines:
      // addBySlice was more CPU than the week's own tables).
      add(sliceTables.computeIfAbsent(only, x -> new Tables()), bucket, from, to);
      return;
    }
    java.util.TreeSet<Integer> slices = new java.util.TreeSet<>();
    for (int j = from; j < to; j++) {
      slices.add(bucket.get(j).slice);
    }
    for (int slice : slices) {
      sliceRun.clear();
      for (int j = from; j < to; j++) {
        if (bucket.get(j).slice == slice) {
          sliceRun.add(bucket.get(j)); // in bucket order: sorted by location, then page
        }
      }
      add(sliceTables.computeIfAbsent(slice, x -> new Tables()), sliceRun, 0, sliceRun.size());
    }
    sliceRun.clear();
  }

  /** Cells of nobody's visit (crawlers): hits, page views and bytes only. */
  private static void addWithoutVisitor(Tables t, List<VisitorCell> bucket, int from, int to) {
    for (int j = from; j < to; j++) {
      VisitorCell c = bucket.get(j);
      addAdditive(t.regions.computeIfAbsent(new RegionKey(c.site, c.country, c.region), k -> new MeasureSums()), c);
      addAdditive(t.pageCountries.computeIfAbsent(new PageKey(c.site, c.page, c.country), k -> new MeasureSums()), c);
    }
  }

  /** One visitor's cells of one site, sorted by location then page. */
  private static void addVisitor(Tables t, List<VisitorCell> bucket, int from, int to) {
    VisitorCell first = bucket.get(from);
    boolean oneLocation = first.country.equals(bucket.get(to - 1).country) && first.region.equals(bucket.get(to - 1).region);
    // With more than one location (rare: a lookup error, say) one (page, country) can recur in two
    // regions of the same country, and the page set needs merging across locations.
    Set<PageKey> countedPages = oneLocation ? null : new HashSet<>();
    TreeSet<String> pages = oneLocation ? null : new TreeSet<>();
    java.util.TreeMap<String, TreeSet<String>> pagesByCountry = oneLocation ? null : new java.util.TreeMap<>();
    StringBuilder pageSet = new StringBuilder();
    MeasureSums region = null;
    MeasureSums page = null;
    VisitorCell prev = null;
    for (int j = from; j < to; j++) {
      VisitorCell c = bucket.get(j);
      boolean newLocation = prev == null || !c.country.equals(prev.country) || !c.region.equals(prev.region);
      if (newLocation) {
        region = t.regions.computeIfAbsent(new RegionKey(c.site, c.country, c.region), k -> new MeasureSums());
        region.visitors++;
      }
      addAdditive(region, c);
      if (newLocation || !c.page.equals(prev.page)) {
        PageKey key = new PageKey(c.site, c.page, c.country);
        page = t.pageCountries.computeIfAbsent(key, k -> new MeasureSums());
        if (oneLocation || countedPages.add(key)) {
          page.visitors++;
        }
        if (oneLocation) {
          if (pageSet.length() > 0) {
            pageSet.append(PAGE_SEPARATOR);
          }
          pageSet.append(c.page);
        } else {
          pages.add(c.page);
          pagesByCountry.computeIfAbsent(c.country, x -> new TreeSet<>()).add(c.page);
        }
      }
      addAdditive(page, c);
      prev = c;
    }
    if (oneLocation) {
      t.pageSets.computeIfAbsent(new PageSetKey(first.site, first.country, pageSet.toString()), k -> new long[1])[0]++;
    } else if (pagesByCountry.size() == 1) {
      t.pageSets.computeIfAbsent(new PageSetKey(first.site, first.country, String.join(PAGE_SEPARATOR, pages)), k -> new long[1])[0]++;
    } else {
      t.pageSets.computeIfAbsent(new PageSetKey(first.site, ALL_COUNTRIES, String.join(PAGE_SEPARATOR, pages)), k -> new long[1])[0]++;
      pagesByCountry.forEach((country, inCountry) -> t.pageSets.computeIfAbsent(
          new PageSetKey(first.site, ALSO_ELSEWHERE + country, String.join(PAGE_SEPARATOR, inCountry)), k -> new long[1])[0]++);
    }
  }

  private static void addAdditive(MeasureSums sums, VisitorCell c) {
    sums.addAdditive(c.hits, c.pageviews, c.bytes);
  }

  private List<TableCell> drain() {
    List<TableCell> out = new ArrayList<>(tables.regions.size() + tables.pageCountries.size());
    drain(tables, Slices.NONE, out);
    sliceTables.forEach((slice, t) -> drain(t, slice, out));
    tables = new Tables();
    sliceTables = new java.util.TreeMap<>();
    return out;
  }

  private void drain(Tables t, int slice, List<TableCell> out) {
    t.regions.forEach((k, s) -> out.add(new TableCell(PartialTable.REGIONS, day, k.site(), k.country(), k.region(), s.visitors, s.hits, s.pageviews, s.bytes, slice)));
    t.pageCountries.forEach((k, s) ->
        out.add(new TableCell(PartialTable.PAGE_COUNTRIES, day, k.site(), k.page(), k.country(), s.visitors, s.hits, s.pageviews, s.bytes, slice)));
    t.pageSets.forEach((k, n) -> out.add(new TableCell(PartialTable.PAGE_SETS, day, k.site(), k.set(), k.country(), n[0], 0, 0, 0, slice)));
  }
}
