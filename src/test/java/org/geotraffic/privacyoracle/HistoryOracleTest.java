package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-made histories with known answers. */
class HistoryOracleTest {

    private static final String SITE = "shop.example";
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private final HistoryOracle oracle = new HistoryOracle();

    private static Event visit(long visitor, LocalDate day, String page, String country, String region, int batch) {
        return new Event(visitor, SITE, day, page, country, region, true, 1000, batch);
    }

    private static PublishedRelease publish(ReleaseRequest request, List<Event> events, List<RowKey> keys) {
        List<Event> truth = events.stream().filter(request::covers).toList();
        return new PublishedRelease(request, TruthRows.rows(keys, truth));
    }

    private static List<Disclosure> ofKind(List<Disclosure> disclosures, Disclosure.Kind kind) {
        return disclosures.stream().filter(d -> d.kind() == kind).toList();
    }

    @Test
    void weekMinusSixPublishedDaysIsolatesTheSeventhDaysTwoVisitors() {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            for (long visitor = 1; visitor <= 10; visitor++) {
                events.add(visit(visitor, MONDAY.plusDays(day), "/", "GB", "GB-ENG", 0));
            }
        }
        events.add(visit(11, MONDAY.plusDays(6), "/", "GB", "GB-ENG", 0));
        events.add(visit(12, MONDAY.plusDays(6), "/", "GB", "GB-ENG", 0));
        List<PublishedRelease> releases = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            releases.add(publish(ReleaseRequest.day(SITE, MONDAY.plusDays(day), Set.of(0), 5, 1), events,
                    List.of(RowKey.totals())));
        }
        releases.add(publish(ReleaseRequest.isoWeek(SITE, MONDAY, Set.of(0), 5, 1), events,
                List.of(RowKey.totals())));

        List<Disclosure> disclosures = oracle.attack(events, releases);

        List<Disclosure> additive = ofKind(disclosures, Disclosure.Kind.ADDITIVE_COMBINATION);
        assertEquals(1, additive.size(), disclosures::toString);
        Disclosure sunday = additive.get(0);
        assertEquals(2, sunday.visitors());
        assertEquals(5, sunday.k());
        assertTrue(sunday.description().contains("2026-03-08 b{0}"), sunday.description());
        assertTrue(sunday.description().contains("determined by the published sums"), sunday.description());
        assertTrue(sunday.releases().contains("week 2026-W10 v1"), sunday.releases()::toString);
        // Visitor numbers too: the week's 12 visitors minus any day's 10.
        List<Disclosure> visitors = ofKind(disclosures, Disclosure.Kind.VISITORS_DIFFERENCE_ACROSS_RELEASES);
        assertEquals(6, visitors.size(), visitors::toString);
        assertTrue(visitors.stream().allMatch(d -> d.visitors() == 2), visitors::toString);
        assertTrue(visitors.get(0).description().contains("(12) minus visitors of day 2026-03-02 v1"),
                visitors.get(0).description());
    }

    @Test
    void aRevisionAddingThreeLateVisitorsToAPublishedTotalIsFound() {
        List<Event> events = new ArrayList<>();
        for (long visitor = 1; visitor <= 20; visitor++) {
            events.add(visit(visitor, MONDAY, "/", "GB", "GB-ENG", 0));
        }
        for (long visitor = 21; visitor <= 23; visitor++) {
            events.add(visit(visitor, MONDAY, "/", "GB", "GB-ENG", 1));
        }
        List<PublishedRelease> releases = List.of(
                publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events, List.of(RowKey.totals())),
                publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0, 1), 10, 2), events, List.of(RowKey.totals())));

        List<Disclosure> disclosures = oracle.attack(events, releases);

        List<Disclosure> additive = ofKind(disclosures, Disclosure.Kind.ADDITIVE_COMBINATION);
        assertEquals(1, additive.size(), disclosures::toString);
        assertEquals(3, additive.get(0).visitors());
        assertTrue(additive.get(0).description().startsWith("additive numbers of 3 hits by 3 visitors"),
                additive.get(0).description());
        assertTrue(additive.get(0).description().contains("2026-03-02 b{1}: page=/ GB/GB-ENG"),
                additive.get(0).description());
        List<Disclosure> visitors = ofKind(disclosures, Disclosure.Kind.VISITORS_DIFFERENCE_ACROSS_RELEASES);
        assertEquals(1, visitors.size(), disclosures::toString);
        assertEquals(3, visitors.get(0).visitors());
        assertEquals(List.of("day 2026-03-02 v2", "day 2026-03-02 v1"), visitors.get(0).releases());
    }

    @Test
    void lateLinesOfVisitorsAlreadySeenAreAGroupForSumsButNotForVisitorCounts() {
        List<Event> events = new ArrayList<>();
        for (long visitor = 1; visitor <= 20; visitor++) {
            events.add(visit(visitor, MONDAY, "/", "GB", "GB-ENG", 0));
        }
        for (long visitor = 1; visitor <= 3; visitor++) {
            events.add(visit(visitor, MONDAY, "/", "GB", "GB-ENG", 1));
        }
        List<PublishedRelease> releases = List.of(
                publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events, List.of(RowKey.totals())),
                publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0, 1), 10, 2), events, List.of(RowKey.totals())));

        List<Disclosure> disclosures = oracle.attack(events, releases);

        assertEquals(1, disclosures.size(), disclosures::toString);
        assertEquals(Disclosure.Kind.ADDITIVE_COMBINATION, disclosures.get(0).kind());
        assertEquals(3, disclosures.get(0).visitors());
    }

    @Test
    void anOtherRowThatGainsOneHiddenCellBetweenVersionsGivesAwayTheLateVisitors() {
        List<Event> events = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 20; i++) {
            events.add(visit(id++, MONDAY, "/a", "GB", "GB-ENG", 0));
        }
        for (int i = 0; i < 12; i++) {
            events.add(visit(id++, MONDAY, "/a", "FR", "FR-IDF", 0));
        }
        for (int i = 0; i < 15; i++) {
            events.add(visit(id++, MONDAY, "/a", "DE", "DE-BY", 0));
        }
        events.add(visit(id++, MONDAY, "/a", "FR", "FR-IDF", 1));
        events.add(visit(id, MONDAY, "/a", "FR", "FR-IDF", 1));
        RowKey gb = RowKey.pageCountry("/a", "GB");
        RowKey fr = RowKey.pageCountry("/a", "FR");
        RowKey other = RowKey.pageCountry("/a", RowKey.OTHER);
        PublishedRelease first = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events,
                List.of(gb, fr, other));
        PublishedRelease second = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0, 1), 10, 2), events,
                List.of(gb, other));
        assertEquals(15, first.rows().get(2).measures().visitors());
        assertEquals(29, second.rows().get(1).measures().visitors());

        List<Disclosure> disclosures = oracle.attack(events, List.of(first, second));

        List<Disclosure> additive = ofKind(disclosures, Disclosure.Kind.ADDITIVE_COMBINATION);
        assertEquals(1, additive.size(), disclosures::toString);
        assertEquals(2, additive.get(0).visitors());
        String text = additive.get(0).description();
        assertTrue(text.endsWith("2026-03-02 b{1}: page=/a DE/DE-BY, page=/a DE/DE-(unseen), page=/a FR/FR-IDF,"
                + " page=/a FR/FR-(unseen), page=/a (unseen country)/(unseen country)-(unseen)"), text);
        assertEquals(List.of(new RowReference("day 2026-03-02 v2", other)), additive.get(0).rows());
        List<Disclosure> visitors = ofKind(disclosures, Disclosure.Kind.VISITORS_DIFFERENCE_ACROSS_RELEASES);
        assertEquals(1, visitors.size(), disclosures::toString);
        assertEquals(2, visitors.get(0).visitors());
        assertTrue(visitors.get(0).description().contains("(29) minus visitors of day 2026-03-02 v1"),
                visitors.get(0).description());
    }

    @Test
    void aThreeByThreeTableWithAHiddenRectangleOfSmallCellsIsSafeAndTheSearchIsExhaustive() {
        List<Event> events = new ArrayList<>();
        long id = 1;
        List<RowKey> keys = new ArrayList<>(List.of(RowKey.totals()));
        for (String[] place : PLACES) {
            keys.add(RowKey.country(place[0]));
        }
        for (String page : List.of("/a", "/b", "/c")) {
            keys.add(RowKey.page(page));
            for (String[] place : PLACES) {
                boolean hidden = !page.equals("/c") && !place[0].equals("DE");
                for (int i = 0; i < (hidden ? 6 : 12); i++) {
                    events.add(visit(id++, MONDAY, page, place[0], place[1], 0));
                }
                if (!hidden) {
                    keys.add(RowKey.pageCountry(page, place[0]));
                }
            }
        }
        PublishedRelease release = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events, keys);

        AttackReport report = oracle.attackWithCoverage(events, List.of(release));

        // The four hidden cells (6 visitors each) are only ever recoverable in pairs (12 visitors).
        assertEquals(List.of(), report.disclosures());
        assertTrue(report.coverage().exhaustive(), report.coverage()::toString);
        assertEquals(1, report.coverage().componentsExhaustive(), report.coverage()::toString);
    }

    private static final String[][] PLACES = {{"GB", "GB-ENG"}, {"FR", "FR-IDF"}, {"DE", "DE-BY"}};

    @Test
    void marginsOfATwoByTwoTableAreSafeAndBruteForceAgrees() {
        List<Event> events = twoByTwoDay();
        PublishedRelease release = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events,
                twoByTwoMargins());

        AttackReport report = oracle.attackWithCoverage(events, List.of(release));
        BruteForceAttack.Result bruteForce = BruteForceAttack.additive(events, List.of(release));

        assertEquals(List.of(), report.disclosures());
        assertTrue(report.coverage().exhaustive(), report.coverage()::toString);
        assertEquals(BruteForceAttack.Verdict.NONE, bruteForce.verdict());
        assertEquals(15, bruteForce.cells(), "3 pages (one unseen) x 5 places (unseen ones included)");
    }

    @Test
    void theSameTableWithOneCellPublishedGivesAwayItsNeighbourAndBruteForceAgrees() {
        List<Event> events = twoByTwoDay();
        List<RowKey> keys = new ArrayList<>(twoByTwoMargins());
        keys.add(RowKey.pageCountry("/a", "GB"));
        PublishedRelease release = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 10, 1), events, keys);

        List<Disclosure> disclosures = oracle.attack(events, List.of(release));
        BruteForceAttack.Result bruteForce = BruteForceAttack.additive(events, List.of(release));

        // The published cell is itself below k (and determined); page /a minus it is its neighbour.
        assertEquals(List.of("published row PAGE_COUNTRIES page=/a country=GB has 6 visitors"),
                ofKind(disclosures, Disclosure.Kind.ROW_BELOW_K).stream().map(Disclosure::description).toList());
        List<Disclosure> additive = ofKind(disclosures, Disclosure.Kind.ADDITIVE_COMBINATION);
        assertEquals(List.of("additive numbers of 6 hits by 6 visitors, determined by the published sums:"
                        + " 2026-03-02 b{0}: page=/a GB/GB-ENG, page=/a GB/GB-(unseen)",
                "additive numbers of 6 hits by 6 visitors, a 0/1 combination within a component of 8 undetermined"
                        + " atoms (exhaustive search): 2026-03-02 b{0}: page=/a FR/FR-IDF, page=/a FR/FR-(unseen),"
                        + " page=/a (unseen country)/(unseen country)-(unseen)"),
                additive.stream().map(Disclosure::description).toList());
        List<Disclosure> visitors = ofKind(disclosures, Disclosure.Kind.VISITORS_WITHIN_RELEASE);
        assertEquals(List.of("visitor numbers of day 2026-03-02 v1 add up (one place per visitor) to 6 visitors for"
                        + " pages [/a] x places [FR/FR-IDF, FR/FR-(unseen), (unseen country)/(unseen country)-(unseen)]"),
                visitors.stream().map(Disclosure::description).toList());
        assertEquals(BruteForceAttack.Verdict.FOUND, bruteForce.verdict());
        assertTrue(bruteForce.witness().startsWith("6 visitors"), bruteForce.witness());
    }

    /** Pages /a, /b x countries GB, FR; each cell has 6 visitors of its own. */
    private static List<Event> twoByTwoDay() {
        List<Event> events = new ArrayList<>();
        long id = 1;
        for (String page : List.of("/a", "/b")) {
            for (String[] place : new String[][]{{"GB", "GB-ENG"}, {"FR", "FR-IDF"}}) {
                for (int i = 0; i < 6; i++) {
                    events.add(visit(id++, MONDAY, page, place[0], place[1], 0));
                }
            }
        }
        return events;
    }

    private static List<RowKey> twoByTwoMargins() {
        return List.of(RowKey.totals(), RowKey.country("GB"), RowKey.country("FR"), RowKey.page("/a"),
                RowKey.page("/b"));
    }

    @Test
    void aRowBelowKAndABotOnlyRowAreReported() {
        List<Event> events = new ArrayList<>();
        for (long visitor = 1; visitor <= 3; visitor++) {
            events.add(visit(visitor, MONDAY, "/", "GB", "GB-ENG", 0));
        }
        events.add(new Event(Event.BOT, SITE, MONDAY, "/robots.txt", "GB", "GB-ENG", false, 10, 0));
        PublishedRelease release = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 2, 1), events,
                List.of(RowKey.page("/"), RowKey.page("/robots.txt")));

        List<Disclosure> rows = ofKind(oracle.attack(events, List.of(release)), Disclosure.Kind.ROW_BELOW_K);

        assertEquals(1, rows.size(), rows::toString);
        assertEquals(0, rows.get(0).visitors());
        assertEquals("published row PAGES page=/robots.txt has 0 visitors", rows.get(0).description());
    }

    @Test
    void aRowWhoseNumbersDoNotMatchItsMeaningIsRejected() {
        List<Event> events = List.of(visit(1, MONDAY, "/", "GB", "GB-ENG", 0));
        PublishedRelease release = new PublishedRelease(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 1, 1),
                List.of(new PublishedRow(RowKey.totals(), new Measures(2, 1, 1, 1000))));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> oracle.attack(events, List.of(release)));

        assertEquals("site shop.example day 2026-03-02 v1 publishes TOTALS visitors=2 hits=1 pageViews=1 bytes=1000"
                + " but its set (as the attacker reads it) has visitors=1 hits=1 pageViews=1 bytes=1000",
                error.getMessage());
    }

    @Test
    void aVisitorInTwoPlacesIsRejected() {
        List<Event> events = List.of(visit(1, MONDAY, "/", "GB", "GB-ENG", 0),
                visit(1, MONDAY.plusDays(1), "/", "FR", "FR-IDF", 0));
        PublishedRelease release = publish(ReleaseRequest.day(SITE, MONDAY, Set.of(0), 1, 1), events,
                List.of(RowKey.totals()));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> oracle.attack(events, List.of(release)));

        assertEquals("site shop.example: visitor 1 is in GB/GB-ENG and in FR/FR-IDF; the oracle needs one place"
                + " per visitor", error.getMessage());
    }

    @Test
    void aDayWithoutItsOwnReleaseInsideAPublishedMonthIsFoundTogetherWithTheMonthsEmptyDays() {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            if (day == 2) {
                continue;
            }
            for (long visitor = 1; visitor <= 12; visitor++) {
                events.add(visit(visitor, MONDAY.plusDays(day), "/", "GB", "GB-ENG", 0));
            }
        }
        for (long visitor = 97; visitor <= 99; visitor++) {
            events.add(visit(visitor, MONDAY.plusDays(2), "/", "GB", "GB-ENG", 0));
        }
        List<PublishedRelease> releases = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            if (day != 2) {
                releases.add(publish(ReleaseRequest.day(SITE, MONDAY.plusDays(day), Set.of(0), 10, 1), events,
                        List.of(RowKey.page("/"))));
            }
        }
        releases.add(publish(ReleaseRequest.month(SITE, MONDAY, Set.of(0), 10, 1), events,
                List.of(RowKey.page("/"))));

        List<Disclosure> additive = ofKind(oracle.attack(events, releases), Disclosure.Kind.ADDITIVE_COMBINATION);

        // Month minus the published days = Wednesday and every other March day without a release. The
        // attacker cannot know those days are empty, but the derived number is about Wednesday's 3 visitors.
        assertEquals(1, additive.size(), additive::toString);
        assertEquals(3, additive.get(0).visitors());
        String text = additive.get(0).description();
        assertTrue(text.contains("2026-03-01 b{0} + 2026-03-04 b{0} + 2026-03-09..2026-03-31 b{0}: page=/ GB/GB-ENG"),
                text);
    }
}
