package org.geotraffic.privacyoracle;

import java.util.List;

/**
 * Reference publisher (a), deliberately unsafe: each release on its own, every row of every table with k
 * or more visitors, small rows simply left out; no "(other)" rows, no secondary suppression, no ledger.
 * Differencing within one release (a total minus its published parts) gives small groups away.
 */
public final class NaivePublisher implements HistoryPublisher {

    @Override
    public List<PublishedRow> publish(ReleaseRequest request, List<Event> truth, List<PublishedRelease> earlier) {
        return TruthRows.rows(TruthRows.ownKeys(truth), truth).stream()
                .filter(row -> row.measures().visitors() >= request.k())
                .toList();
    }
}
