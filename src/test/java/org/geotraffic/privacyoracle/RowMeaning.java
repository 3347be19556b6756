package org.geotraffic.privacyoracle;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's reading of one release's rows: which (page, country, region) cells each row's events
 * come from. This is the one place that defines the published semantics; everything else asks it.
 *
 * <p>Every row's event set is a product "page part x geography part" within the release's truth:
 * <ul>
 *   <li>TOTALS: all pages x all places.</li>
 *   <li>COUNTRIES c: all pages x country c. COUNTRIES (other): all pages x every country not published
 *       as its own COUNTRIES row.</li>
 *   <li>REGIONS (c, r): all pages x region r. REGIONS (c, (other)): all pages x the regions of c not
 *       published as their own REGIONS row of c.</li>
 *   <li>PAGES p: page p x all places. PAGES (other): every page not published as its own PAGES row.</li>
 *   <li>PAGE_COUNTRIES (p, c): page p x country c. (p, (other)): page p x every country whose (p, c)
 *       cell is not published as its own row. ((other pages), c): every page whose (page, c) cell is
 *       not published as its own row x country c.</li>
 * </ul>
 * Residuals are relative to the rows of the same release only.
 */
final class RowMeaning {

    private final Set<String> countries = new HashSet<>();
    private final Map<String, Set<String>> regionsByCountry = new HashMap<>();
    private final Set<String> pages = new HashSet<>();
    private final Map<String, Set<String>> countriesByPage = new HashMap<>();

    private RowMeaning(Collection<RowKey> keys) {
        for (RowKey key : keys) {
            switch (key.table()) {
                case COUNTRIES -> {
                    if (!key.isResidual()) {
                        countries.add(key.country());
                    }
                }
                case REGIONS -> {
                    if (!key.isResidual()) {
                        regionsByCountry.computeIfAbsent(key.country(), c -> new HashSet<>()).add(key.region());
                    }
                }
                case PAGES -> {
                    if (!key.isResidual()) {
                        pages.add(key.page());
                    }
                }
                case PAGE_COUNTRIES -> {
                    if (!key.isResidual()) {
                        countriesByPage.computeIfAbsent(key.page(), p -> new HashSet<>()).add(key.country());
                    }
                }
                case TOTALS -> {
                }
            }
        }
    }

    static RowMeaning ofKeys(Collection<RowKey> keys) {
        return new RowMeaning(keys);
    }

    static RowMeaning of(List<PublishedRow> rows) {
        return new RowMeaning(rows.stream().map(PublishedRow::key).toList());
    }

    /** Whether an event on this page, in this country and region, belongs to the row. */
    boolean includes(RowKey key, String page, String country, String region) {
        return includesPage(key, page) && includesPlace(key, country, region);
    }

    boolean includes(RowKey key, Event event) {
        return includes(key, event.page(), event.country(), event.region());
    }

    /** The page part of the row's product set. */
    boolean includesPage(RowKey key, String page) {
        return switch (key.table()) {
            case TOTALS, COUNTRIES, REGIONS -> true;
            case PAGES -> RowKey.OTHER.equals(key.page()) ? !pages.contains(page) : key.page().equals(page);
            case PAGE_COUNTRIES -> RowKey.OTHER_PAGES.equals(key.page())
                    ? !publishedPageCountry(page, key.country())
                    : key.page().equals(page);
        };
    }

    /** The geography part of the row's product set. */
    boolean includesPlace(RowKey key, String country, String region) {
        return switch (key.table()) {
            case TOTALS, PAGES -> true;
            case COUNTRIES -> RowKey.OTHER.equals(key.country())
                    ? !countries.contains(country)
                    : key.country().equals(country);
            case REGIONS -> key.country().equals(country) && (RowKey.OTHER.equals(key.region())
                    ? !regionsByCountry.getOrDefault(country, Set.of()).contains(region)
                    : key.region().equals(region));
            case PAGE_COUNTRIES -> {
                if (RowKey.OTHER_PAGES.equals(key.page())) {
                    yield key.country().equals(country);
                }
                yield RowKey.OTHER.equals(key.country())
                        ? !publishedPageCountry(key.page(), country)
                        : key.country().equals(country);
            }
        };
    }

    private boolean publishedPageCountry(String page, String country) {
        return countriesByPage.getOrDefault(page, Set.of()).contains(country);
    }

    /** The row's true numbers over a release's truth. */
    static Measures measure(RowMeaning meaning, RowKey key, Collection<Event> truth) {
        Set<Long> visitors = new HashSet<>();
        long hits = 0;
        long pageViews = 0;
        long bytes = 0;
        for (Event event : truth) {
            if (meaning.includes(key, event)) {
                if (!event.isBot()) {
                    visitors.add(event.visitor());
                }
                hits += event.hits();
                pageViews += event.pageViews();
                bytes += event.bytes();
            }
        }
        return new Measures(visitors.size(), hits, pageViews, key.table().hasBytes() ? bytes : 0);
    }
}
