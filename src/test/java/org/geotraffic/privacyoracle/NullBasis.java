package org.geotraffic.privacyoracle;

import java.util.BitSet;
import java.util.List;

/**
 * A basis of the null space {y : A y = 0} of a 0/1 matrix A (rows = published functionals, columns =
 * atoms), as integer vectors. A vector x is in the row space of A exactly when x is orthogonal to every
 * vector here (row space = orthogonal complement of the null space, over the rationals).
 *
 * <p>An atom in no vector's support is <em>determined</em>: its unit vector is in the row space, so the
 * attacker can compute its sums exactly.
 */
record NullBasis(int columns, List<int[]> supports, List<long[]> coefficients, int[] freeColumns) {

    NullBasis {
        supports = List.copyOf(supports);
        coefficients = List.copyOf(coefficients);
        if (supports.size() != coefficients.size() || supports.size() != freeColumns.length) {
            throw new IllegalArgumentException("supports, coefficients and free columns differ in length");
        }
    }

    /**
     * The same basis with column c renamed {@code names[c]}. Vector i is the one of free column
     * {@code freeColumns[i]}: its only entry among the free columns (reduced echelon form).
     */
    NullBasis relabel(int[] names) {
        List<int[]> renamed = new java.util.ArrayList<>(supports.size());
        for (int[] support : supports) {
            int[] copy = new int[support.length];
            for (int i = 0; i < support.length; i++) {
                copy[i] = names[support[i]];
            }
            renamed.add(copy);
        }
        int[] frees = new int[freeColumns.length];
        for (int i = 0; i < frees.length; i++) {
            frees[i] = names[freeColumns[i]];
        }
        return new NullBasis(columns, renamed, coefficients, frees);
    }

    int size() {
        return supports.size();
    }

    BitSet undeterminedColumns() {
        BitSet undetermined = new BitSet(columns);
        for (int[] support : supports) {
            for (int column : support) {
                undetermined.set(column);
            }
        }
        return undetermined;
    }

    /** Whether the 0/1 vector with ones at {@code ones} lies in the row space. Exact. */
    boolean rowSpaceContains(BitSet ones) {
        for (int v = 0; v < supports.size(); v++) {
            int[] support = supports.get(v);
            long[] coefficient = coefficients.get(v);
            long dot = 0;
            for (int i = 0; i < support.length; i++) {
                if (ones.get(support[i])) {
                    dot = Math.addExact(dot, coefficient[i]);
                }
            }
            if (dot != 0) {
                return false;
            }
        }
        return true;
    }
}
