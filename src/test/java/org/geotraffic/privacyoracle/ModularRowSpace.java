package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gaussian elimination of a 0/1 matrix modulo the prime p = 2^61 - 1, to reduced row echelon form, and the
 * null-space basis read off it. This is only the fast <em>structure finder</em>: {@link ExactNullSpace}
 * turns its answer into rational numbers and proves it over the integers, so no result of the oracle
 * rests on arithmetic modulo p.
 *
 * <p>Rows are given as sorted column indices (the columns where they are 1). Rows are eliminated in the
 * order given; putting rows with small supports first keeps the echelon rows local and sparse.
 */
final class ModularRowSpace {

    static final long P = (1L << 61) - 1;

    private ModularRowSpace() {
    }

    /** The reduced echelon form: pivot columns and, per pivot, its reduced row (sparse). */
    record Echelon(int columns, int[] pivotColumns, int[][] rowColumns, long[][] rowValues) {

        int rank() {
            return pivotColumns.length;
        }

        /**
         * Null vectors modulo p, one per free column f: -R[c][f] at each pivot c (ascending), then 1 at f
         * (the last entry of each support is its free column).
         */
        List<long[]> nullVectorsModP(List<int[]> supportsOut) {
            boolean[] isPivot = new boolean[columns];
            for (int pivot : pivotColumns) {
                isPivot[pivot] = true;
            }
            List<List<long[]>> entries = new ArrayList<>(columns);
            for (int column = 0; column < columns; column++) {
                entries.add(isPivot[column] ? null : new ArrayList<>());
            }
            for (int r = 0; r < pivotColumns.length; r++) {
                int[] cols = rowColumns[r];
                long[] vals = rowValues[r];
                for (int i = 0; i < cols.length; i++) {
                    if (!isPivot[cols[i]]) {
                        entries.get(cols[i]).add(new long[]{pivotColumns[r], negate(vals[i])});
                    }
                }
            }
            List<long[]> vectors = new ArrayList<>();
            for (int free = 0; free < columns; free++) {
                if (isPivot[free]) {
                    continue;
                }
                List<long[]> list = entries.get(free);
                list.sort((a, b) -> Long.compare(a[0], b[0]));
                int[] support = new int[list.size() + 1];
                long[] values = new long[list.size() + 1];
                for (int i = 0; i < list.size(); i++) {
                    support[i] = (int) list.get(i)[0];
                    values[i] = list.get(i)[1];
                }
                support[list.size()] = free;
                values[list.size()] = 1;
                supportsOut.add(support);
                vectors.add(values);
            }
            return vectors;
        }
    }

    static Echelon reduce(int columns, List<int[]> rows) {
        long[] work = new long[columns];
        int[] pivotRowOfColumn = new int[columns];
        Arrays.fill(pivotRowOfColumn, -1);
        List<int[]> basisColumns = new ArrayList<>();
        List<long[]> basisValues = new ArrayList<>();
        List<Integer> basisLast = new ArrayList<>();
        for (int[] row : rows) {
            if (row.length == 0) {
                continue;
            }
            int last = row[row.length - 1];
            for (int column : row) {
                work[column] = 1;
            }
            int pivot = -1;
            for (int j = row[0]; j <= last; j++) {
                long v = work[j];
                if (v == 0) {
                    continue;
                }
                int b = pivotRowOfColumn[j];
                if (b < 0) {
                    pivot = j;
                    break;
                }
                int[] bc = basisColumns.get(b);
                long[] bv = basisValues.get(b);
                for (int i = 0; i < bc.length; i++) {
                    work[bc[i]] = sub(work[bc[i]], mul(v, bv[i]));
                }
                last = Math.max(last, basisLast.get(b));
            }
            if (pivot < 0) {
                continue;
            }
            long scale = inverse(work[pivot]);
            int count = 0;
            for (int j = pivot; j <= last; j++) {
                if (work[j] != 0) {
                    count++;
                }
            }
            int[] cols = new int[count];
            long[] vals = new long[count];
            int n = 0;
            for (int j = pivot; j <= last; j++) {
                if (work[j] != 0) {
                    cols[n] = j;
                    vals[n] = mul(work[j], scale);
                    n++;
                    work[j] = 0;
                }
            }
            pivotRowOfColumn[pivot] = basisColumns.size();
            basisColumns.add(cols);
            basisValues.add(vals);
            basisLast.add(cols[count - 1]);
        }
        return backSubstitute(columns, pivotRowOfColumn, basisColumns, basisValues, work);
    }

    /** Clears every pivot column out of the other rows, last pivot first: the reduced row echelon form. */
    private static Echelon backSubstitute(int columns, int[] pivotRowOfColumn, List<int[]> basisColumns,
                                          List<long[]> basisValues, long[] work) {
        int rank = basisColumns.size();
        int[] pivotColumns = new int[rank];
        for (int column = 0; column < columns; column++) {
            if (pivotRowOfColumn[column] >= 0) {
                pivotColumns[pivotRowOfColumn[column]] = column;
            }
        }
        Integer[] order = new Integer[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(pivotColumns[b], pivotColumns[a]));
        int[][] reducedColumns = new int[rank][];
        long[][] reducedValues = new long[rank][];
        boolean[] touched = new boolean[columns];
        int[] touchedList = new int[columns];
        for (int r : order) {
            int[] cols = basisColumns.get(r);
            long[] vals = basisValues.get(r);
            int touchedCount = 0;
            for (int i = 0; i < cols.length; i++) {
                work[cols[i]] = vals[i];
                touched[cols[i]] = true;
                touchedList[touchedCount++] = cols[i];
            }
            for (int i = 1; i < cols.length; i++) {
                int other = pivotRowOfColumn[cols[i]];
                if (other < 0) {
                    continue;
                }
                long v = work[cols[i]];
                if (v == 0) {
                    continue;
                }
                int[] oc = reducedColumns[other];
                long[] ov = reducedValues[other];
                for (int j = 0; j < oc.length; j++) {
                    int column = oc[j];
                    if (!touched[column]) {
                        touched[column] = true;
                        touchedList[touchedCount++] = column;
                    }
                    work[column] = sub(work[column], mul(v, ov[j]));
                }
            }
            Arrays.sort(touchedList, 0, touchedCount);
            int count = 0;
            for (int i = 0; i < touchedCount; i++) {
                if (work[touchedList[i]] != 0) {
                    count++;
                }
            }
            int[] outCols = new int[count];
            long[] outVals = new long[count];
            int n = 0;
            for (int i = 0; i < touchedCount; i++) {
                int column = touchedList[i];
                if (work[column] != 0) {
                    outCols[n] = column;
                    outVals[n] = work[column];
                    n++;
                }
                work[column] = 0;
                touched[column] = false;
            }
            reducedColumns[r] = outCols;
            reducedValues[r] = outVals;
        }
        return new Echelon(columns, pivotColumns, reducedColumns, reducedValues);
    }

    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    static long sub(long a, long b) {
        long r = a - b;
        return r < 0 ? r + P : r;
    }

    static long negate(long a) {
        return a == 0 ? 0 : P - a;
    }

    static long inverse(long a) {
        if (a == 0) {
            throw new ArithmeticException("zero has no inverse");
        }
        long result = 1;
        long base = a;
        long exponent = P - 2;
        while (exponent > 0) {
            if ((exponent & 1) == 1) {
                result = mul(result, base);
            }
            base = mul(base, base);
            exponent >>= 1;
        }
        return result;
    }

    /** The residue of a (possibly negative) integer. */
    static long residue(long value) {
        long r = value % P;
        return r < 0 ? r + P : r;
    }
}
