package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: it invents nothing, replays from a seed, and reports a publisher's mistakes. */
class HistoryPropertyTest {

    private static final long SEED = 7L;

    @Test
    void aPublisherThatPublishesNothingPassesAndTheSearchIsExhaustive() {
        PropertyReport report = HistoryProperty.check((request, truth, earlier) -> List.of(), SEED, 30);

        assertEquals(List.of(), report.failures(), report::format);
        assertTrue(report.coverage().exhaustive(), report::format);
        assertEquals(30, report.histories());
    }

    @Test
    void aFailingHistoryReplaysFromItsSeedWithTheSameFindings() {
        PropertyReport report = HistoryProperty.check(new NaivePublisher(), SEED, 10);
        HistoryVerdict failure = report.failures().get(0);

        HistoryVerdict replay = HistoryProperty.checkOne(new NaivePublisher(), failure.historySeed());

        assertEquals(failure.disclosures(), replay.disclosures());
        assertEquals(failure.examples(), replay.examples());
        assertEquals(failure.summary(), replay.summary());
        assertTrue(report.format().contains(Long.toString(failure.historySeed())), report::format);
    }

    @Test
    void verdictsDoNotDependOnTheNumberOfThreads() {
        List<HistoryVerdict> one = HistoryProperty.check(new NaivePublisher(), SEED, 12, 1).verdicts();
        List<HistoryVerdict> two = HistoryProperty.check(new NaivePublisher(), SEED, 12, 2).verdicts();

        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).historySeed(), two.get(i).historySeed());
            assertEquals(one.get(i).disclosures(), two.get(i).disclosures());
            assertEquals(one.get(i).examples(), two.get(i).examples());
        }
    }

    @Test
    void aPublisherWhoseNumbersDoNotMatchTheirMeaningIsAnError() {
        HistoryPublisher overcounting = (request, truth, earlier) -> {
            List<PublishedRow> rows = new ArrayList<>();
            for (PublishedRow row : TruthRows.rows(List.of(RowKey.totals()), truth)) {
                Measures m = row.measures();
                rows.add(new PublishedRow(row.key(), new Measures(m.visitors() + 1, m.hits(), m.pageViews(),
                        m.bytes())));
            }
            return rows;
        };

        PropertyReport report = HistoryProperty.check(overcounting, SEED, 3);

        assertEquals(3, report.errors().size(), report::format);
        String error = report.errors().get(0).error();
        assertTrue(error.startsWith("oracle: java.lang.IllegalArgumentException: site site0.example day "), error);
        assertTrue(error.contains(" publishes TOTALS visitors="), error);
    }

    @Test
    void theLedgerHoldsEverythingPublishedBeforeForTheSameSiteOnly() {
        List<String> problems = new ArrayList<>();
        HistoryPublisher checking = (request, truth, earlier) -> {
            for (PublishedRelease release : earlier) {
                if (!release.site().equals(request.site())) {
                    problems.add(request.label() + " sees " + release.site());
                }
            }
            for (Event event : truth) {
                if (!request.covers(event)) {
                    problems.add(request.label() + " gets an event outside its window or batches");
                }
            }
            return List.of();
        };
        History history = HistoryGenerator.generate(SEED);
        List<PublishedRelease> published = HistoryProperty.publishAll(checking, history);

        assertEquals(List.of(), problems);
        assertEquals(history.schedule().size(), published.size());
        assertFalse(published.isEmpty());
    }
}
