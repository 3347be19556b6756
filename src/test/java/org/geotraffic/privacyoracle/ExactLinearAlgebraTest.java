package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactLinearAlgebraTest {

    @Test
    void theLineSumMatrixOfATwoByTwoByThreeTableIsNotTotallyUnimodular() {
        // Cells (a, b, c) of a 2 x 2 x 3 table, numbered a*6 + b*3 + c; rows: the sums over a (6), over b
        // (6) and over c (4): page x country, page x day and country x day margins.
        List<int[]> rows = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                rows.add(new int[]{b * 3 + c, 6 + b * 3 + c});
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 3; c++) {
                rows.add(new int[]{a * 6 + c, a * 6 + 3 + c});
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                rows.add(new int[]{a * 6 + b * 3, a * 6 + b * 3 + 1, a * 6 + b * 3 + 2});
            }
        }
        int[] pickedRows = {0, 1, 2, 3, 8, 10, 12, 13, 15};
        int[] pickedColumns = {0, 1, 2, 3, 5, 7, 8, 9, 10};
        BigInteger[][] sub = new BigInteger[9][9];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                int column = pickedColumns[j];
                boolean one = false;
                for (int c : rows.get(pickedRows[i])) {
                    one |= c == column;
                }
                sub[i][j] = one ? BigInteger.ONE : BigInteger.ZERO;
            }
        }
        assertEquals(BigInteger.TWO, determinant(sub).abs());
    }

    /** Bareiss fraction-free determinant. */
    private static BigInteger determinant(BigInteger[][] matrix) {
        int n = matrix.length;
        BigInteger[][] m = new BigInteger[n][];
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        BigInteger previous = BigInteger.ONE;
        int sign = 1;
        for (int k = 0; k < n - 1; k++) {
            if (m[k][k].signum() == 0) {
                int swap = k + 1;
                while (swap < n && m[swap][k].signum() == 0) {
                    swap++;
                }
                if (swap == n) {
                    return BigInteger.ZERO;
                }
                BigInteger[] t = m[k];
                m[k] = m[swap];
                m[swap] = t;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    m[i][j] = m[i][j].multiply(m[k][k]).subtract(m[i][k].multiply(m[k][j])).divide(previous);
                }
            }
            previous = m[k][k];
        }
        return sign > 0 ? m[n - 1][n - 1] : m[n - 1][n - 1].negate();
    }

    @Test
    void rationalReconstructionRecoversSmallFractions() {
        long sevenths = ModularRowSpace.mul(ModularRowSpace.residue(-3), ModularRowSpace.inverse(7));
        assertArrayEquals(new long[]{-3, 7}, ExactNullSpace.reconstruct(sevenths));
        assertArrayEquals(new long[]{5, 1}, ExactNullSpace.reconstruct(5));
        assertArrayEquals(new long[]{0, 1}, ExactNullSpace.reconstruct(0));
    }

    @Test
    void theCertifiedModularNullSpaceEqualsTheBigIntegerOneOnRandomZeroOneMatrices() {
        SplittableRandom random = new SplittableRandom(20260302L);
        int fallbacks = 0;
        for (int trial = 0; trial < 400; trial++) {
            int columns = 1 + random.nextInt(30);
            int rowCount = 1 + random.nextInt(40);
            List<int[]> rows = new ArrayList<>();
            for (int r = 0; r < rowCount; r++) {
                BitSet row = new BitSet();
                double density = 0.05 + random.nextDouble() * 0.5;
                for (int c = 0; c < columns; c++) {
                    if (random.nextDouble() < density) {
                        row.set(c);
                    }
                }
                if (!row.isEmpty()) {
                    rows.add(row.stream().toArray());
                }
            }
            ExactNullSpace.Outcome fast = ExactNullSpace.of(columns, rows);
            NullBasis reference = ExactNullSpace.byBigIntegers(columns, rows);
            fallbacks += fast.fallback() ? 1 : 0;
            String context = "trial " + trial + " columns " + columns + " rows " + rows.size();
            assertEquals(reference.size(), fast.basis().size(), context);
            assertEquals(reference.undeterminedColumns(), fast.basis().undeterminedColumns(), context);
            // Same space: every 0/1 vector over a few columns agrees on membership.
            for (int probe = 0; probe < 50; probe++) {
                BitSet x = new BitSet();
                for (int c = 0; c < columns; c++) {
                    if (random.nextInt(3) == 0) {
                        x.set(c);
                    }
                }
                assertEquals(reference.rowSpaceContains(x), fast.basis().rowSpaceContains(x), context);
            }
            for (int[] row : rows) {
                BitSet x = new BitSet();
                for (int c : row) {
                    x.set(c);
                }
                assertTrue(fast.basis().rowSpaceContains(x), context);
            }
        }
        assertEquals(0, fallbacks, "random 0/1 matrices never need the BigInteger fallback");
    }

    @Test
    void aVectorOutsideTheRowSpaceIsRejected() {
        List<int[]> rows = List.of(new int[]{0, 1}, new int[]{1, 2});
        NullBasis basis = ExactNullSpace.of(3, rows).basis();
        BitSet middle = new BitSet();
        middle.set(1);
        BitSet ends = new BitSet();
        ends.set(0);
        ends.set(2);
        assertFalse(basis.rowSpaceContains(middle));
        assertFalse(basis.rowSpaceContains(ends));
        BitSet all = new BitSet();
        all.set(0, 3);
        assertFalse(basis.rowSpaceContains(all), "(1,1,1) is not a combination of (1,1,0) and (0,1,1)");
    }
}
