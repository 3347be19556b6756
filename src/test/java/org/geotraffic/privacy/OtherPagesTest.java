package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "(other pages)" rests from a day's cells index (what the suppressor uses in its rounds) are the rests read cell by
 * cell (what the audit uses), on random days and candidates with random keys hidden.
 */
class OtherPagesTest {
  @Test
  void randomDaysAndCandidates_restsFromTheIndexAreTheRestsReadCellByCell() {
    Random rnd = new Random(20261208L);
    int compared = 0;
    for (int i = 0; i < 3_000; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s" + i, RandomDays.visits(rnd, shape));
      SuppressionPolicy policy = new SuppressionPolicy(2 + rnd.nextInt(8), java.util.Map.of(), rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(5));
      Set<String> pageCountries = new HashSet<>();
      for (var e : day.countriesByPage().entrySet()) {
        for (Cell c : e.getValue().children()) {
          if (rnd.nextInt(3) == 0) {
            pageCountries.add(Suppressor.Hidden.pair(e.getKey(), c.key()));
          }
        }
      }
      Suppressor.Hidden hidden = new Suppressor.Hidden(false, Set.of(), Set.of(), Set.of(), pageCountries);
      PublishedDay candidate = new Suppressor(policy).suppress(day, rnd.nextBoolean() ? hidden : Suppressor.Hidden.NONE);
      OtherPages.Cells cells = new OtherPages.Cells(day);
      assertEquals(OtherPages.rests(day, candidate), OtherPages.rests(cells, candidate), "day " + i);
      assertEquals(OtherPages.unpublishable(day, candidate, policy), OtherPages.unpublishable(cells, candidate, policy), "day " + i);
      compared += OtherPages.rests(day, candidate).size();
    }
    assertTrue(compared > 1_000, "rests compared: " + compared);
  }
}
