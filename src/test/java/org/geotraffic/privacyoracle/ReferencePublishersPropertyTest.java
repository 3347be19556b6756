package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two reference publishers over 2,000 random histories each (-Dprivacyoracle.histories to change):
 * the oracle must catch the naive one in a single release and the per-release-safe one across releases.
 */
class ReferencePublishersPropertyTest {

    private static final long SEED = 20260302L;
    private static final int HISTORIES = Integer.getInteger("privacyoracle.histories", 2_000);

    @Test
    void naivePublisherIsCaughtBySingleReleaseDifferencing() {
        PropertyReport report = HistoryProperty.check(new NaivePublisher(), SEED, HISTORIES);
        System.out.println(report.format());

        assertEquals(List.of(), report.errors(), report::format);
        assertTrue(report.historiesWithDisclosureInAReleaseAlone() > 0.5 * HISTORIES, report::format);
    }

    @Test
    void perReleaseSafePublisherPassesEachReleaseAloneAndIsCaughtAcrossReleases() {
        PropertyReport report = HistoryProperty.check(new PerReleaseSafePublisher(), SEED, HISTORIES);
        System.out.println(report.format());

        assertEquals(List.of(), report.errors(), report::format);
        assertEquals(0, report.historiesWithDisclosureInAReleaseAlone(), report::format);
        assertTrue(report.historiesCaughtOnlyAcrossReleases() > 0.2 * HISTORIES, report::format);
    }
}
