package org.geotraffic.privacyoracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A site's micro-data summed once per (day, batch, page, place): the distinct visitors (as visitor numbers
 * of the {@link SiteUniverse}), hits, page views and bytes. Every release, atom and row is measured from
 * these sums, never from the events again.
 */
final class SiteData {

    /** The events of one (day, batch, space cell). */
    record Cell(LocalDate day, int batch, int space, BitSet visitors, long hits, long pageViews, long bytes) {
    }

    final SiteUniverse universe;
    private final TreeMap<LocalDate, List<Cell>> cellsByDay = new TreeMap<>();

    private SiteData(SiteUniverse universe) {
        this.universe = universe;
    }

    static SiteData of(String site, List<Event> siteEvents, List<PublishedRelease> siteReleases) {
        SiteUniverse universe = SiteUniverse.of(site, siteEvents, siteReleases);
        Map<Long, MutableCell> cells = new HashMap<>();
        for (Event event : siteEvents) {
            int space = universe.cellOf(event);
            long key = ((event.day().toEpochDay() << 20) + event.batch()) * universe.spaceCellCount() + space;
            MutableCell cell = cells.computeIfAbsent(key, x -> new MutableCell(event.day(), event.batch(), space));
            int visitor = universe.visitorOf(event);
            if (visitor >= 0) {
                cell.visitors.set(visitor);
            }
            cell.hits += event.hits();
            cell.pageViews += event.pageViews();
            cell.bytes += event.bytes();
        }
        SiteData data = new SiteData(universe);
        Map<LocalDate, List<Cell>> unordered = new HashMap<>();
        for (MutableCell cell : cells.values()) {
            unordered.computeIfAbsent(cell.day, d -> new ArrayList<>()).add(new Cell(cell.day, cell.batch, cell.space,
                    cell.visitors, cell.hits, cell.pageViews, cell.bytes));
        }
        data.cellsByDay.putAll(unordered);
        return data;
    }

    /** The cells a release includes: day in its window, batch in its batches. */
    List<Cell> cellsOf(ReleaseRequest request) {
        List<Cell> included = new ArrayList<>();
        for (List<Cell> day : cellsByDay.subMap(request.first(), true, request.last(), true).values()) {
            for (Cell cell : day) {
                if (request.batches().contains(cell.batch())) {
                    included.add(cell);
                }
            }
        }
        return included;
    }

    List<Cell> allCells() {
        List<Cell> all = new ArrayList<>();
        cellsByDay.values().forEach(all::addAll);
        return all;
    }

    private static final class MutableCell {
        final LocalDate day;
        final int batch;
        final int space;
        final BitSet visitors = new BitSet();
        long hits;
        long pageViews;
        long bytes;

        MutableCell(LocalDate day, int batch, int space) {
            this.day = day;
            this.batch = batch;
            this.space = space;
        }
    }
}
