package org.geotraffic.privacyoracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A second, deliberately naive implementation of attack (A) for tiny cases, to check the oracle against:
 * no atom merging, no modular arithmetic, no branch and bound. The unknowns are the raw cells (day, batch,
 * page, place) covered by some published row; the null space comes from BigInteger elimination; then
 * every one of the 2^n 0/1 vectors is visited (Gray code order) and tested for orthogonality to the null
 * space and for 1..k-1 visitors. Only the row meanings ({@link RowMeaning}) are shared with the oracle.
 */
final class BruteForceAttack {

    static final int MAX_CELLS = 20;

    enum Verdict { FOUND, NONE, TOO_LARGE }

    record Result(Verdict verdict, int cells, String witness) {
    }

    private BruteForceAttack() {
    }

    /** All releases must be of one site. */
    static Result additive(List<Event> events, List<PublishedRelease> releases) {
        String site = releases.get(0).site();
        List<Event> siteEvents = events.stream().filter(e -> e.site().equals(site)).toList();
        SiteData data = SiteData.of(site, siteEvents, releases);
        SiteUniverse universe = data.universe;
        int k = releases.stream().mapToInt(r -> r.request().k()).max().orElseThrow();
        TreeSet<LocalDate> days = new TreeSet<>();
        TreeSet<Integer> batches = new TreeSet<>();
        for (PublishedRelease release : releases) {
            for (LocalDate day = release.request().first(); !day.isAfter(release.request().last());
                 day = day.plusDays(1)) {
                days.add(day);
            }
            batches.addAll(release.request().batches());
        }
        List<BitSet> rowCells = new ArrayList<>();
        List<ReleaseRequest> rowRequests = new ArrayList<>();
        for (PublishedRelease release : releases) {
            ReleaseCube cube = ReleaseCube.of(data, release);
            for (PublishedRow row : release.rows()) {
                rowCells.add(cube.cellsOf(row.key()));
                rowRequests.add(release.request());
            }
        }
        Map<String, Integer> indexOfCell = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<List<Integer>> rowsOfCell = new ArrayList<>();
        for (LocalDate day : days) {
            for (int batch : batches) {
                for (int space = 0; space < universe.spaceCellCount(); space++) {
                    List<Integer> rows = new ArrayList<>();
                    for (int r = 0; r < rowCells.size(); r++) {
                        ReleaseRequest request = rowRequests.get(r);
                        if (request.coversDay(day) && request.batches().contains(batch) && rowCells.get(r).get(space)) {
                            rows.add(r);
                        }
                    }
                    if (!rows.isEmpty()) {
                        indexOfCell.put(day + "/" + batch + "/" + space, names.size());
                        names.add(day + " b" + batch + " " + universe.describeCell(space));
                        rowsOfCell.add(rows);
                    }
                }
            }
        }
        int n = names.size();
        if (n > MAX_CELLS) {
            return new Result(Verdict.TOO_LARGE, n, "");
        }
        List<List<Integer>> cellsOfRow = new ArrayList<>();
        for (int r = 0; r < rowCells.size(); r++) {
            cellsOfRow.add(new ArrayList<>());
        }
        for (int cell = 0; cell < n; cell++) {
            for (int r : rowsOfCell.get(cell)) {
                cellsOfRow.get(r).add(cell);
            }
        }
        List<int[]> matrix = cellsOfRow.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
        NullBasis basis = ExactNullSpace.byBigIntegers(n, matrix);

        List<List<Integer>> visitorsOfCell = new ArrayList<>();
        for (int cell = 0; cell < n; cell++) {
            visitorsOfCell.add(new ArrayList<>());
        }
        for (Event event : siteEvents) {
            Integer cell = indexOfCell.get(event.day() + "/" + event.batch() + "/" + universe.cellOf(event));
            if (cell != null && !event.isBot()) {
                visitorsOfCell.get(cell).add(universe.visitorOf(event));
            }
        }
        long[][] coefficientOfCell = new long[n][basis.size()];
        for (int v = 0; v < basis.size(); v++) {
            int[] support = basis.supports().get(v);
            for (int i = 0; i < support.length; i++) {
                coefficientOfCell[support[i]][v] = basis.coefficients().get(v)[i];
            }
        }
        long[] dots = new long[basis.size()];
        int[] visitorCount = new int[universe.visitorCount()];
        int distinct = 0;
        long state = 0;
        for (long step = 1; step < (1L << n); step++) {
            int cell = Long.numberOfTrailingZeros(step);
            state ^= 1L << cell;
            int sign = (state & (1L << cell)) != 0 ? 1 : -1;
            for (int v = 0; v < dots.length; v++) {
                dots[v] += sign * coefficientOfCell[cell][v];
            }
            for (int visitor : visitorsOfCell.get(cell)) {
                if (sign > 0) {
                    if (visitorCount[visitor]++ == 0) {
                        distinct++;
                    }
                } else if (--visitorCount[visitor] == 0) {
                    distinct--;
                }
            }
            if (distinct > 0 && distinct < k && allZero(dots)) {
                List<String> witness = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if ((state & (1L << c)) != 0) {
                        witness.add(names.get(c));
                    }
                }
                return new Result(Verdict.FOUND, n, distinct + " visitors: " + witness);
            }
        }
        return new Result(Verdict.NONE, n, "");
    }

    private static boolean allZero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
