package org.geotraffic.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geotraffic.privacy.Cell;
import org.geotraffic.privacy.ChildGroup;
import org.geotraffic.privacy.CountryPageSets;
import org.geotraffic.privacy.Measures;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Sums the partial cells of one (date, site) from every shuffle partition ({@link VisitorTables}) and
 * assembles its unsuppressed tables. Regions (distinct visitors per location) sum up exactly to
 * countries and totals, because every visitor has one location; page_countries sum up exactly to
 * pages for the same reason. The pages' prefix unions come from the page sets once the fold order is
 * known ({@link FirstPageRanks}). Holds one day. Not thread-safe.
 */
public final class DayAssembler {
  private record Pair(String a, String b) {
    @Override
    public int hashCode() {
      return KeyHash.of(a, b);
    }
  }

  private final String date;
  private final String site;
  private final Map<Pair, long[]> regions = new HashMap<>();
  private final Map<Pair, long[]> pageCountries = new HashMap<>();
  /** (page set, country) -> visitors; see {@link VisitorTables#PAGE_SETS} for the country key. */
  private final Map<Pair, long[]> pageSets = new HashMap<>();

  public DayAssembler(String date, String site) {
    this.date = date;
    this.site = site;
  }

  /** Adds one partial cell ({@link VisitorTables.TableCell}'s table, keys and measures). */
  public void add(String table, String key1, String key2, long visitors, long hits, long pageviews, long bytes) {
    long[] sums = switch (table) {
      case VisitorTables.REGIONS -> regions.computeIfAbsent(new Pair(key1, key2), k -> new long[4]);
      case VisitorTables.PAGE_COUNTRIES -> pageCountries.computeIfAbsent(new Pair(key1, key2), k -> new long[4]);
      case VisitorTables.PAGE_SETS -> pageSets.computeIfAbsent(new Pair(key1, key2), k -> new long[4]);
      default -> throw new IllegalArgumentException("Cannot assemble a day from table " + table);
    };
    sums[0] += visitors;
    sums[1] += hits;
    sums[2] += pageviews;
    sums[3] += bytes;
  }

  /** The day's tables. Once: the sums are cleared as they are read (a week and its days are built one after another). */
  public UnsuppressedDay build() {
    Measures totals = Measures.ZERO;
    Map<String, Measures> countries = new TreeMap<>();
    Map<String, List<Cell>> regionCells = new HashMap<>();
    for (Map.Entry<Pair, long[]> e : regions.entrySet()) {
      Measures m = measures(e.getValue());
      regionCells.computeIfAbsent(e.getKey().a(), c -> new ArrayList<>()).add(new Cell(e.getKey().b(), m));
      countries.merge(e.getKey().a(), m, Measures::plus);
      totals = totals.plus(m);
    }
    regions.clear();
    Map<String, Measures> pageTotals = new TreeMap<>();
    Map<String, List<Cell>> pageCountryCells = new HashMap<>();
    for (Map.Entry<Pair, long[]> e : pageCountries.entrySet()) {
      Measures m = measures(e.getValue());
      pageCountryCells.computeIfAbsent(e.getKey().a(), p -> new ArrayList<>()).add(new Cell(e.getKey().b(), m));
      pageTotals.merge(e.getKey().a(), m, Measures::plus);
    }
    pageCountries.clear();
    List<Cell> pages = new ArrayList<>();
    pageTotals.forEach((page, m) -> pages.add(new Cell(page, m)));
    pages.sort(ChildGroup.FOLD_ORDER);

    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < pages.size(); i++) {
      ranks.put(pages.get(i).key(), i + 1);
    }
    FirstPageRanks first = new FirstPageRanks(ranks);
    long[] unions = new long[pages.size() + 1];
    Map<String, Map<String, Long>> byCountry = new HashMap<>();
    pageSets.forEach((k, n) -> {
      String country = k.b();
      if (country == null || !country.startsWith(VisitorTables.ALSO_ELSEWHERE)) {
        unions[first.firstRank(k.a())] += n[0]; // each visitor once over the site's pages
      }
      if (country != null && !country.equals(VisitorTables.ALL_COUNTRIES)) {
        String c = country.startsWith(VisitorTables.ALSO_ELSEWHERE) ? country.substring(VisitorTables.ALSO_ELSEWHERE.length()) : country;
        byCountry.computeIfAbsent(c, x -> new HashMap<>()).merge(k.a(), n[0], Long::sum);
      }
    });
    pageSets.clear();
    for (int j = 1; j < unions.length; j++) {
      unions[j] += unions[j - 1];
    }

    Map<String, ChildGroup> regionGroups = new HashMap<>();
    regionCells.forEach((country, list) -> regionGroups.put(country, ChildGroup.disjoint(list)));
    Map<String, ChildGroup> pageCountryGroups = new HashMap<>();
    pageCountryCells.forEach((page, list) -> pageCountryGroups.put(page, ChildGroup.disjoint(list)));
    List<Cell> countryCells = new ArrayList<>();
    countries.forEach((country, m) -> countryCells.add(new Cell(country, m)));
    return new UnsuppressedDay(date, site, totals, ChildGroup.disjoint(countryCells), regionGroups, new ChildGroup(pages, unions, false),
        pageCountryGroups, new CountryPageSets(byCountry));
  }

  private static Measures measures(long[] s) {
    return new Measures(s[0], s[1], s[2], s[3]);
  }
}
