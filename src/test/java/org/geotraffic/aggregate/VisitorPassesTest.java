package org.geotraffic.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.enrich.LineEnricher;
import org.junit.jupiter.api.Test;

/**
 * The shuffle and both reduce passes, simulated without Spark on random traffic, against a brute-force
 * count of distinct visitors: lines split at random, one cell per line (so a visitor's page arrives in
 * pieces), cells partitioned by visitor and sorted by (day, visitor, site) as the stage does.
 */
class VisitorPassesTest {
  private static final String[] SITES = {"a.example", "b.example"};
  private static final String[][] LOCATIONS = {{"DE", "DE-BY"}, {"DE", "DE-BE"}, {"FR", "FR-IDF"}, {"US", "US-CA"}, {"(unknown)", ""}};

  private record Line(int day, String site, String country, String region, String page, long visitor, boolean pageView, long bytes) {}

  @Test
  void randomTraffic_givesExactDistinctVisitorsPerRegionPageCountryAndPrefix() {
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      List<Line> lines = randomLines(random);
      check(lines, 1 + random.nextInt(7), 1 + random.nextInt(5), seed);
    }
  }

  @Test
  void oneVisitorWithManyPages_andBotCells_areCountedOnce() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(new Line(20413, "a.example", "DE", "DE-BY", "/p" + (i % 120), 42L, true, 10));
      lines.add(new Line(20413, "a.example", "DE", "DE-BY", "/p" + (i % 7), LineEnricher.NO_VISITOR, false, 1));
    }
    lines.add(new Line(20413, "a.example", "DE", "DE-BY", "/p1", 43L, true, 10));
    Map<String, long[]> tables = check(lines, 3, 2, -1);
    assertEquals(2, tables.get("regions|20413|a.example|DE|DE-BY")[0]);
    assertEquals(601, tables.get("regions|20413|a.example|DE|DE-BY")[1]);
    assertEquals(2, tables.get("page_countries|20413|a.example|/p1|DE")[0]);
    assertEquals(1, tables.get("page_countries|20413|a.example|/p100|DE")[0]);
  }

  private static List<Line> randomLines(Random random) {
    int visitors = 1 + random.nextInt(60);
    long[] ids = new long[visitors];
    int[] where = new int[visitors];
    for (int v = 0; v < visitors; v++) {
      // Ids with equal high bits too, so the sort's prefix ties are exercised.
      ids[v] = random.nextBoolean() ? random.nextLong() : (7L << 32) + random.nextInt(1000);
      if (ids[v] == LineEnricher.NO_VISITOR) {
        ids[v] = 1;
      }
      where[v] = random.nextInt(LOCATIONS.length);
    }
    List<Line> lines = new ArrayList<>();
    int n = random.nextInt(400);
    for (int i = 0; i < n; i++) {
      int v = random.nextInt(visitors);
      boolean bot = random.nextInt(10) == 0;
      // Now and then a visitor's line is placed elsewhere (a lookup error, say): one visitor, two regions.
      boolean elsewhere = bot || random.nextInt(15) == 0;
      String[] loc = LOCATIONS[elsewhere ? random.nextInt(LOCATIONS.length) : where[v]];
      lines.add(new Line(20413 + random.nextInt(3), SITES[random.nextInt(SITES.length)], loc[0], loc[1], "/p" + random.nextInt(12),
          bot ? LineEnricher.NO_VISITOR : ids[v], !bot && random.nextBoolean(), random.nextInt(5000)));
    }
    return lines;
  }

  /** Runs the passes and compares them with brute force; returns the tables keyed "table|day|site|key1|key2". */
  private static Map<String, long[]> check(List<Line> lines, int splits, int partitions, int seed) {
    // Map side: random splits, each summed on its own.
    List<VisitorCell> cells = new ArrayList<>();
    List<LineTally> tallies = new ArrayList<>();
    Random random = new Random(seed);
    List<List<Line>> bySplit = new ArrayList<>();
    for (int s = 0; s < splits; s++) {
      bySplit.add(new ArrayList<>());
    }
    lines.forEach(l -> bySplit.get(random.nextInt(splits)).add(l));
    for (List<Line> split : bySplit) {
      LineTallies splitTallies = new LineTallies();
      for (Line l : split) {
        EnrichedEvent e = event(l);
        splitTallies.add(e);
        cells.add(new VisitorCell().set(l.day, e.site, e.country, e.region, e.page, e.visitor, 1, e.pageView ? 1 : 0, e.bytes));
      }
      tallies.addAll(splitTallies.list());
    }
    assertEquals(lines.size(), tallies.stream().mapToLong(LineTally::lines).sum(), "every line tallied");

    // Shuffle: by visitor (cells without one spread by page), sorted by (day, visitor, site).
    List<List<VisitorCell>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new ArrayList<>());
    }
    for (VisitorCell c : cells) {
      long spread = c.visitor != LineEnricher.NO_VISITOR ? c.visitor : c.page.hashCode();
      parts.get(Math.floorMod(Long.hashCode(spread), partitions)).add(c);
    }
    Map<String, long[]> tables = new TreeMap<>();
    for (List<VisitorCell> part : parts) {
      // The stage sorts on the sort key alone: cells with equal keys arrive in any order.
      java.util.Collections.shuffle(part, random);
      part.sort(Comparator.comparingLong(c -> VisitorTables.sortKey(c.day, c.visitor)));
      VisitorTables t = new VisitorTables();
      List<VisitorTables.TableCell> out = new ArrayList<>();
      part.forEach(c -> out.addAll(t.add(c)));
      out.addAll(t.finish());
      for (VisitorTables.TableCell c : out) {
        long[] s = tables.computeIfAbsent(c.table().name().toLowerCase(java.util.Locale.ROOT) + "|" + c.day() + "|" + c.site() + "|" + c.key1() + "|" + c.key2(), k -> new long[4]);
        s[0] += c.visitors();
        s[1] += c.hits();
        s[2] += c.pageviews();
        s[3] += c.bytes();
      }
    }
    Map<String, long[]> pageSets = new TreeMap<>();
    tables.entrySet().removeIf(e -> {
      if (e.getKey().startsWith("page_sets|")) {
        pageSets.put(e.getKey(), e.getValue());
        return true;
      }
      return false;
    });
    Map<String, long[]> expected = new TreeMap<>();
    Map<String, Set<Long>> visitors = new HashMap<>();
    for (Line l : lines) {
      String[] keys = {"regions|" + l.day + "|" + l.site + "|" + l.country + "|" + l.region,
          "page_countries|" + l.day + "|" + l.site + "|" + l.page + "|" + l.country};
      for (String k : keys) {
        long[] s = expected.computeIfAbsent(k, x -> new long[4]);
        if (l.visitor != LineEnricher.NO_VISITOR && visitors.computeIfAbsent(k, x -> new HashSet<>()).add(l.visitor)) {
          s[0]++;
        }
        s[1]++;
        s[2] += l.pageView ? 1 : 0;
        s[3] += l.bytes;
      }
    }
    assertEquals(render(expected), render(tables), "tables, seed " + seed);

    // Page sets: ranks in any fixed order; prefix unions against brute force.
    Map<String, Map<String, Map<String, Integer>>> ranks = new HashMap<>();
    Map<String, List<String>> pagesByDaySite = new TreeMap<>();
    for (String k : expected.keySet()) {
      String[] f = k.split("\\|");
      if (f[0].equals("page_countries")) {
        List<String> pages = pagesByDaySite.computeIfAbsent(f[1] + "|" + f[2], x -> new ArrayList<>());
        if (!pages.contains(f[3])) {
          pages.add(f[3]);
        }
      }
    }
    pagesByDaySite.forEach((daySite, pages) -> {
      java.util.Collections.shuffle(pages, new Random(daySite.hashCode()));
      String[] f = daySite.split("\\|");
      Map<String, Integer> r = new HashMap<>();
      for (int i = 0; i < pages.size(); i++) {
        r.put(pages.get(i), i + 1);
      }
      ranks.computeIfAbsent(f[0], x -> new HashMap<>()).put(f[1], r);
    });
    Map<String, long[]> counted = new TreeMap<>();
    // Per (day, site, country): the page sets of the country's visitors (a visitor seen in several countries in each).
    Map<String, Map<String, Long>> countrySets = new TreeMap<>();
    pageSets.forEach((k, v) -> {
      String[] f = k.split("\\|", -1);
      String country = f[4];
      if (!country.startsWith(VisitorTables.ALSO_ELSEWHERE)) {
        FirstPageRanks first = new FirstPageRanks(ranks.get(f[1]).get(f[2]));
        counted.computeIfAbsent(f[1] + "|" + f[2], x -> new long[pagesByDaySite.get(x).size() + 1])[first.firstRank(f[3])] += v[0];
      }
      if (!country.equals(VisitorTables.ALL_COUNTRIES)) {
        String c = country.startsWith(VisitorTables.ALSO_ELSEWHERE) ? country.substring(1) : country;
        countrySets.computeIfAbsent(f[1] + "|" + f[2] + "|" + c, x -> new TreeMap<>()).merge(f[3], v[0], Long::sum);
      }
    });
    // Any set of a country's pages: its distinct visitors from the page sets equal brute force.
    Random subsets = new Random(seed);
    countrySets.forEach((daySiteCountry, sets) -> {
      String[] f = daySiteCountry.split("\\|", -1);
      List<String> pages = pagesByDaySite.get(f[0] + "|" + f[1]);
      Set<String> chosen = new HashSet<>();
      pages.forEach(p -> {
        if (subsets.nextBoolean()) {
          chosen.add(p);
        }
      });
      Set<Long> union = new HashSet<>();
      for (Line l : lines) {
        if ((l.day + "|" + l.site + "|" + l.country).equals(daySiteCountry) && chosen.contains(l.page) && l.visitor != LineEnricher.NO_VISITOR) {
          union.add(l.visitor);
        }
      }
      org.geotraffic.privacy.CountryPageSets cps = new org.geotraffic.privacy.CountryPageSets(java.util.Map.of(f[2], sets));
      assertEquals(union.size(), cps.visitorsWithAnyOf(f[2], chosen), "visitors of " + chosen + " in " + daySiteCountry + ", seed " + seed);
    });
    pagesByDaySite.forEach((daySite, pages) -> {
      long[] prefix = counted.getOrDefault(daySite, new long[pages.size() + 1]).clone();
      for (int j = 1; j < prefix.length; j++) {
        prefix[j] += prefix[j - 1];
      }
      for (int j = 1; j <= pages.size(); j++) {
        Set<String> first = new HashSet<>(pages.subList(0, j));
        Set<Long> union = new HashSet<>();
        for (Line l : lines) {
          if ((l.day + "|" + l.site).equals(daySite) && first.contains(l.page) && l.visitor != LineEnricher.NO_VISITOR) {
            union.add(l.visitor);
          }
        }
        assertEquals(union.size(), prefix[j], "prefix " + j + " of " + daySite + ", seed " + seed);
      }
    });
    assertTrue(tables.size() > 0 || lines.isEmpty());
    return tables;
  }

  private static EnrichedEvent event(Line l) {
    EnrichedEvent e = new EnrichedEvent();
    e.outcome = LineOutcome.ACCEPTED;
    e.geoSource = GeoSource.DATABASE;
    e.date = java.time.LocalDate.ofEpochDay(l.day).toString();
    e.site = l.site;
    e.country = l.country;
    e.region = l.region;
    e.page = l.page;
    e.visitor = l.visitor;
    e.bot = l.visitor == LineEnricher.NO_VISITOR;
    e.pageView = l.pageView;
    e.bytes = l.bytes;
    return e;
  }

  private static Map<String, String> render(Map<String, long[]> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, java.util.Arrays.toString(v)));
    return out;
  }
}
