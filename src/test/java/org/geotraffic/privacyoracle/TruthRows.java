package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows with their true numbers, for the reference publishers and hand-made test cases: given the keys a
 * release publishes (residual keys included), each row's numbers over the release's truth under
 * {@link RowMeaning}.
 */
final class TruthRows {

    private TruthRows() {
    }

    static List<PublishedRow> rows(Collection<RowKey> keys, Collection<Event> truth) {
        return Cells.of(truth).rows(keys);
    }

    /** A truth summed once per (page, country, region), to measure many candidate row sets quickly. */
    static final class Cells {
        private final Map<List<String>, CellSums> cells = new HashMap<>();

        static Cells of(Collection<Event> truth) {
            Cells table = new Cells();
            for (Event event : truth) {
                table.cells.computeIfAbsent(List.of(event.page(), event.country(), event.region()),
                        c -> new CellSums()).add(event);
            }
            return table;
        }

        List<PublishedRow> rows(Collection<RowKey> keys) {
            RowMeaning meaning = RowMeaning.ofKeys(keys);
            List<PublishedRow> rows = new ArrayList<>();
            for (RowKey key : keys) {
                Set<Long> visitors = new HashSet<>();
                long hits = 0;
                long pageViews = 0;
                long bytes = 0;
                for (Map.Entry<List<String>, CellSums> cell : cells.entrySet()) {
                    List<String> at = cell.getKey();
                    if (meaning.includes(key, at.get(0), at.get(1), at.get(2))) {
                        CellSums sums = cell.getValue();
                        visitors.addAll(sums.visitors);
                        hits += sums.hits;
                        pageViews += sums.pageViews;
                        bytes += sums.bytes;
                    }
                }
                rows.add(new PublishedRow(key, new Measures(visitors.size(), hits, pageViews,
                        key.table().hasBytes() ? bytes : 0)));
            }
            return rows;
        }
    }

    /** The events of one (page, country, region) cell, summed. */
    private static final class CellSums {
        final Set<Long> visitors = new HashSet<>();
        long hits;
        long pageViews;
        long bytes;

        void add(Event event) {
            if (!event.isBot()) {
                visitors.add(event.visitor());
            }
            hits += event.hits();
            pageViews += event.pageViews();
            bytes += event.bytes();
        }
    }

    /** Every non-residual key the truth has: totals, countries, regions, pages, page x country. */
    static List<RowKey> ownKeys(Collection<Event> truth) {
        TreeSet<String> countries = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> pages = new TreeSet<>();
        TreeSet<String> pageCountries = new TreeSet<>();
        for (Event event : truth) {
            countries.add(event.country());
            regions.add(event.country() + "\u0000" + event.region());
            pages.add(event.page());
            pageCountries.add(event.page() + "\u0000" + event.country());
        }
        List<RowKey> keys = new ArrayList<>();
        if (!truth.isEmpty()) {
            keys.add(RowKey.totals());
        }
        countries.forEach(c -> keys.add(RowKey.country(c)));
        for (String region : regions) {
            String[] parts = region.split("\u0000");
            keys.add(RowKey.region(parts[0], parts[1]));
        }
        pages.forEach(p -> keys.add(RowKey.page(p)));
        for (String pageCountry : pageCountries) {
            String[] parts = pageCountry.split("\u0000");
            keys.add(RowKey.pageCountry(parts[0], parts[1]));
        }
        return keys;
    }
}
