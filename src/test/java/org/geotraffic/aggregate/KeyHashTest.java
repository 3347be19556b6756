package org.geotraffic.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHashTest {
  private record Plain(String page, String country) {}

  /** Neighbouring pages and two-letter countries: the keys of page_countries. */
  @Test
  void pagesAndCountriesKeepTheirOwnHashes() {
    Set<Integer> mixed = new HashSet<>();
    Set<Integer> plain = new HashSet<>();
    int pairs = 0;
    for (int i = 0; i < 2000; i++) {
      String page = "/products/map/widget-" + i;
      for (char a = 'A'; a <= 'Z'; a++) {
        for (char b = 'A'; b <= 'Z'; b++) {
          String country = "" + a + b;
          mixed.add(KeyHash.of("www.example.com", page, country));
          plain.add(new Plain(page, country).hashCode());
          pairs++;
        }
      }
    }
    // What the record's own hashCode gives these keys: 163,384 distinct hashes for 1,352,000 keys.
    assertTrue(plain.size() < pairs / 4, "record hashes: " + plain.size() + " distinct of " + pairs);
    assertTrue(mixed.size() > pairs * 0.999, "mixed hashes: " + mixed.size() + " distinct of " + pairs);
  }

  @Test
  void nullsAndOrderCount() {
    assertEquals(KeyHash.of("a", null), KeyHash.of("a", null));
    assertTrue(KeyHash.of("a", "b") != KeyHash.of("b", "a"));
    assertTrue(KeyHash.of("s", "a", "b") != KeyHash.of("s", "b", "a"));
  }
}
