package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
        RowMeaning meaning = RowMeaning.ofKeys(keys);
        List<PublishedRow> rows = new ArrayList<>();
        for (RowKey key : keys) {
            rows.add(new PublishedRow(key, RowMeaning.measure(meaning, key, truth)));
        }
        return rows;
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
