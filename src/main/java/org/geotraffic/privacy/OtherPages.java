package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-country "(other pages)" rows of page_countries: for a country published as its own row whose
 * page cells are not all published, one row with the rest, so that each country's pages add up to the
 * country (hits and page views; visitors are the exact distinct visitors of the hidden cells, from the
 * country's page sets). The additive part was derivable before (country minus its published cells, which
 * the audit already attacks); the row is published only when its visitors reach k and it leaves 0 or at
 * least k of the country's visitors outside it. Package-private helper of {@link Suppressor}; stateless.
 */
final class OtherPages {
  private OtherPages() {}

  /** One country's "(other pages)" row: what its cells not published on their own hold. */
  record Rest(Measures measures) {}

  /** Published own page_countries cells of each country. */
  private static Map<String, Set<String>> publishedCells(PublishedDay candidate) {
    Map<String, Set<String>> byCountry = new TreeMap<>();
    for (PublishedRow r : candidate.rows(Table.PAGE_COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country()) && !r.isOtherPages()) {
        byCountry.computeIfAbsent(r.country(), c -> new HashSet<>()).add(r.page());
      }
    }
    return byCountry;
  }

  /** The rest of each country published as its own row that has some cells published and some not. */
  static Map<String, Rest> rests(UnsuppressedDay day, PublishedDay candidate) {
    Map<String, Set<String>> published = publishedCells(candidate);
    Set<String> countries = new HashSet<>();
    for (PublishedRow r : candidate.rows(Table.COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country())) {
        countries.add(r.country());
      }
    }
    Map<String, Set<String>> hidden = new TreeMap<>();
    Map<String, long[]> sums = new TreeMap<>();
    for (Map.Entry<String, ChildGroup> e : day.countriesByPage().entrySet()) {
      for (Cell c : e.getValue().children()) {
        String country = c.key();
        if (!countries.contains(country) || !published.containsKey(country) || published.get(country).contains(e.getKey())) {
          continue;
        }
        hidden.computeIfAbsent(country, x -> new HashSet<>()).add(e.getKey());
        long[] s = sums.computeIfAbsent(country, x -> new long[3]);
        s[0] += c.measures().hits();
        s[1] += c.measures().pageviews();
        s[2] += c.measures().bytes();
      }
    }
    Map<String, Rest> rests = new TreeMap<>();
    hidden.forEach((country, pages) -> {
      long[] s = sums.get(country);
      rests.put(country, new Rest(new Measures(day.pageSets().visitorsWithAnyOf(country, pages), s[0], s[1], s[2])));
    });
    return rests;
  }

  /**
   * One day's page_countries cells by country, for {@link #rests(Cells, PublishedDay)}: built once per day, so that
   * the rests of a candidate cost its published cells, not every cell of the day. The suppressor asks for them after
   * every round of its secondary suppression, and the linked suppressor runs it once per round of its own: read
   * cell by cell, with a set of each country's hidden pages (most of a country's pages), this was ~30% of the
   * suppress stage of a week next to its seven published days (210k benchmark lines, JFR).
   */
  static final class Cells {
    private final UnsuppressedDay day;
    private final Map<String, Country> byCountry = new HashMap<>();

    /** One country's cells: pages sorted, each cell's measures, their sums, and numbers in the page sets. */
    private static final class Country {
      String[] pages;
      Measures[] measures;
      int[] setNumber; // the page's number in the country's page sets, or -1
      int[] extra; // numbers of set pages that are no cell of the country (none by construction; kept for exactness)
      long hits;
      long pageviews;
      long bytes;
    }

    Cells(UnsuppressedDay day) {
      this.day = day;
      Map<String, TreeMap<String, Measures>> cells = new HashMap<>();
      for (Map.Entry<String, ChildGroup> e : day.countriesByPage().entrySet()) {
        for (Cell c : e.getValue().children()) {
          cells.computeIfAbsent(c.key(), x -> new TreeMap<>()).put(e.getKey(), c.measures());
        }
      }
      cells.forEach((country, pages) -> {
        Country c = new Country();
        c.pages = pages.keySet().toArray(String[]::new);
        c.measures = pages.values().toArray(Measures[]::new);
        c.setNumber = new int[c.pages.length];
        for (int i = 0; i < c.pages.length; i++) {
          c.setNumber[i] = day.pageSets().pageNumber(country, c.pages[i]);
          c.hits += c.measures[i].hits();
          c.pageviews += c.measures[i].pageviews();
          c.bytes += c.measures[i].bytes();
        }
        List<Integer> extra = new ArrayList<>();
        for (String p : day.pageSets().pagesOf(country)) {
          if (Arrays.binarySearch(c.pages, p) < 0) {
            extra.add(day.pageSets().pageNumber(country, p));
          }
        }
        c.extra = extra.stream().mapToInt(Integer::intValue).toArray();
        byCountry.put(country, c);
      });
    }
  }

  /**
   * {@link #rests(UnsuppressedDay, PublishedDay)}, the same rests, from the day's {@link Cells}: a country's hidden
   * cells are its cells minus the published ones (sums by subtraction), and their visitors are those who viewed a page
   * other than the published ones ({@link CountryPageSets#visitorsWithAnyBut}).
   */
  static Map<String, Rest> rests(Cells cells, PublishedDay candidate) {
    Set<String> countries = new HashSet<>();
    for (PublishedRow r : candidate.rows(Table.COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country())) {
        countries.add(r.country());
      }
    }
    // Each country's published cells, as indexes into its sorted pages (a published row is a cell of the day).
    Map<String, BitSet> published = new TreeMap<>();
    for (PublishedRow r : candidate.rows(Table.PAGE_COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country()) && !r.isOtherPages() && countries.contains(r.country())) {
        Cells.Country c = cells.byCountry.get(r.country());
        int i = c == null ? -1 : Arrays.binarySearch(c.pages, r.page());
        if (i < 0) {
          throw new IllegalStateException("Cannot find the rest of country " + r.country() + ": a published cell is no cell of the day");
        }
        published.computeIfAbsent(r.country(), x -> new BitSet(c.pages.length)).set(i);
      }
    }
    Map<String, Rest> rests = new TreeMap<>();
    published.forEach((country, shown) -> {
      Cells.Country c = cells.byCountry.get(country);
      int n = shown.cardinality();
      if (n == c.pages.length) {
        return; // nothing hidden
      }
      long hits = c.hits;
      long pageviews = c.pageviews;
      long bytes = c.bytes;
      int[] kept = Arrays.copyOf(c.extra, c.extra.length + n);
      int k = c.extra.length;
      for (int i = shown.nextSetBit(0); i >= 0; i = shown.nextSetBit(i + 1)) {
        hits -= c.measures[i].hits();
        pageviews -= c.measures[i].pageviews();
        bytes -= c.measures[i].bytes();
        if (c.setNumber[i] >= 0) {
          kept[k++] = c.setNumber[i];
        }
      }
      rests.put(country, new Rest(new Measures(cells.day.pageSets().visitorsWithAnyBut(country, kept, k), hits, pageviews, bytes)));
    });
    return rests;
  }

  /** The countries whose rest cannot be published: below k or min-hits, or leaving 1..k-1 of the country's visitors outside. */
  static List<String> unpublishable(UnsuppressedDay day, PublishedDay candidate, SuppressionPolicy policy) {
    return unpublishable(rests(day, candidate), candidate, policy);
  }

  /** {@link #unpublishable(UnsuppressedDay, PublishedDay, SuppressionPolicy)} from the day's {@link Cells}. */
  static List<String> unpublishable(Cells cells, PublishedDay candidate, SuppressionPolicy policy) {
    return unpublishable(rests(cells, candidate), candidate, policy);
  }

  private static List<String> unpublishable(Map<String, Rest> rests, PublishedDay candidate, SuppressionPolicy policy) {
    long k = policy.minVisitors(Table.PAGE_COUNTRIES);
    Map<String, Long> countryVisitors = new TreeMap<>();
    for (PublishedRow r : candidate.rows(Table.COUNTRIES)) {
      countryVisitors.put(r.country(), r.measures().visitors());
    }
    List<String> out = new ArrayList<>();
    rests.forEach((country, rest) -> {
      long outside = countryVisitors.getOrDefault(country, 0L) - rest.measures().visitors();
      if (rest.measures().visitors() < k || rest.measures().hits() < policy.minHits() || (outside > 0 && outside < k)) {
        out.add(country);
      }
    });
    return out;
  }

  /** The country's published cell to hide next: fewest hits, then page. */
  static PublishedRow nextCellToHide(PublishedDay candidate, String country) {
    return candidate.rows(Table.PAGE_COUNTRIES).stream()
        .filter(r -> country.equals(r.country()) && !r.isOtherPages() && !PublishedRow.OTHER.equals(r.page()))
        .min(Comparator.comparingLong((PublishedRow r) -> r.measures().hits()).thenComparing(PublishedRow::page))
        .orElseThrow(() -> new IllegalStateException("Cannot hide more of country " + country + ": it has no published cell"));
  }

  /** The rows to publish (call only when {@link #unpublishable} is empty). */
  static List<PublishedRow> rows(UnsuppressedDay day, PublishedDay candidate) {
    return rows(day, rests(day, candidate));
  }

  /** {@link #rows(UnsuppressedDay, PublishedDay)} from the day's {@link Cells}. */
  static List<PublishedRow> rows(Cells cells, PublishedDay candidate) {
    return rows(cells.day, rests(cells, candidate));
  }

  private static List<PublishedRow> rows(UnsuppressedDay day, Map<String, Rest> rests) {
    List<PublishedRow> rows = new ArrayList<>();
    rests.forEach((country, rest) ->
        rows.add(new PublishedRow(day.date(), day.site(), country, null, PublishedRow.OTHER_PAGES, rest.measures())));
    return rows;
  }
}
