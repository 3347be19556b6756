package org.geotraffic.privacyoracle;

import java.util.List;

/**
 * What the harness needs from a publisher, so that the same property test ({@link HistoryProperty}) can
 * judge the reference publishers here and, later, the real job's suppressor.
 *
 * <p>The harness calls {@link #publish} once per release, in publication order, for every site of a
 * generated history, and then attacks everything that was published ({@link HistoryOracle}).
 */
@FunctionalInterface
public interface HistoryPublisher {

    /**
     * The rows to publish for one release.
     *
     * @param request what to publish: site, window (a day, an ISO week or a calendar month), the batches it
     *                includes (a revision includes more than the version before it), k, and a label unique
     *                within the site ("day 2026-03-02 v2", "week 2026-W10 v1", "month 2026-03 v1")
     * @param truth   the events of the request's site with a day in the window and a batch in its batches
     *                (bot lines included, visitor {@link Event#BOT})
     * @param earlier everything published before for the same site, in publication order: the ledger. A
     *                publisher that ignores it cannot protect releases against each other.
     * @return the published rows, residual rows ("(other)", "(other pages)") included, each with the true
     *         numbers of its meaning as defined in {@link RowMeaning} (the oracle rejects any other number);
     *         PAGE_COUNTRIES bytes are ignored
     */
    List<PublishedRow> publish(ReleaseRequest request, List<Event> truth, List<PublishedRelease> earlier);
}
