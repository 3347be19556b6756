package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case-by-case within, disjoint and unionOf give what their definitions through minus and union give. */
class KeyRangeTest {
  private static KeyRange random(Random rnd) {
    Set<String> values = new HashSet<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      values.add("k" + rnd.nextInt(5));
    }
    return new KeyRange(rnd.nextBoolean(), values);
  }

  @Test
  void randomRanges_sameAsDefinitions() {
    Random rnd = new Random(20261207L);
    for (int i = 0; i < 20_000; i++) {
      KeyRange a = random(rnd);
      KeyRange b = random(rnd);
      assertEquals(a.minus(b).equals(KeyRange.EMPTY), a.within(b), a + " within " + b);
      assertEquals(a.minus(a.minus(b)).equals(KeyRange.EMPTY), a.disjoint(b), a + " disjoint " + b);
      List<KeyRange> some = new ArrayList<>();
      KeyRange folded = KeyRange.EMPTY;
      for (int j = rnd.nextInt(5); j > 0; j--) {
        KeyRange r = random(rnd);
        some.add(r);
        folded = folded.union(r);
      }
      assertEquals(folded, KeyRange.unionOf(some), "union of " + some);
    }
  }
}
