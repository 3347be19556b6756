package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The compact page sets answer exactly as the plain definition (a set counts when it holds at least one named page),
 * on random page sets and random queries, and keep their content.
 */
class CountryPageSetsTest {
  /** The definition, on the sets as strings: what CountryPageSets computed before it was compact. */
  private static long reference(Map<String, Map<String, Long>> byCountry, String country, Set<String> pages) {
    long n = 0;
    for (Map.Entry<String, Long> e : byCountry.getOrDefault(country, Map.of()).entrySet()) {
      for (String p : e.getKey().split(CountryPageSets.SEPARATOR, -1)) {
        if (pages.contains(p)) {
          n += e.getValue();
          break;
        }
      }
    }
    return n;
  }

  @Test
  void randomSetsAndQueries_sameAnswersAsCountryPageSets() {
    Random rnd = new Random(20261207L);
    for (int round = 0; round < 300; round++) {
      int pageCount = 1 + rnd.nextInt(40);
      List<String> pages = new ArrayList<>();
      for (int p = 0; p < pageCount; p++) {
        pages.add(p == 0 && rnd.nextBoolean() ? "" : "/p" + p);
      }
      Map<String, Map<String, Long>> byCountry = new HashMap<>();
      for (String country : List.of("GB", "US", "DE")) {
        if (rnd.nextInt(4) == 0) {
          continue; // a country without page sets
        }
        Map<String, Long> sets = new HashMap<>();
        int setCount = 1 + rnd.nextInt(60);
        for (int s = 0; s < setCount; s++) {
          TreeSet<String> set = new TreeSet<>();
          int size = 1 + rnd.nextInt(Math.min(8, pageCount));
          for (int j = 0; j < size; j++) {
            set.add(pages.get(rnd.nextInt(pageCount)));
          }
          sets.merge(String.join(CountryPageSets.SEPARATOR, set), 1L + rnd.nextInt(5), Long::sum);
        }
        byCountry.put(country, sets);
      }
      CountryPageSets truth = new CountryPageSets(byCountry);
      assertEquals(byCountry, truth.byCountry(), "round " + round);
      if (round % 10 == 0) {
        truth = roundTrip(truth); // as Spark hands it from task to task
        assertEquals(byCountry, truth.byCountry(), "round " + round + ", serialized");
      }
      for (int q = 0; q < 40; q++) {
        String country = List.of("GB", "US", "DE", "FR").get(rnd.nextInt(4));
        Set<String> query = new HashSet<>();
        int mode = rnd.nextInt(4);
        for (String p : pages) {
          // few pages, most pages, every page, or none
          boolean take = switch (mode) {
            case 0 -> rnd.nextInt(8) == 0;
            case 1 -> rnd.nextInt(8) != 0;
            case 2 -> true;
            default -> false;
          };
          if (take) {
            query.add(p);
          }
        }
        if (rnd.nextBoolean()) {
          query.add("/not-in-any-set");
        }
        assertEquals(reference(byCountry, country, query), truth.visitorsWithAnyOf(country, query),
            "round " + round + " country " + country + " query " + query);
        int[] numbers = new int[query.size() * 2];
        int n = 0;
        for (String p : query) {
          int number = truth.pageNumber(country, p);
          if (number >= 0) {
            numbers[n++] = number;
            if (rnd.nextInt(4) == 0) {
              numbers[n++] = number; // repeats are allowed
            }
          }
        }
        assertEquals(reference(byCountry, country, query), truth.visitorsWithAnyOfNumbers(country, numbers, n),
            "round " + round + " country " + country + " query by numbers " + query);
        // The same count from the pages left out: the visitors who viewed a page other than those kept.
        Set<String> kept = new HashSet<>(pages);
        kept.removeAll(query);
        int[] keptNumbers = new int[kept.size() * 2];
        int m = 0;
        for (String p : kept) {
          int number = truth.pageNumber(country, p);
          if (number >= 0) {
            keptNumbers[m++] = number;
            if (rnd.nextInt(4) == 0) {
              keptNumbers[m++] = number; // repeats are allowed
            }
          }
        }
        assertEquals(reference(byCountry, country, query), truth.visitorsWithAnyBut(country, keptNumbers, m),
            "round " + round + " country " + country + " query by the pages kept " + kept);
      }
    }
  }

  private static CountryPageSets roundTrip(CountryPageSets sets) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(sets);
      }
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (CountryPageSets) in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
