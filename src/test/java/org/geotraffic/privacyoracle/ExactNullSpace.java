package org.geotraffic.privacyoracle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact null space of a 0/1 matrix (rows = published functionals, columns = atoms).
 *
 * <p><b>Why this is exact.</b> The fast path eliminates modulo p = 2^61 - 1 ({@link ModularRowSpace}),
 * rebuilds each null vector's entries as fractions a/b with |a|, b below 2^30 (rational reconstruction),
 * scales them to integers and then <em>checks over the integers</em> that every row of the matrix is
 * orthogonal to every such vector. That check proves that these n - r_p independent vectors lie in the
 * rational null space, so rank_Q(A) is at most r_p; and r_p is at most rank_Q(A) for any prime, because a
 * minor that is non-zero modulo p is non-zero. Hence rank_Q = r_p and the vectors are a basis of the
 * rational null space: the answer is exact, whatever the prime. If reconstruction or the check fails
 * (denominators too large, or p divides a minor that matters), the whole matrix is eliminated again with
 * BigInteger fraction-free arithmetic. {@link Outcome#fallback()} says which path was taken.
 *
 * <p>Total unimodularity is not assumed anywhere. Day x page x country with all three kinds of line sums
 * published (a day's page_countries cells, the pages and countries of each day, and a week's page_countries
 * summed over days) is a 3-D table with its 2-D margins, and that matrix is not totally unimodular: for 2
 * pages x 2 countries x 3 days it has a 9x9 submatrix of determinant 2 ({@code ExactLinearAlgebraTest}
 * computes it). So a null vector may have any rational entries, and elimination must be exact.
 */
final class ExactNullSpace {

    private static final long RECONSTRUCTION_BOUND = (1L << 30) - 1;

    private ExactNullSpace() {
    }

    record Outcome(NullBasis basis, int rank, boolean fallback) {
    }

    static Outcome of(int columns, List<int[]> rows) {
        ModularRowSpace.Echelon echelon = ModularRowSpace.reduce(columns, rows);
        List<int[]> supports = new ArrayList<>();
        List<long[]> residues = echelon.nullVectorsModP(supports);
        List<long[]> integers = new ArrayList<>(residues.size());
        for (long[] vector : residues) {
            long[] integer = toIntegers(vector);
            if (integer == null) {
                return new Outcome(byBigIntegers(columns, rows), echelon.rank(), true);
            }
            integers.add(integer);
        }
        int[] frees = new int[supports.size()];
        for (int v = 0; v < frees.length; v++) {
            int[] support = supports.get(v);
            frees[v] = support[support.length - 1];
        }
        NullBasis basis = new NullBasis(columns, supports, integers, frees);
        if (!orthogonalToEveryRow(basis, columns, rows)) {
            NullBasis exact = byBigIntegers(columns, rows);
            return new Outcome(exact, columns - exact.size(), true);
        }
        return new Outcome(basis, echelon.rank(), false);
    }

    /** Rational reconstruction of every entry, then the smallest integer multiple. Null if not possible. */
    private static long[] toIntegers(long[] residues) {
        long[] numerators = new long[residues.length];
        long[] denominators = new long[residues.length];
        long lcm = 1;
        try {
            for (int i = 0; i < residues.length; i++) {
                long[] fraction = reconstruct(residues[i]);
                if (fraction == null) {
                    return null;
                }
                numerators[i] = fraction[0];
                denominators[i] = fraction[1];
                lcm = Math.multiplyExact(lcm / gcd(lcm, fraction[1]), fraction[1]);
            }
            long[] integers = new long[residues.length];
            long common = 0;
            for (int i = 0; i < residues.length; i++) {
                integers[i] = Math.multiplyExact(numerators[i], lcm / denominators[i]);
                common = gcd(common, Math.abs(integers[i]));
            }
            for (int i = 0; i < integers.length; i++) {
                integers[i] /= common;
            }
            return integers;
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** a/b with a = b * u (mod p), |a| and b at most 2^30 - 1, or null. */
    static long[] reconstruct(long u) {
        if (u == 0) {
            return new long[]{0, 1};
        }
        long r0 = ModularRowSpace.P;
        long r1 = u;
        long t0 = 0;
        long t1 = 1;
        while (r1 > RECONSTRUCTION_BOUND) {
            long q = r0 / r1;
            long r2 = r0 - q * r1;
            r0 = r1;
            r1 = r2;
            long t2 = t0 - q * t1;
            t0 = t1;
            t1 = t2;
        }
        if (t1 == 0 || Math.abs(t1) > RECONSTRUCTION_BOUND) {
            return null;
        }
        long numerator = t1 < 0 ? -r1 : r1;
        long denominator = Math.abs(t1);
        if (gcd(Math.abs(numerator), denominator) != 1) {
            return null;
        }
        return new long[]{numerator, denominator};
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    /** Integer check: every row's dot product with every null vector is 0. */
    private static boolean orthogonalToEveryRow(NullBasis basis, int columns, List<int[]> rows) {
        int[] degree = new int[columns];
        for (int[] row : rows) {
            for (int column : row) {
                degree[column]++;
            }
        }
        int[][] rowsOfColumn = new int[columns][];
        for (int column = 0; column < columns; column++) {
            rowsOfColumn[column] = new int[degree[column]];
        }
        int[] fill = new int[columns];
        for (int r = 0; r < rows.size(); r++) {
            for (int column : rows.get(r)) {
                rowsOfColumn[column][fill[column]++] = r;
            }
        }
        long[] dot = new long[rows.size()];
        int[] touched = new int[rows.size()];
        boolean[] isTouched = new boolean[rows.size()];
        try {
            for (int v = 0; v < basis.size(); v++) {
                int[] support = basis.supports().get(v);
                long[] coefficient = basis.coefficients().get(v);
                int touchedCount = 0;
                for (int i = 0; i < support.length; i++) {
                    for (int r : rowsOfColumn[support[i]]) {
                        dot[r] = Math.addExact(dot[r], coefficient[i]);
                        if (!isTouched[r]) {
                            isTouched[r] = true;
                            touched[touchedCount++] = r;
                        }
                    }
                }
                boolean zero = true;
                for (int i = 0; i < touchedCount; i++) {
                    int r = touched[i];
                    zero &= dot[r] == 0;
                    dot[r] = 0;
                    isTouched[r] = false;
                }
                if (!zero) {
                    return false;
                }
            }
        } catch (ArithmeticException overflow) {
            return false;
        }
        return true;
    }

    /**
     * Fraction-free Gauss-Jordan elimination over the integers (BigInteger): slow, exact, independent of
     * the modular path. Used as the fallback and by the tests as a reference.
     */
    static NullBasis byBigIntegers(int columns, List<int[]> rows) {
        List<BigInteger[]> reduced = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (int[] row : rows) {
            BigInteger[] r = new BigInteger[columns];
            java.util.Arrays.fill(r, BigInteger.ZERO);
            for (int column : row) {
                r[column] = BigInteger.ONE;
            }
            for (int b = 0; b < reduced.size(); b++) {
                int pivot = pivots.get(b);
                if (r[pivot].signum() != 0) {
                    r = combine(reduced.get(b)[pivot], r, r[pivot], reduced.get(b));
                }
            }
            int pivot = -1;
            for (int column = 0; column < columns; column++) {
                if (r[column].signum() != 0) {
                    pivot = column;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            normalize(r);
            for (int b = 0; b < reduced.size(); b++) {
                BigInteger[] other = reduced.get(b);
                if (other[pivot].signum() != 0) {
                    BigInteger[] updated = combine(r[pivot], other, other[pivot], r);
                    normalize(updated);
                    reduced.set(b, updated);
                }
            }
            reduced.add(r);
            pivots.add(pivot);
        }
        boolean[] isPivot = new boolean[columns];
        for (int pivot : pivots) {
            isPivot[pivot] = true;
        }
        List<int[]> supports = new ArrayList<>();
        List<long[]> coefficients = new ArrayList<>();
        List<Integer> frees = new ArrayList<>();
        for (int free = 0; free < columns; free++) {
            if (isPivot[free]) {
                continue;
            }
            frees.add(free);
            BigInteger scale = BigInteger.ONE;
            for (int b = 0; b < reduced.size(); b++) {
                BigInteger[] row = reduced.get(b);
                if (row[free].signum() != 0) {
                    BigInteger p = row[pivots.get(b)].abs();
                    scale = scale.divide(scale.gcd(p)).multiply(p);
                }
            }
            List<int[]> entries = new ArrayList<>();
            List<BigInteger> values = new ArrayList<>();
            for (int b = 0; b < reduced.size(); b++) {
                BigInteger[] row = reduced.get(b);
                if (row[free].signum() != 0) {
                    int pivot = pivots.get(b);
                    entries.add(new int[]{pivot});
                    values.add(row[free].negate().multiply(scale).divide(row[pivot]));
                }
            }
            entries.add(new int[]{free});
            values.add(scale);
            BigInteger common = BigInteger.ZERO;
            for (BigInteger value : values) {
                common = common.gcd(value);
            }
            Integer[] order = new Integer[entries.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(entries.get(a)[0], entries.get(b)[0]));
            int[] support = new int[order.length];
            long[] coefficient = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                support[i] = entries.get(order[i])[0];
                coefficient[i] = values.get(order[i]).divide(common).longValueExact();
            }
            supports.add(support);
            coefficients.add(coefficient);
        }
        return new NullBasis(columns, supports, coefficients, frees.stream().mapToInt(Integer::intValue).toArray());
    }

    /** a * x - b * y, entry by entry. */
    private static BigInteger[] combine(BigInteger a, BigInteger[] x, BigInteger b, BigInteger[] y) {
        BigInteger[] out = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = a.multiply(x[i]).subtract(b.multiply(y[i]));
        }
        return out;
    }

    private static void normalize(BigInteger[] row) {
        BigInteger common = BigInteger.ZERO;
        for (BigInteger value : row) {
            common = common.gcd(value);
        }
        if (common.signum() != 0 && !common.equals(BigInteger.ONE)) {
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i].divide(common);
            }
        }
    }
}
