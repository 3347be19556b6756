package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reference publisher (b): each release made safe <em>on its own</em>, against attacks (A) and (B) within
 * that release only, and blind to the ledger. This is the "deliberately broken variant (the audit
 * ignores the ledger)" in spirit: every release passes the oracle alone, yet a week minus its published
 * days, or a new version minus the old one, can give small groups away.
 *
 * <p>Greedy, in three steps:
 * <ol>
 *   <li>primary: every own row (totals, country, region, page, page x country) with k or more visitors;</li>
 *   <li>residuals: per group (countries of the total, regions of a country, pages of the total, countries
 *       of a page, pages of a country) the "(other)" row when it has k or more visitors; while a group has
 *       hidden cells and its residual is below k, hide its smallest published cell as well;</li>
 *   <li>ask {@link HistoryOracle} about this release alone; for each disclosure hide the smallest row it
 *       touches (TOTALS last), redo step 2, and ask again until nothing is found.</li>
 * </ol>
 * Hiding only ever grows, so this ends; publishing nothing is safe.
 */
public final class PerReleaseSafePublisher implements HistoryPublisher {

    private final HistoryOracle oracle;

    public PerReleaseSafePublisher() {
        this(new HistoryOracle(HistoryOracle.DEFAULT_NODE_BUDGET, false));
    }

    public PerReleaseSafePublisher(HistoryOracle oracle) {
        this.oracle = oracle;
    }

    @Override
    public List<PublishedRow> publish(ReleaseRequest request, List<Event> truth, List<PublishedRelease> earlier) {
        int k = request.k();
        TruthRows.Cells cells = TruthRows.Cells.of(truth);
        Set<RowKey> own = new LinkedHashSet<>();
        Map<RowKey, Long> ownVisitors = new HashMap<>();
        for (PublishedRow row : cells.rows(TruthRows.ownKeys(truth))) {
            ownVisitors.put(row.key(), row.measures().visitors());
            if (row.measures().visitors() >= k) {
                own.add(row.key());
            }
        }
        List<Group> groups = groups(truth);
        Set<RowKey> residuals = new LinkedHashSet<>();
        groups.forEach(group -> residuals.add(group.residual));
        while (true) {
            List<PublishedRow> rows = closeGroups(own, residuals, groups, ownVisitors, cells, k);
            List<Disclosure> found = oracle.attack(truth, List.of(new PublishedRelease(request, rows)));
            if (found.isEmpty()) {
                return rows;
            }
            Map<RowKey, Long> visitorsOf = new HashMap<>();
            for (PublishedRow row : rows) {
                visitorsOf.put(row.key(), row.measures().visitors());
            }
            Set<RowKey> hide = new LinkedHashSet<>();
            for (Disclosure disclosure : found) {
                disclosure.rows().stream()
                        .map(RowReference::key)
                        .filter(visitorsOf::containsKey)
                        .min(Comparator.comparing((RowKey key) -> key.table() == Table.TOTALS)
                                .thenComparing(visitorsOf::get)
                                .thenComparing(RowKey::toString))
                        .ifPresent(hide::add);
            }
            if (hide.isEmpty()) {
                throw new IllegalStateException("the oracle found " + found + " but names no published row");
            }
            own.removeAll(hide);
            residuals.removeAll(hide);
        }
    }

    /** A parent row, its own child cells, and the residual of the children not published. */
    private record Group(RowKey parent, List<RowKey> children, RowKey residual) {
    }

    /**
     * Hides the smallest published cell of every group whose hidden cells are not covered by a residual
     * of k or more, until none is left; returns the own rows plus the residuals that reach k.
     */
    private static List<PublishedRow> closeGroups(Set<RowKey> own, Set<RowKey> residuals, List<Group> groups,
                                                  Map<RowKey, Long> ownVisitors, TruthRows.Cells cells, int k) {
        while (true) {
            List<RowKey> keys = new ArrayList<>(own);
            keys.addAll(residuals);
            List<PublishedRow> rows = cells.rows(keys);
            Map<RowKey, Long> residualVisitors = new HashMap<>();
            for (PublishedRow row : rows) {
                if (row.key().isResidual()) {
                    residualVisitors.put(row.key(), row.measures().visitors());
                }
            }
            boolean changed = false;
            for (Group group : groups) {
                boolean someHidden = group.children.stream()
                        .anyMatch(child -> ownVisitors.containsKey(child) && !own.contains(child));
                boolean residualPasses = residuals.contains(group.residual)
                        && residualVisitors.getOrDefault(group.residual, 0L) >= k;
                if (!someHidden || residualPasses) {
                    continue;
                }
                RowKey smallest = group.children.stream().filter(own::contains)
                        .min(Comparator.comparing((RowKey key) -> ownVisitors.get(key)).thenComparing(RowKey::toString))
                        .orElse(null);
                if (smallest != null) {
                    own.remove(smallest);
                    changed = true;
                }
            }
            if (!changed) {
                List<PublishedRow> published = new ArrayList<>();
                for (PublishedRow row : rows) {
                    if (!row.key().isResidual() || row.measures().visitors() >= k) {
                        published.add(row);
                    }
                }
                return published;
            }
        }
    }

    private static List<Group> groups(List<Event> truth) {
        Set<String> countries = new TreeSet<>();
        Set<String> pages = new TreeSet<>();
        Map<String, Set<String>> regions = new HashMap<>();
        for (Event event : truth) {
            countries.add(event.country());
            pages.add(event.page());
            regions.computeIfAbsent(event.country(), c -> new TreeSet<>()).add(event.region());
        }
        List<Group> groups = new ArrayList<>();
        if (truth.isEmpty()) {
            return groups;
        }
        groups.add(new Group(RowKey.totals(), countries.stream().map(RowKey::country).toList(),
                RowKey.country(RowKey.OTHER)));
        for (String country : countries) {
            groups.add(new Group(RowKey.country(country),
                    regions.get(country).stream().map(r -> RowKey.region(country, r)).toList(),
                    RowKey.region(country, RowKey.OTHER)));
        }
        groups.add(new Group(RowKey.totals(), pages.stream().map(RowKey::page).toList(), RowKey.page(RowKey.OTHER)));
        for (String page : pages) {
            groups.add(new Group(RowKey.page(page), countries.stream().map(c -> RowKey.pageCountry(page, c)).toList(),
                    RowKey.pageCountry(page, RowKey.OTHER)));
        }
        for (String country : countries) {
            groups.add(new Group(RowKey.country(country),
                    pages.stream().map(p -> RowKey.pageCountry(p, country)).toList(),
                    RowKey.pageCountry(RowKey.OTHER_PAGES, country)));
        }
        return groups;
    }
}
