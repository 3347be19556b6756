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
  private final Map<UnsuppressedDay, long[][]> pageValues = new java.util.IdentityHashMap<>();
  private final Map<UnsuppressedDay, long[][]> regionValues = new java.util.IdentityHashMap<>();

  CellSpace(Iterable<UnsuppressedDay> tables) {
    for (UnsuppressedDay t : tables) {
      t.countriesByPage().forEach((page, g) -> g.children().forEach(c -> addPageCell(page, c.key())));
      t.regionsByCountry().forEach((country, g) -> g.children().forEach(c -> addRegionCell(country, c.key())));
    }
  }

  private void addPageCell(String page, String country) {
    String key = page + "\u0000" + country;
    if (!pageIndex.containsKey(key)) {
      int i = pageCells.size();
      pageCells.add(new String[] {page, country});
      pageIndex.put(key, i);
      pageByFirst.computeIfAbsent(page, x -> new ArrayList<>()).add(i);
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
    if (k.first().kind() == KeySet.Cond.Kind.ONE) {
      candidates = (page ? pageByFirst : regionByFirst).getOrDefault(k.first().value(), List.of());
    } else if (k.second().kind() == KeySet.Cond.Kind.ONE) {
      candidates = (page ? pageBySecond : regionBySecond).getOrDefault(k.second().value(), List.of());
    } else {
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
    materialized.put(k, out);
    return out;
  }

  /** What {@code cells} (of one side) hold in {@code t}; visitors exact within a table (countries are disjoint, a country's pages by its page sets). */
  Content content(UnsuppressedDay t, KeySet.Side side, BitSet cells) {
    long[][] v = values(t, side);
    long hits = 0;
    long pageviews = 0;
    long bytes = 0;
    long visitors = 0;
    Map<String, Set<String>> pagesByCountry = side == KeySet.Side.PAGE ? new HashMap<>() : null;
    for (int i = cells.nextSetBit(0); i >= 0; i = cells.nextSetBit(i + 1)) {
      if (i >= v[0].length) {
        break;
      }
      hits += v[1][i];
      pageviews += v[2][i];
      bytes += v[3][i];
      if (side == KeySet.Side.REGION) {
        visitors += v[0][i];
      } else if (v[1][i] + v[2][i] + v[3][i] + v[0][i] > 0) {
        String[] cell = pageCells.get(i);
        pagesByCountry.computeIfAbsent(cell[1], x -> new HashSet<>()).add(cell[0]);
      }
    }
    if (side == KeySet.Side.PAGE) {
      for (Map.Entry<String, Set<String>> e : pagesByCountry.entrySet()) {
        visitors += t.pageSets().visitorsWithAnyOf(e.getKey(), e.getValue());
      }
    }
    return new Content(visitors, hits, pageviews, bytes);
  }

  /** Per cell of the side: visitors, hits, page views, bytes in {@code t} (0 where t does not have the cell). */
  private long[][] values(UnsuppressedDay t, KeySet.Side side) {
    Map<UnsuppressedDay, long[][]> cache = side == KeySet.Side.PAGE ? pageValues : regionValues;
    long[][] v = cache.get(t);
    if (v != null) {
      return v;
    }
    int n = side == KeySet.Side.PAGE ? pageCells.size() : regionCells.size();
    v = new long[4][n];
    Map<String, ChildGroup> groups = side == KeySet.Side.PAGE ? t.countriesByPage() : t.regionsByCountry();
    Map<String, Integer> index = side == KeySet.Side.PAGE ? pageIndex : regionIndex;
    for (Map.Entry<String, ChildGroup> e : groups.entrySet()) {
      for (Cell c : e.getValue().children()) {
        Integer i = index.get(e.getKey() + "\u0000" + c.key());
        if (i != null) {
          v[0][i] = c.measures().visitors();
          v[1][i] = c.measures().hits();
          v[2][i] = c.measures().pageviews();
          v[3][i] = c.measures().bytes();
        }
      }
    }
    cache.put(t, v);
    return v;
  }
}
