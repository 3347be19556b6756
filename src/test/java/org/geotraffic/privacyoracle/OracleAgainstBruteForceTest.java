package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Attack (A) of the oracle against {@link BruteForceAttack} on random tiny histories (1-2 days, 1-2
 * batches, 1-2 pages, 1-2 countries, 1-3 releases with random rows, residuals included): both must
 * agree on whether a 0/1 combination with 1..k-1 visitors exists.
 */
class OracleAgainstBruteForceTest {

    private static final String SITE = "tiny.example";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String[][] PLACES = {{"GB", "GB-ENG"}, {"FR", "FR-IDF"}};
    private static final String[] PAGES = {"/a", "/b"};

    @Test
    void oracleAndBruteForceAgreeOnRandomTinyHistories() {
        HistoryOracle oracle = new HistoryOracle();
        int compared = 0;
        int found = 0;
        int tooLarge = 0;
        for (long seed = 1; compared < 400 && seed < 20_000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Event> events = randomEvents(random);
            List<PublishedRelease> releases = randomReleases(random, events);
            BruteForceAttack.Result bruteForce = BruteForceAttack.additive(events, releases);
            if (bruteForce.verdict() == BruteForceAttack.Verdict.TOO_LARGE) {
                tooLarge++;
                continue;
            }
            AttackReport report = oracle.attackWithCoverage(events, releases);
            boolean oracleFound = report.disclosures().stream()
                    .anyMatch(d -> d.kind() == Disclosure.Kind.ADDITIVE_COMBINATION);
            boolean bruteFound = bruteForce.verdict() == BruteForceAttack.Verdict.FOUND;
            assertTrue(report.coverage().exhaustive(), "seed " + seed + ": " + report.coverage());
            assertEquals(bruteFound, oracleFound, "seed " + seed + ": brute force " + bruteForce + ", oracle "
                    + report.disclosures() + " on " + releases);
            compared++;
            found += bruteFound ? 1 : 0;
        }
        System.out.printf("oracle vs brute force: %d tiny histories compared (%d with a disclosure), %d too large"
                + " for brute force%n", compared, found, tooLarge);
        assertEquals(400, compared);
        assertTrue(found > 100 && found < 300, "both answers must be well represented: " + found);
    }

    private static List<Event> randomEvents(SplittableRandom random) {
        int days = 1 + random.nextInt(2);
        int pages = 1 + random.nextInt(2);
        int places = 1 + random.nextInt(2);
        int visitors = 1 + random.nextInt(8);
        List<Event> events = new ArrayList<>();
        for (long visitor = 1; visitor <= visitors; visitor++) {
            String[] place = PLACES[random.nextInt(places)];
            int lines = 1 + random.nextInt(3);
            for (int line = 0; line < lines; line++) {
                events.add(new Event(visitor, SITE, DAY.plusDays(random.nextInt(days)), PAGES[random.nextInt(pages)],
                        place[0], place[1], true, 100, random.nextInt(4) == 0 ? 1 : 0));
            }
        }
        if (random.nextInt(4) == 0) {
            String[] place = PLACES[random.nextInt(places)];
            events.add(new Event(Event.BOT, SITE, DAY, PAGES[random.nextInt(pages)], place[0], place[1], false, 5, 0));
        }
        return events;
    }

    private static List<PublishedRelease> randomReleases(SplittableRandom random, List<Event> events) {
        int k = 2 + random.nextInt(4);
        int count = 1 + random.nextInt(3);
        List<RowKey> candidates = new ArrayList<>(TruthRows.ownKeys(events));
        candidates.add(RowKey.country(RowKey.OTHER));
        candidates.add(RowKey.page(RowKey.OTHER));
        for (String[] place : PLACES) {
            candidates.add(RowKey.region(place[0], RowKey.OTHER));
            candidates.add(RowKey.pageCountry(RowKey.OTHER_PAGES, place[0]));
        }
        for (String page : PAGES) {
            candidates.add(RowKey.pageCountry(page, RowKey.OTHER));
        }
        List<PublishedRelease> releases = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int window = random.nextInt(3);
            LocalDate first = window == 1 ? DAY.plusDays(1) : DAY;
            LocalDate last = window == 0 ? DAY : DAY.plusDays(1);
            Set<Integer> batches = random.nextBoolean() ? Set.of(0) : Set.of(0, 1);
            ReleaseRequest request = new ReleaseRequest("release " + r, SITE, first, last, batches, k);
            List<RowKey> keys = new ArrayList<>();
            for (RowKey key : candidates) {
                if (random.nextInt(5) < 2) {
                    keys.add(key);
                }
            }
            List<Event> truth = events.stream().filter(request::covers).toList();
            releases.add(new PublishedRelease(request, TruthRows.rows(keys, truth)));
        }
        return releases;
    }
}
