package org.geotraffic.privacy;

import java.util.ArrayList;
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

  /** One country's "(other pages)": the hidden pages and the row, or null when the country has none. */
  record Rest(Set<String> pages, Measures measures) {}

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
      rests.put(country, new Rest(pages, new Measures(day.pageSets().visitorsWithAnyOf(country, pages), s[0], s[1], s[2])));
    });
    return rests;
  }

  /** The countries whose rest cannot be published: below k or min-hits, or leaving 1..k-1 of the country's visitors outside. */
  static List<String> unpublishable(UnsuppressedDay day, PublishedDay candidate, SuppressionPolicy policy) {
    long k = policy.minVisitors(Table.PAGE_COUNTRIES);
    Map<String, Long> countryVisitors = new TreeMap<>();
    for (PublishedRow r : candidate.rows(Table.COUNTRIES)) {
      countryVisitors.put(r.country(), r.measures().visitors());
    }
    List<String> out = new ArrayList<>();
    rests(day, candidate).forEach((country, rest) -> {
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
    List<PublishedRow> rows = new ArrayList<>();
    rests(day, candidate).forEach((country, rest) ->
        rows.add(new PublishedRow(day.date(), day.site(), country, null, PublishedRow.OTHER_PAGES, rest.measures())));
    return rows;
  }
}
