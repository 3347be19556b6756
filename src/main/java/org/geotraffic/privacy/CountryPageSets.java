package org.geotraffic.privacy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * For each country of a (date, site), how many visitors viewed each distinct set of pages: the
 * visitor-level detail, without visitors, that exact distinct counts over any set of a country's pages
 * need (the per-country "(other pages)" row of page_countries). A visitor has one country, so the sets of
 * different countries never share a visitor. Immutable (answers do not change; an index is built on the
 * first query and kept).
 *
 * <p>Held compactly: per country the distinct pages once, and each set as the numbers of its pages. As
 * strings (each set its pages joined), a week's page sets and those of its seven days were 255 MB of the
 * 430 MB the suppress stage kept live on a 640 MB heap (7M benchmark lines, week next to its published
 * days), and it spent most of its time in full collections; and each query split every set of the country
 * again (that stage ran over 7 minutes in {@link #visitorsWithAnyOf}). A query now reads only the inverted
 * lists of the pages it names, or of those it leaves out when that is shorter.
 */
public final class CountryPageSets implements Serializable {
  private static final long serialVersionUID = 3L;
  /** Log lines end at '\n', so no page contains one. */
  public static final String SEPARATOR = "\n";
  public static final CountryPageSets EMPTY = new CountryPageSets(Map.of());

  /** One country's page sets. */
  private static final class Country implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The distinct pages of its sets, sorted. */
    final String[] pages;
    /**
     * Set s as page numbers (indexes into pages), ascending and distinct: {@code members[start[s] .. start[s + 1])}.
     * One array for all sets, not one per set: a week next to its seven days holds over a million sets (7M benchmark
     * lines), and an array each cost 16 bytes of header and padding apiece, in a heap that was collecting back to back.
     */
    final int[] start;
    final int[] members;
    /** Each set's visitors. */
    final long[] visitors;
    final long total;
    /** Page p's sets: {@code postings[postingStart[p] .. postingStart[p + 1])}; built on the first query, with the scratch below. */
    transient int[] postingStart;
    transient int[] postings;
    transient long totalPostings;
    /** Scratch: which query last named a page, and last touched a set (stamps). */
    transient int[] pageMark;
    transient int[] mark;
    transient int[] count;
    transient int stamp;

    Country(String[] pages, int[] start, int[] members, long[] visitors) {
      this.pages = pages;
      this.start = start;
      this.members = members;
      this.visitors = visitors;
      long t = 0;
      for (long v : visitors) {
        t += v;
      }
      this.total = t;
    }

    /**
     * The distinct visitors whose set holds at least one of {@code named}. Costs the query's pages and their lists,
     * not the country's pages: the linked audit asks about one cell at a time, thousands of times per round.
     */
    int setCount() {
      return visitors.length;
    }

    int size(int set) {
      return start[set + 1] - start[set];
    }

    synchronized long withAnyOf(Collection<String> named) {
      if (setCount() == 0 || named.isEmpty()) {
        return 0;
      }
      index();
      int[] ids = new int[named.size()];
      int n = 0;
      for (String p : named) {
        int id = p == null ? -1 : Arrays.binarySearch(pages, p);
        if (id >= 0) {
          ids[n++] = id;
        }
      }
      return withAnyOfNumbers(ids, n);
    }

    synchronized int number(String page) {
      if (setCount() == 0) {
        return -1;
      }
      // The pages are sorted: a binary search, not a map of a boxed number per page (a week next to its seven days,
      // 7M benchmark lines: ~890,000 map entries and ~790,000 Integers, 40 MB of a 1 GiB heap full of collections).
      int id = Arrays.binarySearch(pages, page);
      return id < 0 ? -1 : id;
    }

    /** {@link #withAnyOf} for page numbers ({@link #number}; repeats allowed): the first {@code n} of {@code numbers}. */
    synchronized long withAnyOfNumbers(int[] numbers, int n) {
      if (setCount() == 0 || n == 0) {
        return 0;
      }
      index();
      if (stamp > Integer.MAX_VALUE - 2) { // stamps must stay unique: start over
        Arrays.fill(pageMark, 0);
        Arrays.fill(mark, 0);
        stamp = 0;
      }
      int now = ++stamp;
      int[] ids = new int[Math.min(n, pages.length)];
      int hits = 0;
      long namedPostings = 0;
      for (int j = 0; j < n; j++) {
        int id = numbers[j];
        if (pageMark[id] != now) {
          pageMark[id] = now;
          ids[hits++] = id;
          namedPostings += postingStart[id + 1] - postingStart[id];
        }
      }
      if (hits == 0) {
        return 0;
      }
      if (hits == pages.length) {
        return total; // every set holds at least one page, and every page is named
      }
      now = ++stamp;
      if (namedPostings <= totalPostings - namedPostings) {
        long found = 0;
        for (int i = 0; i < hits; i++) {
          for (int q = postingStart[ids[i]], end = postingStart[ids[i] + 1]; q < end; q++) {
            int s = postings[q];
            if (mark[s] != now) {
              mark[s] = now;
              found += visitors[s];
            }
          }
        }
        return found;
      }
      // Every set, minus those made only of pages not named (all their pages are among those).
      int namedStamp = now - 1;
      long none = 0;
      for (int id = 0; id < pages.length; id++) {
        if (pageMark[id] != namedStamp) {
          none += completedBy(id, now);
        }
      }
      return total - none;
    }

    /**
     * The distinct visitors whose set holds a page other than those numbered: every visitor, minus those whose pages
     * are all among the first {@code n} of {@code kept} ({@link #number}s; repeats allowed). Equal to {@link
     * #withAnyOfNumbers} of the country's other pages, at the cost of the kept pages' lists only.
     */
    synchronized long withAnyBut(int[] kept, int n) {
      if (setCount() == 0) {
        return 0;
      }
      index();
      if (stamp > Integer.MAX_VALUE - 2) {
        Arrays.fill(pageMark, 0);
        Arrays.fill(mark, 0);
        stamp = 0;
      }
      int pageStamp = ++stamp;
      int now = ++stamp;
      long none = 0;
      for (int j = 0; j < n; j++) {
        int id = kept[j];
        if (pageMark[id] == pageStamp) {
          continue;
        }
        pageMark[id] = pageStamp;
        none += completedBy(id, now);
      }
      return total - none;
    }

    /**
     * Counts page {@code id} into each set that holds it (counts restart for a set first met in this pass, {@code now})
     * and returns the visitors of the sets whose every page has now been counted.
     */
    private long completedBy(int id, int now) {
      long completed = 0;
      for (int q = postingStart[id], end = postingStart[id + 1]; q < end; q++) {
        int s = postings[q];
        if (mark[s] != now) {
          mark[s] = now;
          count[s] = 0;
        }
        if (++count[s] == size(s)) {
          completed += visitors[s];
        }
      }
      return completed;
    }

    private void index() {
      if (postings != null) {
        return;
      }
      int[] from = new int[pages.length + 1];
      for (int id : members) {
        from[id + 1]++;
      }
      for (int id = 0; id < pages.length; id++) {
        from[id + 1] += from[id];
      }
      int[] of = new int[members.length];
      int[] fill = Arrays.copyOf(from, pages.length);
      for (int set = 0; set < setCount(); set++) {
        for (int q = start[set]; q < start[set + 1]; q++) {
          of[fill[members[q]]++] = set;
        }
      }
      totalPostings = members.length;
      pageMark = new int[pages.length];
      mark = new int[setCount()];
      count = new int[setCount()];
      postingStart = from;
      postings = of;
    }
  }

  private final Map<String, Country> byCountry;

  /** @param byCountry country -> (the pages of a set, joined by {@link #SEPARATOR}) -> visitors */
  public CountryPageSets(Map<String, Map<String, Long>> byCountry) {
    this(byCountry, Map.of());
  }

  /**
   * @param byCountry country -> (the pages of a set, joined by {@link #SEPARATOR}) -> visitors
   * @param pages the day's page keys (each mapped to itself): a page is kept as that String, not as a copy cut from
   *     the set strings. Copies, one per country and page in each table, were about 700,000 of the 1.1 million
   *     Strings (~60 MB) live in the suppress stage of a week next to its seven days (7M benchmark lines, jmap).
   */
  public CountryPageSets(Map<String, Map<String, Long>> byCountry, Map<String, String> pages) {
    Map<String, Country> out = new HashMap<>();
    byCountry.forEach((country, sets) -> out.put(Objects.requireNonNull(country), compact(sets, pages)));
    this.byCountry = out;
  }

  /** One country's sets as page numbers; the set strings are read once and not kept (they can be most of a day's memory). */
  private static Country compact(Map<String, Long> sets, Map<String, String> canonical) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> byFirstSeen = new ArrayList<>();
    int[][] ids = new int[sets.size()][];
    long[] visitors = new long[sets.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : sets.entrySet()) {
      String[] p = split(e.getKey());
      int[] set = new int[p.length];
      for (int j = 0; j < p.length; j++) {
        Integer id = seen.get(p[j]);
        if (id == null) {
          id = byFirstSeen.size();
          String page = canonical.getOrDefault(p[j], p[j]);
          seen.put(page, id);
          byFirstSeen.add(page);
        }
        set[j] = id;
      }
      ids[i] = set;
      visitors[i++] = e.getValue();
    }
    // Renumber the pages in sorted order (queries look them up by binary search).
    String[] dictionary = byFirstSeen.toArray(String[]::new);
    Arrays.sort(dictionary);
    int[] sortedId = new int[dictionary.length];
    for (int id = 0; id < sortedId.length; id++) {
      sortedId[id] = Arrays.binarySearch(dictionary, byFirstSeen.get(id));
    }
    int[] start = new int[ids.length + 1];
    for (int s = 0; s < ids.length; s++) {
      for (int j = 0; j < ids[s].length; j++) {
        ids[s][j] = sortedId[ids[s][j]];
      }
      ids[s] = Arrays.stream(ids[s]).sorted().distinct().toArray();
      start[s + 1] = start[s] + ids[s].length;
    }
    int[] members = new int[start[ids.length]];
    for (int s = 0; s < ids.length; s++) {
      System.arraycopy(ids[s], 0, members, start[s], ids[s].length);
    }
    return new Country(dictionary, start, members, visitors);
  }

  /** A set's pages, as the set was written (an empty string is one empty page). */
  private static String[] split(String set) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start <= set.length()) {
      int end = set.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = set.length();
      }
      out.add(set.substring(start, end));
      start = end + 1;
    }
    return out.toArray(String[]::new);
  }

  /**
   * country -> (the pages of a set, sorted and distinct, joined by {@link #SEPARATOR}) -> visitors (sets with the
   * same pages summed). Built on each call: for tests and reports, not for hot paths.
   */
  public Map<String, Map<String, Long>> byCountry() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    byCountry.forEach((country, c) -> {
      Map<String, Long> sets = new TreeMap<>();
      for (int s = 0; s < c.setCount(); s++) {
        StringBuilder b = new StringBuilder();
        for (int q = c.start[s]; q < c.start[s + 1]; q++) {
          if (q > c.start[s]) {
            b.append(SEPARATOR);
          }
          b.append(c.pages[c.members[q]]);
        }
        sets.merge(b.toString(), c.visitors[s], Long::sum);
      }
      out.put(country, sets);
    });
    return out;
  }

  /** The distinct visitors of {@code country} who viewed at least one of {@code pages}. */
  public long visitorsWithAnyOf(String country, Collection<String> pages) {
    Country c = byCountry.get(country);
    return c == null ? 0 : c.withAnyOf(pages);
  }

  /** The number {@link #visitorsWithAnyOfNumbers} knows {@code page} of {@code country} by, or -1 when no set holds it. */
  public int pageNumber(String country, String page) {
    Country c = byCountry.get(country);
    return c == null ? -1 : c.number(page);
  }

  /**
   * {@link #visitorsWithAnyOf} for pages given by their {@link #pageNumber}s (the first {@code n} of {@code numbers};
   * repeats allowed): for callers that ask about the same pages many times (the linked audit's cell space).
   */
  public long visitorsWithAnyOfNumbers(String country, int[] numbers, int n) {
    Country c = byCountry.get(country);
    return c == null ? 0 : c.withAnyOfNumbers(numbers, n);
  }

  /**
   * The distinct visitors of {@code country} who viewed a page other than those given by their {@link #pageNumber}s (the
   * first {@code n} of {@code kept}; repeats allowed): {@link #visitorsWithAnyOf} the country's other pages, for a
   * caller that knows the few pages it keeps rather than the many it leaves out (the "(other pages)" rows).
   */
  public long visitorsWithAnyBut(String country, int[] kept, int n) {
    Country c = byCountry.get(country);
    return c == null ? 0 : c.withAnyBut(kept, n);
  }

  /** The pages of {@code country}'s sets, sorted (empty when it has none). */
  String[] pagesOf(String country) {
    Country c = byCountry.get(country);
    return c == null ? new String[0] : c.pages.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountryPageSets other && byCountry().equals(other.byCountry());
  }

  @Override
  public int hashCode() {
    return byCountry().hashCode();
  }

  @Override
  public String toString() {
    return "CountryPageSets" + byCountry();
  }
}
