package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The indexed group answers {@code knows} as the scan over the group's ranges did, on random groups and targets. */
class ReleaseBlocksGroupTest {
  /** The scan ReleaseBlocks.knowsVarying did before the index, over one group's ranges. */
  private static boolean reference(List<KeyRange> group, KeyRange target) {
    KeyRange union = KeyRange.EMPTY;
    for (KeyRange r : group) {
      if (r.minus(target).equals(KeyRange.EMPTY)) {
        union = union.union(r);
      }
    }
    if (union.equals(target)) {
      return true;
    }
    for (KeyRange parent : group) {
      if (!target.minus(parent).equals(KeyRange.EMPTY) || parent.equals(target)) {
        continue;
      }
      KeyRange rest = parent.minus(target);
      KeyRange restUnion = KeyRange.EMPTY;
      for (KeyRange r : group) {
        if (r.minus(rest).equals(KeyRange.EMPTY)) {
          restUnion = restUnion.union(r);
        }
      }
      if (restUnion.equals(rest)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> someValues(Random rnd) {
    Set<String> s = new HashSet<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      s.add("k" + rnd.nextInt(6));
    }
    return s;
  }

  /** What rows give (a single, every value, every value but some), now and then another finite range. */
  private static KeyRange rowRange(Random rnd, boolean otherFinite) {
    int kind = rnd.nextInt(otherFinite ? 4 : 3);
    return switch (kind) {
      case 0 -> new KeyRange(false, Set.of("k" + rnd.nextInt(6)));
      case 1 -> KeyRange.ALL;
      case 2 -> new KeyRange(true, someValues(rnd));
      default -> new KeyRange(false, someValues(rnd));
    };
  }

  @Test
  void randomGroups_sameAnswersAsTheScan() {
    Random rnd = new Random(20261207L);
    for (int i = 0; i < 30_000; i++) {
      boolean otherFinite = i % 5 == 0;
      ReleaseBlocks.Group group = new ReleaseBlocks.Group();
      List<KeyRange> ranges = new ArrayList<>();
      for (int j = rnd.nextInt(8); j > 0; j--) {
        KeyRange r = rnd.nextInt(3) == 0 ? rowRange(rnd, otherFinite) : new KeyRange(false, Set.of("k" + rnd.nextInt(6)));
        ranges.add(r);
        group.add(r);
      }
      KeyRange target = new KeyRange(rnd.nextBoolean(), someValues(rnd));
      assertEquals(reference(ranges, target), group.knows(target), "group " + ranges + " target " + target);
    }
  }
}
