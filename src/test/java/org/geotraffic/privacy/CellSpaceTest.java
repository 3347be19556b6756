package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a set of cells holds, as {@link CellSpace} answers it (cells numbered by size, page sets by number), against
 * the definition on the tables' own rows: sums of the matching cells, visitors through each country's page sets.
 */
class CellSpaceTest {
  @Test
  void randomTablesAndKeySets_contentAsDefined() {
    Random rnd = new Random(20261207L);
    for (int round = 0; round < 300; round++) {
      List<UnsuppressedDay> tables = new ArrayList<>();
      for (int t = 1 + rnd.nextInt(3); t > 0; t--) {
        RandomDays.Shape shape = RandomDays.Shape.values()[rnd.nextInt(RandomDays.Shape.values().length)];
        tables.add(RandomDays.aggregate("2026-01-0" + (1 + t), "s", RandomDays.visits(rnd, shape)));
      }
      CellSpace space = new CellSpace(tables);
      List<String> pages = new ArrayList<>();
      List<String> countries = new ArrayList<>();
      for (UnsuppressedDay t : tables) {
        t.countriesByPage().forEach((p, g) -> {
          pages.add(p);
          g.children().forEach(c -> countries.add(c.key()));
        });
      }
      for (int q = 0; q < 30; q++) {
        KeySet k = KeySet.page(cond(rnd, pages), cond(rnd, countries));
        BitSet cells = space.cells(k);
        for (UnsuppressedDay t : tables) {
          assertEquals(reference(t, k), space.content(t, KeySet.Side.PAGE, cells), "round " + round + " " + k);
          assertEquals(reference(t, k).hits(), space.additive(t, KeySet.Side.PAGE, cells).hits());
        }
      }
    }
  }

  private static KeySet.Cond cond(Random rnd, List<String> keys) {
    if (keys.isEmpty() || rnd.nextInt(3) == 0) {
      return KeySet.Cond.ANY;
    }
    if (rnd.nextBoolean()) {
      return KeySet.Cond.one(keys.get(rnd.nextInt(keys.size())));
    }
    Set<String> excluded = new HashSet<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      excluded.add(keys.get(rnd.nextInt(keys.size())));
    }
    return KeySet.Cond.not(excluded);
  }

  private static CellSpace.Content reference(UnsuppressedDay t, KeySet k) {
    long hits = 0;
    long pageviews = 0;
    long bytes = 0;
    Map<String, Set<String>> pagesByCountry = new HashMap<>();
    for (Map.Entry<String, ChildGroup> e : t.countriesByPage().entrySet()) {
      for (Cell c : e.getValue().children()) {
        if (!k.matches(e.getKey(), c.key())) {
          continue;
        }
        Measures m = c.measures();
        hits += m.hits();
        pageviews += m.pageviews();
        bytes += m.bytes();
        if (m.visitors() + m.hits() + m.pageviews() + m.bytes() > 0) {
          pagesByCountry.computeIfAbsent(c.key(), x -> new HashSet<>()).add(e.getKey());
        }
      }
    }
    long visitors = 0;
    for (Map.Entry<String, Set<String>> e : pagesByCountry.entrySet()) {
      visitors += t.pageSets().visitorsWithAnyOf(e.getKey(), e.getValue());
    }
    return new CellSpace.Content(visitors, hits, pageviews, bytes);
  }
}
