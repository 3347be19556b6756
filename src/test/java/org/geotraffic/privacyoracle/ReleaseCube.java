package org.geotraffic.privacyoracle;

import java.util.BitSet;

/**
 * One release's truth summed per space cell (page x place) of its site's universe: the distinct visitors
 * (as a set of visitor numbers), hits, page views and bytes of the events the release includes. Rows,
 * unions of rows and derived sets are measured from it.
 */
final class ReleaseCube {

    final PublishedRelease release;
    final RowMeaning meaning;
    private final SiteUniverse universe;
    private final BitSet[] visitors;
    private final long[] hits;
    private final long[] pageViews;
    private final long[] bytes;

    private ReleaseCube(SiteUniverse universe, PublishedRelease release) {
        this.universe = universe;
        this.release = release;
        this.meaning = RowMeaning.of(release.rows());
        int cells = universe.spaceCellCount();
        this.visitors = new BitSet[cells];
        this.hits = new long[cells];
        this.pageViews = new long[cells];
        this.bytes = new long[cells];
        for (int cell = 0; cell < cells; cell++) {
            visitors[cell] = new BitSet();
        }
    }

    static ReleaseCube of(SiteData data, PublishedRelease release) {
        ReleaseCube cube = new ReleaseCube(data.universe, release);
        for (SiteData.Cell cell : data.cellsOf(release.request())) {
            int space = cell.space();
            cube.visitors[space].or(cell.visitors());
            cube.hits[space] += cell.hits();
            cube.pageViews[space] += cell.pageViews();
            cube.bytes[space] += cell.bytes();
        }
        return cube;
    }

    /** The space cells of a row of this release. */
    BitSet cellsOf(RowKey key) {
        BitSet cells = new BitSet();
        for (int page = 0; page < universe.pageCount(); page++) {
            if (!meaning.includesPage(key, universe.pages.get(page))) {
                continue;
            }
            for (int place = 0; place < universe.placeCount(); place++) {
                if (meaning.includesPlace(key, universe.placeCountry.get(place), universe.placeRegion.get(place))) {
                    cells.set(universe.spaceCell(page, place));
                }
            }
        }
        return cells;
    }

    BitSet visitorsOf(BitSet cells) {
        BitSet union = new BitSet();
        for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
            union.or(visitors[cell]);
        }
        return union;
    }

    Measures measure(BitSet cells, boolean withBytes) {
        long h = 0;
        long pv = 0;
        long b = 0;
        for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
            h += hits[cell];
            pv += pageViews[cell];
            b += bytes[cell];
        }
        return new Measures(visitorsOf(cells).cardinality(), h, pv, withBytes ? b : 0);
    }
}
