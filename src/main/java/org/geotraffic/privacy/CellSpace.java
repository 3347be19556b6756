package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells that hold anything in some of the tables a linked audit looks at (the new release's and its
 * slices'), numbered per side, and what a set of them holds in one of those tables. Package-private helper
 * of {@link LinkedAudit}; not thread-safe (caches).
 */
final class CellSpace {
  /** What a set of cells holds in one table: additive sums and a sound lower bound of its distinct visitors. */
  record Content(long visitors, long hits, long pageviews, long bytes) {
    boolean empty() {
      return hits == 0 && pageviews == 0 && bytes == 0 && visitors == 0;
    }
  }

  private final List<String[]> pageCells = new ArrayList<>(); // {page, country}
  private final List<String[]> regionCells = new ArrayList<>(); // {country, region}
  private final Map<String, Integer> pageIndex = new HashMap<>();
  private final Map<String, Integer> regionIndex = new HashMap<>();
  private final Map<String, List<Integer>> pageByFirst = new HashMap<>();
  private final Map<String, List<Integer>> pageBySecond = new HashMap<>();
  private final Map<String, List<Integer>> regionByFirst = new HashMap<>();
  private final Map<String, List<Integer>> regionBySecond = new HashMap<>();
  private final Map<KeySet, BitSet> materialized = new HashMap<>();
  /** The words of the BitSets in {@link #materialized}; past {@link #CACHE_WORDS}, sets found through an index are not kept. */
  private long cachedWords;
  /**
   * 32 MiB of cached cell sets. Sets that need a scan of every cell (exclusions, "any") are always kept; those found
   * through a page's or country's list (one row's cells) are cheap to find again, and once kept all together were
   * most of the 174 MB that filled the heap (see the constructor).
   */
  private static final long CACHE_WORDS = 4L << 20;
  private final Map<UnsuppressedDay, Columns> pageValues = new java.util.IdentityHashMap<>();
  private final Map<UnsuppressedDay, Columns> regionValues = new java.util.IdentityHashMap<>();
  /**
   * Per page cell its country's number, and per table each page cell's page number in the table's page sets
   * ({@link CountryPageSets#pageNumber}), with scratch to gather a query's pages by country. {@link #content} hands
   * the page sets numbers, not page names in a map of sets per call: those maps and the name lookups were half of the
   * linked audit's samples (week next to its seven days, 7M benchmark lines).
   */
  private int[] pageCountry = new int[16];
  private final List<String> countryNames = new ArrayList<>();
  private final Map<String, Integer> countryNumbers = new HashMap<>();
  private final Map<UnsuppressedDay, int[]> pageNumbers = new java.util.IdentityHashMap<>();
  private int[][] countryPages = new int[0][];
  private int[] countryFill = new int[0];
  private int[] touched = new int[0];
  private int touchedCount;

  /**
   * The cells of {@code tables}; the first is the release's own (its biggest cells are numbered first).
   *
   * <p>Cells are numbered by their visitors in the first table, most first (then by key): a {@link BitSet} of one
   * cell is as long as the cell's number, and the audit keeps one per published row. Numbered as met, the cells of
   * a week next to its seven days (7M benchmark lines, about 150,000 page cells, one BitSet per row of the eight
   * releases) held 174 MB of BitSets, and with the page sets filled the 1 GiB heap: the suppress stage did nothing
   * but full collections. Published cells have k or more visitors, so they come first and their sets stay short.
   */
  CellSpace(Iterable<UnsuppressedDay> tables) {
    Map<String, String[]> pages = new HashMap<>();
    Map<String, String[]> regions = new HashMap<>();
    Map<String, Long> pageWeight = new HashMap<>();
    Map<String, Long> regionWeight = new HashMap<>();
    boolean first = true;
    for (UnsuppressedDay t : tables) {
      boolean own = first;
      first = false;
      t.countriesByPage().forEach((page, g) -> g.children().forEach(c -> {
        String key = page + "\u0000" + c.key();
        pages.putIfAbsent(key, new String[] {page, c.key()});
        if (own) {
          pageWeight.merge(key, c.measures().visitors(), Math::max);
        }
      }));
      t.regionsByCountry().forEach((country, g) -> g.children().forEach(c -> {
        String key = country + "\u0000" + c.key();
        regions.putIfAbsent(key, new String[] {country, c.key()});
        if (own) {
          regionWeight.merge(key, c.measures().visitors(), Math::max);
        }
      }));
    }
    for (String key : bySize(pages.keySet(), pageWeight)) {
      addPageCell(pages.get(key)[0], pages.get(key)[1]);
    }
    for (String key : bySize(regions.keySet(), regionWeight)) {
      addRegionCell(regions.get(key)[0], regions.get(key)[1]);
    }
  }

  /** The keys, most visitors first, then by key. */
  private static List<String> bySize(Set<String> keys, Map<String, Long> weight) {
    record Weighed(String key, long visitors) {}
    List<Weighed> w = new ArrayList<>(keys.size());
    for (String k : keys) {
      w.add(new Weighed(k, weight.getOrDefault(k, 0L)));
    }
    w.sort(java.util.Comparator.comparingLong((Weighed x) -> -x.visitors()).thenComparing(Weighed::key));
    List<String> out = new ArrayList<>(w.size());
    w.forEach(x -> out.add(x.key()));
    return out;
  }

  private void addPageCell(String page, String country) {
    String key = page + "\u0000" + country;
    if (!pageIndex.containsKey(key)) {
      int i = pageCells.size();
      pageCells.add(new String[] {page, country});
      pageIndex.put(key, i);
      pageByFirst.computeIfAbsent(page, x -> new ArrayList<>()).add(i);
      Integer c = countryNumbers.get(country);
      if (c == null) {
        c = countryNames.size();
        countryNames.add(country);
        countryNumbers.put(country, c);
        countryPages = java.util.Arrays.copyOf(countryPages, c + 1);
        countryPages[c] = new int[8];
        countryFill = java.util.Arrays.copyOf(countryFill, c + 1);
        touched = java.util.Arrays.copyOf(touched, c + 1);
      }
      if (i == pageCountry.length) {
        pageCountry = java.util.Arrays.copyOf(pageCountry, i * 2);
      }
      pageCountry[i] = c;
      pageBySecond.computeIfAbsent(country, x -> new ArrayList<>()).add(i);
    }
  }

  private void addRegionCell(String country, String region) {
    String key = country + "\u0000" + region;
    if (!regionIndex.containsKey(key)) {
      int i = regionCells.size();
      regionCells.add(new String[] {country, region});
      regionIndex.put(key, i);
      regionByFirst.computeIfAbsent(country, x -> new ArrayList<>()).add(i);
      regionBySecond.computeIfAbsent(region, x -> new ArrayList<>()).add(i);
    }
  }

  /** The numbered cells of a key set (cells that hold nothing anywhere here are left out: they add nothing). */
  BitSet cells(KeySet k) {
    BitSet cached = materialized.get(k);
    if (cached != null) {
      return cached;
    }
    boolean page = k.side() == KeySet.Side.PAGE;
    List<String[]> all = page ? pageCells : regionCells;
    Iterable<Integer> candidates;
    boolean indexed = true;
    if (k.first().kind() == KeySet.Cond.Kind.ONE) {
      candidates = (page ? pageByFirst : regionByFirst).getOrDefault(k.first().value(), List.of());
    } else if (k.second().kind() == KeySet.Cond.Kind.ONE) {
      candidates = (page ? pageBySecond : regionBySecond).getOrDefault(k.second().value(), List.of());
    } else {
      indexed = false;
      List<Integer> every = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        every.add(i);
      }
      candidates = every;
    }
    BitSet out = new BitSet();
    for (int i : candidates) {
      String[] cell = all.get(i);
      if (k.matches(cell[0], cell[1])) {
        out.set(i);
      }
    }
    long words = (out.length() + 63) / 64;
    if (!indexed || cachedWords + words <= CACHE_WORDS) {
      materialized.put(k, out);
      cachedWords += words;
    }
    return out;
  }

  /** What {@code cells} (of one side) hold in {@code t}; visitors exact within a table (countries are disjoint, a country's pages by its page sets). */
  Content content(UnsuppressedDay t, KeySet.Side side, BitSet cells) {
    Columns v = values(t, side);
    long hits = 0;
    long pageviews = 0;
    long bytes = 0;
    long visitors = 0;
    int[] numbers = side == KeySet.Side.PAGE ? pageNumbers(t) : null;
    for (int i = cells.nextSetBit(0); i >= 0; i = cells.nextSetBit(i + 1)) {
      if (i >= v.size()) {
        break;
      }
      hits += v.hits[i];
      pageviews += v.pageviews[i];
      bytes += v.bytes[i];
      if (side == KeySet.Side.REGION) {
        visitors += v.visitors[i];
      } else if (v.hits[i] + v.pageviews[i] + v.bytes[i] + v.visitors[i] > 0 && numbers[i] >= 0) {
        int c = pageCountry[i];
        if (countryFill[c] == 0) {
          touched[touchedCount++] = c;
        }
        if (countryFill[c] == countryPages[c].length) {
          countryPages[c] = java.util.Arrays.copyOf(countryPages[c], Math.max(8, countryPages[c].length * 2));
        }
        countryPages[c][countryFill[c]++] = numbers[i];
      }
    }
    if (side == KeySet.Side.PAGE) {
      // Each country's pages among the cells, as page numbers (a page no set of the country holds adds no one).
      for (int j = 0; j < touchedCount; j++) {
        int c = touched[j];
        visitors += t.pageSets().visitorsWithAnyOfNumbers(countryNames.get(c), countryPages[c], countryFill[c]);
        countryFill[c] = 0;
      }
      touchedCount = 0;
    }
    return new Content(visitors, hits, pageviews, bytes);
  }

  /** The additive sums of {@link Content}, without its visitors. */
  record Additive(long hits, long pageviews, long bytes) {}

  /**
   * What {@code cells} (of one side) hold in {@code t} in hits, page views and bytes: {@link #content} without the
   * distinct visitors, for callers that compare additive measures only ({@link ReleaseRecompute}). The week run next
   * to its seven published days (7M benchmark lines) spent over 7 minutes of its suppress stage in the visitor
   * counts of {@link #content} called from the recompute check, which never read them.
   */
  Additive additive(UnsuppressedDay t, KeySet.Side side, BitSet cells) {
    Columns v = values(t, side);
    long hits = 0;
    long pageviews = 0;
    long bytes = 0;
    for (int i = cells.nextSetBit(0); i >= 0 && i < v.size(); i = cells.nextSetBit(i + 1)) {
      hits += v.hits[i];
      pageviews += v.pageviews[i];
      bytes += v.bytes[i];
    }
    return new Additive(hits, pageviews, bytes);
  }

  /** Each page cell's page number in {@code t}'s page sets, -1 where no set of its country holds the page. */
  private int[] pageNumbers(UnsuppressedDay t) {
    int[] n = pageNumbers.get(t);
    if (n == null) {
      n = new int[pageCells.size()];
      for (int i = 0; i < n.length; i++) {
        String[] cell = pageCells.get(i);
        n[i] = t.pageSets().pageNumber(cell[1], cell[0]);
      }
      pageNumbers.put(t, n);
    }
    return n;
  }

  /**
   * The four measures of every cell of one side in one table, a column each, indexed by the cell's number: the
   * content sums run over millions of cell numbers per audit, so the measures sit in primitive arrays, not records.
   */
  private record Columns(long[] visitors, long[] hits, long[] pageviews, long[] bytes) {
    Columns(int cells) {
      this(new long[cells], new long[cells], new long[cells], new long[cells]);
    }

    int size() {
      return visitors.length;
    }
  }

  /** Per cell of the side: visitors, hits, page views, bytes in {@code t} (0 where t does not have the cell). */
  private Columns values(UnsuppressedDay t, KeySet.Side side) {
    Map<UnsuppressedDay, Columns> cache = side == KeySet.Side.PAGE ? pageValues : regionValues;
    Columns v = cache.get(t);
    if (v != null) {
      return v;
    }
    int n = side == KeySet.Side.PAGE ? pageCells.size() : regionCells.size();
    v = new Columns(n);
    Map<String, ChildGroup> groups = side == KeySet.Side.PAGE ? t.countriesByPage() : t.regionsByCountry();
    Map<String, Integer> index = side == KeySet.Side.PAGE ? pageIndex : regionIndex;
    for (Map.Entry<String, ChildGroup> e : groups.entrySet()) {
      for (Cell c : e.getValue().children()) {
        Integer i = index.get(e.getKey() + "\u0000" + c.key());
        if (i != null) {
          v.visitors[i] = c.measures().visitors();
          v.hits[i] = c.measures().hits();
          v.pageviews[i] = c.measures().pageviews();
          v.bytes[i] = c.measures().bytes();
        }
      }
    }
    cache.put(t, v);
    return v;
  }
}
