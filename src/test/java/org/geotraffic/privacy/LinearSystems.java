package org.geotraffic.privacy;

import java.util.List;

/**
 * Gauss-Jordan elimination over the prime field GF(2^31 - 1): the reference that {@link
 * AttackGridBridgesTest} checks the linear-time bridge search against.
 *
 * <p>Only which unknowns are determined matters, not their values, so the elimination runs on the
 * coefficient matrix alone. The attacker's equations are row and column sums of a 2-D table, a
 * network matrix: totally unimodular, every minor is 0 or +-1, so ranks over this field equal ranks
 * over the rationals.
 */
final class LinearSystems {
  static final long P = 2147483647L;

  private LinearSystems() {}

  /**
   * Reduces the equations in place to reduced row echelon form.
   *
   * @return for each unknown, the index in {@code eqs} of the row whose pivot it is, or -1
   */
  static int[] reducedRowEchelon(List<long[]> eqs, int unknowns) {
    int[] pivotRow = new int[unknowns];
    java.util.Arrays.fill(pivotRow, -1);
    int next = 0;
    for (int col = 0; col < unknowns && next < eqs.size(); col++) {
      int sel = -1;
      for (int r = next; r < eqs.size(); r++) {
        if (eqs.get(r)[col] != 0) {
          sel = r;
          break;
        }
      }
      if (sel < 0) {
        continue;
      }
      long[] tmp = eqs.get(sel);
      eqs.set(sel, eqs.get(next));
      eqs.set(next, tmp);
      long[] pivot = eqs.get(next);
      long inv = inverse(pivot[col]);
      for (int j = 0; j < unknowns; j++) {
        pivot[j] = pivot[j] * inv % P;
      }
      for (int r = 0; r < eqs.size(); r++) {
        long[] row = eqs.get(r);
        if (r == next || row[col] == 0) {
          continue;
        }
        long f = row[col];
        for (int j = 0; j < unknowns; j++) {
          if (pivot[j] != 0) {
            row[j] = Math.floorMod(row[j] - f * pivot[j] % P, P);
          }
        }
      }
      pivotRow[col] = next;
      next++;
    }
    return pivotRow;
  }

  private static long inverse(long a) {
    long result = 1;
    long base = Math.floorMod(a, P);
    long e = P - 2;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * base % P;
      }
      base = base * base % P;
      e >>= 1;
    }
    return result;
  }
}
