package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random unsuppressed days built from random visitor-level data and aggregated exactly, so every
 * count (prefix unions of pages included) is a real distinct count. Test helper.
 */
final class RandomDays {
  /** The skew of a generated day. */
  enum Shape { UNIFORM, ZIPF, TINY_CELLS, ONE_BIG_CELL }

  /** One visit record: a visitor (or a bot, visitor -1) with hits on one page. */
  record Visit(int visitor, String country, String region, String page, long hits, long pageviews, long bytes) {}

  private RandomDays() {}

  /** Random visits of one day; visitors have one country and region, and one or more pages. */
  static List<Visit> visits(Random rnd, Shape shape) {
    int countries = 1 + rnd.nextInt(shape == Shape.TINY_CELLS ? 10 : 7);
    int pages = 1 + rnd.nextInt(shape == Shape.TINY_CELLS ? 12 : 9);
    int visitors = switch (shape) {
      case TINY_CELLS -> rnd.nextInt(40);
      case ONE_BIG_CELL -> 20 + rnd.nextInt(200);
      default -> rnd.nextInt(250);
    };
    double skew = shape == Shape.ZIPF ? 1.0 + rnd.nextDouble() * 1.5 : shape == Shape.ONE_BIG_CELL ? 3.0 : 0.0;
    List<Visit> out = new ArrayList<>();
    for (int v = 0; v < visitors; v++) {
      int c = pick(rnd, countries, skew);
      String country = "C" + c;
      String region = country + "-R" + pick(rnd, 1 + (c % 3), skew);
      int pageCount = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
      for (int i = 0; i < pageCount; i++) {
        out.add(visit(rnd, v, country, region, "/p" + pick(rnd, pages, skew)));
      }
    }
    int bots = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : 0;
    for (int b = 0; b < bots; b++) {
      int c = pick(rnd, countries, skew);
      out.add(visit(rnd, -1, "C" + c, "C" + c + "-R0", "/p" + pick(rnd, pages, skew)));
    }
    return out;
  }

  private static Visit visit(Random rnd, int visitor, String country, String region, String page) {
    long hits = 1 + rnd.nextInt(6);
    long pageviews = rnd.nextInt((int) hits + 1);
    long bytes = hits * (100 + rnd.nextInt(5000));
    return new Visit(visitor, country, region, page, hits, pageviews, bytes);
  }

  /** Index in [0, n): uniform for skew 0, Zipf-like otherwise. */
  private static int pick(Random rnd, int n, double skew) {
    if (skew == 0) {
      return rnd.nextInt(n);
    }
    double total = 0;
    for (int i = 1; i <= n; i++) {
      total += 1 / Math.pow(i, skew);
    }
    double x = rnd.nextDouble() * total;
    for (int i = 1; i <= n; i++) {
      x -= 1 / Math.pow(i, skew);
      if (x <= 0) {
        return i - 1;
      }
    }
    return n - 1;
  }

  /** Aggregates visits exactly. Map insertion orders follow {@code visits}' order. */
  static UnsuppressedDay aggregate(String date, String site, List<Visit> visits) {
    Acc totals = new Acc();
    Map<String, Acc> countries = new LinkedHashMap<>();
    Map<String, Map<String, Acc>> regions = new LinkedHashMap<>();
    Map<String, Acc> pages = new LinkedHashMap<>();
    Map<String, Map<String, Acc>> pageCountries = new LinkedHashMap<>();
    Map<Integer, String> countryOf = new LinkedHashMap<>();
    Map<Integer, java.util.TreeSet<String>> pagesOf = new LinkedHashMap<>();
    for (Visit v : visits) {
      if (v.visitor() >= 0) {
        countryOf.put(v.visitor(), v.country());
        pagesOf.computeIfAbsent(v.visitor(), x -> new java.util.TreeSet<>()).add(v.page());
      }
      totals.add(v);
      countries.computeIfAbsent(v.country(), x -> new Acc()).add(v);
      regions.computeIfAbsent(v.country(), x -> new LinkedHashMap<>()).computeIfAbsent(v.region(), x -> new Acc()).add(v);
      pages.computeIfAbsent(v.page(), x -> new Acc()).add(v);
      pageCountries.computeIfAbsent(v.page(), x -> new LinkedHashMap<>()).computeIfAbsent(v.country(), x -> new Acc()).add(v);
    }
    Map<String, ChildGroup> regionGroups = new LinkedHashMap<>();
    regions.forEach((c, m) -> regionGroups.put(c, disjoint(m)));
    Map<String, ChildGroup> pageCountryGroups = new LinkedHashMap<>();
    pageCountries.forEach((p, m) -> pageCountryGroups.put(p, disjoint(m)));
    Map<String, Map<String, Long>> pageSets = new LinkedHashMap<>();
    pagesOf.forEach((visitor, set) -> pageSets.computeIfAbsent(countryOf.get(visitor), c -> new LinkedHashMap<>())
        .merge(String.join(CountryPageSets.SEPARATOR, set), 1L, Long::sum));
    return new UnsuppressedDay(date, site, totals.measures(), disjoint(countries), regionGroups,
        overlapping(pages), pageCountryGroups, new CountryPageSets(pageSets));
  }

  private static ChildGroup disjoint(Map<String, Acc> m) {
    List<Cell> cells = new ArrayList<>();
    m.forEach((k, a) -> cells.add(new Cell(k, a.measures())));
    return ChildGroup.disjoint(cells);
  }

  private static ChildGroup overlapping(Map<String, Acc> m) {
    List<Map.Entry<String, Acc>> entries = new ArrayList<>(m.entrySet());
    entries.sort((a, b) -> {
      int c = Long.compare(a.getValue().visitors.cardinality(), b.getValue().visitors.cardinality());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    List<Cell> cells = new ArrayList<>();
    long[] prefix = new long[entries.size() + 1];
    BitSet union = new BitSet();
    for (int i = 0; i < entries.size(); i++) {
      cells.add(new Cell(entries.get(i).getKey(), entries.get(i).getValue().measures()));
      union.or(entries.get(i).getValue().visitors);
      prefix[i + 1] = union.cardinality();
    }
    return new ChildGroup(cells, prefix, false);
  }

  /** The same visits in another order and the maps built in another insertion order. */
  static UnsuppressedDay aggregateShuffled(String date, String site, List<Visit> visits, Random rnd) {
    List<Visit> copy = new ArrayList<>(visits);
    Collections.shuffle(copy, rnd);
    UnsuppressedDay d = aggregate(date, site, copy);
    Map<String, ChildGroup> r = new HashMap<>(new TreeMap<>(d.regionsByCountry()).descendingMap());
    Map<String, ChildGroup> pc = new HashMap<>(new TreeMap<>(d.countriesByPage()).descendingMap());
    return new UnsuppressedDay(d.date(), d.site(), d.totals(), d.countries(), r, d.pages(), pc, d.pageSets());
  }

  private static final class Acc {
    final BitSet visitors = new BitSet();
    long hits;
    long pageviews;
    long bytes;

    void add(Visit v) {
      if (v.visitor() >= 0) {
        visitors.set(v.visitor());
      }
      hits += v.hits();
      pageviews += v.pageviews();
      bytes += v.bytes();
    }

    Measures measures() {
      return new Measures(visitors.cardinality(), hits, pageviews, bytes);
    }
  }
}
