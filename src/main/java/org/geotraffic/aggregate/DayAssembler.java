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
  private final Map<Pair, MeasureSums> regions = new HashMap<>();
  private final Map<Pair, MeasureSums> pageCountries = new HashMap<>();
  /** (page set, country) -> visitors; see {@link PartialTable#PAGE_SETS} for the country key. */
  private final Map<Pair, MeasureSums> pageSets = new HashMap<>();

  public DayAssembler(String date, String site) {
    this.date = date;
    this.site = site;
  }

  /** Adds one partial cell ({@link VisitorTables.TableCell}'s table, keys and measures). */
  public void add(PartialTable table, String key1, String key2, long visitors, long hits, long pageviews, long bytes) {
    Map<Pair, MeasureSums> into = switch (table) {
      case REGIONS -> regions;
      case PAGE_COUNTRIES -> pageCountries;
      case PAGE_SETS -> pageSets;
    };
    into.computeIfAbsent(new Pair(key1, key2), k -> new MeasureSums()).add(visitors, hits, pageviews, bytes);
  }

  /** The day's tables. Once: the sums are cleared as they are read (a week and its days are built one after another). */
  public UnsuppressedDay build() {
    Measures totals = Measures.ZERO;
    Map<String, Measures> countries = new TreeMap<>();
    Map<String, List<Cell>> regionCells = new HashMap<>();
    for (Map.Entry<Pair, MeasureSums> e : regions.entrySet()) {
      Measures m = e.getValue().toMeasures();
      regionCells.computeIfAbsent(e.getKey().a(), c -> new ArrayList<>()).add(new Cell(e.getKey().b(), m));
      countries.merge(e.getKey().a(), m, Measures::plus);
      totals = totals.plus(m);
    }
    regions.clear();
    Map<String, Measures> pageTotals = new TreeMap<>();
    Map<String, List<Cell>> pageCountryCells = new HashMap<>();
    for (Map.Entry<Pair, MeasureSums> e : pageCountries.entrySet()) {
      Measures m = e.getValue().toMeasures();
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
        unions[first.firstRank(k.a())] += n.visitors; // each visitor once over the site's pages
      }
      if (country != null && !country.equals(VisitorTables.ALL_COUNTRIES)) {
        String c = country.startsWith(VisitorTables.ALSO_ELSEWHERE) ? country.substring(VisitorTables.ALSO_ELSEWHERE.length()) : country;
        byCountry.computeIfAbsent(c, x -> new HashMap<>()).merge(k.a(), n.visitors, Long::sum);
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
    // The page sets keep the cells' page Strings (CountryPageSets' constructor says what copies cost).
    Map<String, String> pageKeys = new HashMap<>();
    pageTotals.keySet().forEach(page -> pageKeys.put(page, page));
    return new UnsuppressedDay(date, site, totals, ChildGroup.disjoint(countryCells), regionGroups, new ChildGroup(pages, unions, false),
        pageCountryGroups, new CountryPageSets(byCountry, pageKeys));
  }
}
