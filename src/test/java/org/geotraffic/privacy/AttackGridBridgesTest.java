package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The attack decides which hidden cells the row and column sums determine by searching bridges of the
 * bipartite graph of unknowns. This checks that against Gaussian elimination on 5,000 random grids.
 */
class AttackGridBridgesTest {

  @Test
  void bridgeSearch_agreesWithGaussianElimination_onRandomGrids() {
    Random random = new Random(20261125);
    int determinedSeen = 0;
    for (int trial = 0; trial < 5_000; trial++) {
      int rows = 1 + random.nextInt(7);
      int cols = 1 + random.nextInt(7);
      double density = random.nextDouble();
      boolean[][] unknown = new boolean[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          unknown[r][c] = random.nextDouble() < density;
        }
      }
      Set<String> byBridges = keys(AttackGrid.determinedPositions(unknown, rows, cols));
      Set<String> byElimination = keys(byElimination(unknown, rows, cols));
      assertEquals(byElimination, byBridges, "trial " + trial);
      determinedSeen += byBridges.size();
    }
    // The comparison is not vacuous: many grids have determined cells.
    org.junit.jupiter.api.Assertions.assertTrue(determinedSeen > 1_000, "determined cells seen: " + determinedSeen);
  }

  @Test
  void singleHiddenCellInARow_isDetermined_twoByTwoIsNot() {
    boolean[][] one = {{true, false}, {false, false}};
    assertEquals(Set.of("0,0"), keys(AttackGrid.determinedPositions(one, 2, 2)));
    boolean[][] square = {{true, true}, {true, true}};
    assertEquals(Set.of(), keys(AttackGrid.determinedPositions(square, 2, 2)));
  }

  private static Set<String> keys(List<int[]> positions) {
    Set<String> out = new TreeSet<>();
    positions.forEach(p -> out.add(p[0] + "," + p[1]));
    return out;
  }

  private static List<int[]> byElimination(boolean[][] unknown, int rows, int cols) {
    List<int[]> vars = new ArrayList<>();
    int[][] index = new int[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        index[r][c] = -1;
        if (unknown[r][c]) {
          index[r][c] = vars.size();
          vars.add(new int[] {r, c});
        }
      }
    }
    int n = vars.size();
    List<int[]> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    List<long[]> eqs = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long[] e = new long[n];
      for (int c = 0; c < cols; c++) {
        if (index[r][c] >= 0) {
          e[index[r][c]] = 1;
        }
      }
      eqs.add(e);
    }
    for (int c = 0; c < cols; c++) {
      long[] e = new long[n];
      for (int r = 0; r < rows; r++) {
        if (index[r][c] >= 0) {
          e[index[r][c]] = 1;
        }
      }
      eqs.add(e);
    }
    int[] pivotRowOfVar = LinearSystems.reducedRowEchelon(eqs, n);
    for (int v = 0; v < n; v++) {
      if (pivotRowOfVar[v] < 0) {
        continue;
      }
      long[] row = eqs.get(pivotRowOfVar[v]);
      boolean determined = true;
      for (int f = 0; f < n && determined; f++) {
        if (f != v && pivotRowOfVar[f] < 0 && row[f] != 0) {
          determined = false;
        }
      }
      if (determined) {
        out.add(vars.get(v));
      }
    }
    return out;
  }
}
