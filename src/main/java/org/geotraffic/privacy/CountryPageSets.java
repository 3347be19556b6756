package org.geotraffic.privacy;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * For each country of a (date, site), how many visitors viewed each distinct set of pages: the
 * visitor-level detail, without visitors, that exact distinct counts over any set of a country's pages
 * need (the per-country "(other pages)" row of page_countries). A visitor has one country, so the sets of
 * different countries never share a visitor. Immutable.
 *
 * @param byCountry country -> (the pages of a set, sorted, joined by {@link #SEPARATOR}) -> visitors
 */
public record CountryPageSets(Map<String, Map<String, Long>> byCountry) implements Serializable {
  /** Log lines end at '\n', so no page contains one. */
  public static final String SEPARATOR = "\n";
  public static final CountryPageSets EMPTY = new CountryPageSets(Map.of());

  public CountryPageSets {
    Map<String, Map<String, Long>> copy = new HashMap<>();
    byCountry.forEach((c, sets) -> copy.put(c, Map.copyOf(sets)));
    byCountry = Map.copyOf(copy);
  }

  /** The distinct visitors of {@code country} who viewed at least one of {@code pages}. */
  public long visitorsWithAnyOf(String country, Set<String> pages) {
    long n = 0;
    for (Map.Entry<String, Long> e : byCountry.getOrDefault(country, Map.of()).entrySet()) {
      if (anyOf(e.getKey(), pages)) {
        n += e.getValue();
      }
    }
    return n;
  }

  private static boolean anyOf(String set, Collection<String> pages) {
    int start = 0;
    while (start <= set.length()) {
      int end = set.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = set.length();
      }
      if (pages.contains(set.substring(start, end))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }
}
