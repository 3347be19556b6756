package org.geotraffic.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.geotraffic.enrich.LineEnricher;

/**
 * Reduce side: the partial tables of one shuffle partition, which holds every cell of its visitors.
 * Each visitor counts once per distinct region and once per distinct (page, country) it has in a (day,
 * site), so partitions' visitor counts add up exactly (their visitor sets are disjoint); hits, page views
 * and bytes add up anyway. Each visitor also leaves its set of pages ({@link #PAGE_SETS}, counted per
 * distinct set), from which the distinct visitors of any union of pages follow without visitor ids.
 *
 * <p>Cells must arrive sorted by {@link #sortKey}: each day contiguous and, within a day, each visitor
 * contiguous except that visitors whose ids share their high 32 bits may interleave (that whole run is
 * handled as one bucket). Only the current day's cells are held: when a day ends they are handed on.
 * Not thread-safe.
 */
public final class VisitorTables {
  public static final String REGIONS = "regions";
  public static final String PAGE_COUNTRIES = "page_countries";
  /** key1: the distinct pages of one visitor in a (day, site), sorted, joined by {@link #PAGE_SEPARATOR}. */
  public static final String PAGE_SETS = "page_sets";
  /** Lines end at '\n', so no page contains one. */
  public static final String PAGE_SEPARATOR = "\n";

  /**
   * One partial table cell.
   *
   * @param table {@link #REGIONS} (key1 country, key2 region), {@link #PAGE_COUNTRIES} (key1 page, key2
   *     country) or {@link #PAGE_SETS} (key1 the page set, key2 null; visitors only)
   */
  public record TableCell(String table, int day, String site, String key1, String key2, long visitors, long hits, long pageviews,
      long bytes) {}

  // Keys with hash codes from Keys: the records' own (31 * h + next) collided into tree buckets.
  private record RegionKey(String site, String country, String region) {
    @Override
    public int hashCode() {
      return Keys.hash(site, country, region);
    }
  }

  private record PageKey(String site, String page, String country) {
    @Override
    public int hashCode() {
      return Keys.hash(site, page, country);
    }
  }

  private record VisitorSite(long visitor, String site) {
    @Override
    public int hashCode() {
      return Keys.hash(visitor, site);
    }
  }

  private record SeenRegion(long visitor, RegionKey key) {
    @Override
    public int hashCode() {
      return Keys.hash(visitor, key);
    }
  }

  private record SeenPage(long visitor, String site, String page, String country) {
    @Override
    public int hashCode() {
      return Keys.hash(visitor, site, page, country);
    }
  }

  /** Beyond this size a per-bucket map is replaced rather than cleared: clear() costs its capacity. */
  private static final int SMALL_MAP = 64;

  /**
   * The order the cells must arrive in: day first, then the visitor id's high 32 bits, in one long so
   * that Spark sorts on it alone (radix sort, no comparisons).
   */
  public static long sortKey(int day, long visitor) {
    return ((long) day << 32) | (visitor >>> 32);
  }

  private boolean started;
  private int day;
  private long bucket;
  private HashMap<RegionKey, long[]> regions = new HashMap<>();
  private HashMap<PageKey, long[]> pageCountries = new HashMap<>();
  private HashMap<String, HashMap<String, long[]>> pageSets = new HashMap<>();
  private HashMap<SeenRegion, Boolean> seenRegions = new HashMap<>();
  private HashMap<SeenPage, Boolean> seenPages = new HashMap<>();
  private HashMap<VisitorSite, TreeSet<String>> bucketPages = new HashMap<>();

  /** Adds one cell; returns the previous day's finished cells when this one starts a new day. */
  public List<TableCell> add(VisitorCell c) {
    List<TableCell> finished = List.of();
    if (!started || c.day != day) {
      closeBucket();
      finished = drain();
      day = c.day;
    }
    long key = sortKey(c.day, c.visitor);
    if (!started || key != bucket) {
      closeBucket();
      bucket = key;
      started = true;
    }
    boolean counted = c.visitor != LineEnricher.NO_VISITOR;
    RegionKey rk = new RegionKey(c.site, c.country, c.region);
    long[] r = regions.computeIfAbsent(rk, k -> new long[4]);
    if (counted && seenRegions.putIfAbsent(new SeenRegion(c.visitor, rk), Boolean.TRUE) == null) {
      r[0]++;
    }
    addAdditive(r, c);
    long[] p = pageCountries.computeIfAbsent(new PageKey(c.site, c.page, c.country), k -> new long[4]);
    if (counted && seenPages.putIfAbsent(new SeenPage(c.visitor, c.site, c.page, c.country), Boolean.TRUE) == null) {
      p[0]++;
    }
    addAdditive(p, c);
    if (counted) {
      bucketPages.computeIfAbsent(new VisitorSite(c.visitor, c.site), k -> new TreeSet<>()).add(c.page);
    }
    return finished;
  }

  /** The last day's cells. */
  public List<TableCell> finish() {
    closeBucket();
    return drain();
  }

  private void closeBucket() {
    bucketPages.forEach((vs, pages) -> pageSets.computeIfAbsent(vs.site(), s -> new HashMap<>())
        .computeIfAbsent(String.join(PAGE_SEPARATOR, pages), k -> new long[1])[0]++);
    bucketPages = reset(bucketPages);
    seenRegions = reset(seenRegions);
    seenPages = reset(seenPages);
  }

  private static <K, V> HashMap<K, V> reset(HashMap<K, V> map) {
    if (map.size() > SMALL_MAP) {
      return new HashMap<>();
    }
    map.clear();
    return map;
  }

  private static void addAdditive(long[] sums, VisitorCell c) {
    sums[1] += c.hits;
    sums[2] += c.pageviews;
    sums[3] += c.bytes;
  }

  private List<TableCell> drain() {
    List<TableCell> out = new ArrayList<>(regions.size() + pageCountries.size());
    regions.forEach((k, s) -> out.add(new TableCell(REGIONS, day, k.site(), k.country(), k.region(), s[0], s[1], s[2], s[3])));
    pageCountries.forEach((k, s) -> out.add(new TableCell(PAGE_COUNTRIES, day, k.site(), k.page(), k.country(), s[0], s[1], s[2], s[3])));
    pageSets.forEach((site, sets) -> sets.forEach((set, n) -> out.add(new TableCell(PAGE_SETS, day, site, set, null, n[0], 0, 0, 0))));
    regions = new HashMap<>();
    pageCountries = new HashMap<>();
    pageSets = new HashMap<>();
    return out;
  }
}
