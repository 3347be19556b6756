package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sums over slices the attacker can work out for one set of cells that several releases publish:
 * each release that publishes the set gives the sum over its slices. Slices that the same releases cover
 * always appear together, so they form one class; the attacker can work out a 0/1 sum over classes exactly
 * when it lies in the span of the releases' rows. Lists the class sets that are derivable with the new
 * release's row and were not derivable without it. Exhaustive up to {@link #MAX_CLASSES} classes (larger
 * systems: each class on its own and each release minus each other). Exact: elimination modulo two primes,
 * a set counts as derivable only when both agree. Pure Java; immutable.
 */
final class SliceLattice {
  static final int MAX_CLASSES = 14;
  private static final long[] PRIMES = {2147483647L, 2147483629L};

  private SliceLattice() {}

  /**
   * @param rows row i is the class mask a release covers; row 0 is the new release
   * @param classes how many classes there are
   * @return class masks derivable with row 0 and not without it
   */
  static List<Long> newlyDerivable(long[] rows, int classes) {
    List<Long> out = new ArrayList<>();
    if (classes > MAX_CLASSES) {
      for (int c = 0; c < classes; c++) {
        check(rows, classes, 1L << c, out);
      }
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows.length; j++) {
          if (i != j && (rows[j] & ~rows[i]) == 0 && rows[j] != rows[i]) {
            check(rows, classes, rows[i] & ~rows[j], out);
          }
        }
      }
      return out;
    }
    List<long[][]> with = new ArrayList<>();
    List<long[][]> without = new ArrayList<>();
    for (long prime : PRIMES) {
      with.add(nullSpace(rows, 0, classes, prime));
      without.add(nullSpace(rows, 1, classes, prime));
    }
    for (long mask = 1; mask < (1L << classes); mask++) {
      boolean in = true;
      boolean before = true;
      for (int p = 0; p < PRIMES.length; p++) {
        in &= orthogonal(with.get(p), mask, PRIMES[p]);
        before &= orthogonal(without.get(p), mask, PRIMES[p]);
      }
      if (in && !before) {
        out.add(mask);
      }
    }
    return out;
  }

  private static void check(long[] rows, int classes, long mask, List<Long> out) {
    if (mask == 0 || out.contains(mask)) {
      return;
    }
    boolean in = true;
    boolean before = true;
    for (long prime : PRIMES) {
      in &= orthogonal(nullSpace(rows, 0, classes, prime), mask, prime);
      before &= orthogonal(nullSpace(rows, 1, classes, prime), mask, prime);
    }
    if (in && !before) {
      out.add(mask);
    }
  }

  /** Whether the 0/1 vector {@code mask} is orthogonal to every null-space vector: then it lies in the row space. */
  private static boolean orthogonal(long[][] kernel, long mask, long prime) {
    for (long[] z : kernel) {
      long dot = 0;
      for (long m = mask; m != 0; m &= m - 1) {
        dot += z[Long.numberOfTrailingZeros(m)];
      }
      if (Math.floorMod(dot, prime) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A basis of {y : row . y = 0 for every row from {@code from}} modulo {@code prime}. */
  private static long[][] nullSpace(long[] rows, int from, int classes, long prime) {
    int n = rows.length - from;
    long[][] m = new long[n][classes];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < classes; c++) {
        m[i][c] = (rows[i + from] >>> c & 1L);
      }
    }
    int[] pivotOfCol = new int[classes];
    java.util.Arrays.fill(pivotOfCol, -1);
    int r = 0;
    for (int c = 0; c < classes && r < n; c++) {
      int sel = -1;
      for (int i = r; i < n; i++) {
        if (m[i][c] != 0) {
          sel = i;
          break;
        }
      }
      if (sel < 0) {
        continue;
      }
      long[] t = m[sel];
      m[sel] = m[r];
      m[r] = t;
      long inv = inverse(m[r][c], prime);
      for (int j = 0; j < classes; j++) {
        m[r][j] = m[r][j] * inv % prime;
      }
      for (int i = 0; i < n; i++) {
        if (i != r && m[i][c] != 0) {
          long f = m[i][c];
          for (int j = 0; j < classes; j++) {
            m[i][j] = Math.floorMod(m[i][j] - f * m[r][j] % prime, prime);
          }
        }
      }
      pivotOfCol[c] = r;
      r++;
    }
    List<long[]> basis = new ArrayList<>();
    for (int free = 0; free < classes; free++) {
      if (pivotOfCol[free] >= 0) {
        continue;
      }
      long[] y = new long[classes];
      y[free] = 1;
      for (int c = 0; c < classes; c++) {
        if (pivotOfCol[c] >= 0) {
          y[c] = Math.floorMod(-m[pivotOfCol[c]][free], prime);
        }
      }
      basis.add(y);
    }
    return basis.toArray(long[][]::new);
  }

  private static long inverse(long a, long prime) {
    long result = 1;
    long base = Math.floorMod(a, prime);
    long e = prime - 2;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * base % prime;
      }
      base = base * base % prime;
      e >>= 1;
    }
    return result;
  }
}
