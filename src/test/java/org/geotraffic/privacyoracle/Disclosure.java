package org.geotraffic.privacyoracle;

import java.util.List;
import java.util.Objects;

/**
 * Something an attacker can work out from a site's releases that describes 1..k-1 visitors (or a
 * published row below k).
 *
 * @param kind        which attack found it
 * @param site        the site
 * @param visitors    how many distinct visitors the derived number describes (0 only for
 *                    {@link Kind#ROW_BELOW_K} rows of bots alone)
 * @param k           the threshold it was judged against
 * @param releases    labels of the releases whose rows it uses or touches
 * @param rows        the published rows that touch the derived set (for (A): every row whose set meets it;
 *                    for (B): the rows whose visitor numbers are combined); a publisher may hide one of them
 * @param description test-only text naming the days, batches and keys of the derived set
 */
public record Disclosure(Kind kind, String site, long visitors, int k, List<String> releases,
                         List<RowReference> rows, String description) {

    public enum Kind {
        /** A published row itself has fewer than k visitors (0-visitor rows included). */
        ROW_BELOW_K,
        /**
         * (A) A 0/1 combination of atoms in the span of the published additive numbers (hits, page
         * views, bytes) of all the site's releases, whose events have 1..k-1 visitors.
         */
        ADDITIVE_COMBINATION,
        /**
         * (B) Within one release: a union of place-disjoint pieces, derived from visitor numbers of rows
         * with the same page set, that has 1..k-1 visitors.
         */
        VISITORS_WITHIN_RELEASE,
        /**
         * (B) Across two releases where the smaller one's events are contained in the larger one's (a day
         * in its week or month, an earlier version in a later one): visitors of a derived set of the larger
         * release minus those of a derived subset of the smaller one, in 1..k-1.
         */
        VISITORS_DIFFERENCE_ACROSS_RELEASES
    }

    public Disclosure {
        Objects.requireNonNull(kind, "kind");
        releases = List.copyOf(releases);
        rows = List.copyOf(rows);
    }

    @Override
    public String toString() {
        return kind + " site=" + site + " visitors=" + visitors + " (k=" + k + ") releases=" + releases + ": "
                + description;
    }
}
