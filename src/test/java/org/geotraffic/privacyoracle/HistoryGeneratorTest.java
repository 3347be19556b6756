package org.geotraffic.privacyoracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The generated histories have what the property test promises: the shapes are checked over 2,000 seeds. */
class HistoryGeneratorTest {

    @Test
    void generatedHistoriesCoverTheShapesThePropertyTestNeeds() {
        Set<Integer> ks = new TreeSet<>();
        int withWeeks = 0;
        int withMonths = 0;
        int withDayRevisions = 0;
        int withWeekOrMonthRevisions = 0;
        int lateBatches = 0;
        int lateBatchesOfManyVisitors = 0;
        int minDays = Integer.MAX_VALUE;
        int maxDays = 0;
        for (int i = 0; i < 2_000; i++) {
            History history = HistoryGenerator.generate(HistoryProperty.historySeed(20260302L, i));
            assertEquals(history, HistoryGenerator.generate(history.seed()), "deterministic");
            Map<String, Set<LocalDate>> days = new HashMap<>();
            Map<String, Integer> kOfSite = new HashMap<>();
            Map<String, Map<Integer, Set<Long>>> visitorsOfBatch = new HashMap<>();
            Map<Long, String> place = new HashMap<>();
            for (Event event : history.events()) {
                days.computeIfAbsent(event.site(), s -> new TreeSet<>()).add(event.day());
                if (!event.isBot()) {
                    String where = event.site() + event.country() + event.region();
                    assertEquals(place.computeIfAbsent(event.visitor(), v -> where), where, "one place per visitor");
                    visitorsOfBatch.computeIfAbsent(event.site(), s -> new HashMap<>())
                            .computeIfAbsent(event.batch(), b -> new HashSet<>()).add(event.visitor());
                }
            }
            Map<String, ReleaseRequest> lastVersion = new HashMap<>();
            boolean weeks = false;
            boolean months = false;
            boolean dayRevisions = false;
            boolean periodRevisions = false;
            for (ReleaseRequest request : history.schedule()) {
                kOfSite.put(request.site(), request.k());
                String window = request.site() + request.first() + request.last();
                ReleaseRequest previous = lastVersion.put(window, request);
                if (previous != null) {
                    assertTrue(request.batches().containsAll(previous.batches())
                            && request.batches().size() > previous.batches().size(), request + " after " + previous);
                    dayRevisions |= request.first().equals(request.last());
                    periodRevisions |= !request.first().equals(request.last());
                }
                if (request.label().startsWith("week")) {
                    weeks = true;
                    assertEquals(DayOfWeek.MONDAY, request.first().getDayOfWeek());
                    assertEquals(6, request.last().toEpochDay() - request.first().toEpochDay());
                }
                if (request.label().startsWith("month")) {
                    months = true;
                    assertEquals(1, request.first().getDayOfMonth());
                    assertEquals(request.first().lengthOfMonth(), request.last().getDayOfMonth());
                }
            }
            for (Set<LocalDate> siteDays : days.values()) {
                minDays = Math.min(minDays, siteDays.size());
                maxDays = Math.max(maxDays, siteDays.size());
            }
            for (Map.Entry<String, Map<Integer, Set<Long>>> site : visitorsOfBatch.entrySet()) {
                int k = kOfSite.get(site.getKey());
                for (Map.Entry<Integer, Set<Long>> batch : site.getValue().entrySet()) {
                    if (batch.getKey() > 0) {
                        lateBatches++;
                        assertTrue(batch.getValue().size() <= 3 * k, "late batches have at most 3k visitors");
                        lateBatchesOfManyVisitors += batch.getValue().size() >= k ? 1 : 0;
                    }
                }
            }
            ks.addAll(kOfSite.values());
            withWeeks += weeks ? 1 : 0;
            withMonths += months ? 1 : 0;
            withDayRevisions += dayRevisions ? 1 : 0;
            withWeekOrMonthRevisions += periodRevisions ? 1 : 0;
        }
        System.out.printf("generator over 2000 histories: k %d..%d (%d values), days per site %d..%d, weeks in %d,"
                        + " months in %d, day revisions in %d, week/month revisions in %d; %d late batches, %d of"
                        + " them with k or more visitors%n", ks.stream().findFirst().orElseThrow(),
                ((TreeSet<Integer>) ks).last(), ks.size(), minDays, maxDays, withWeeks, withMonths, withDayRevisions,
                withWeekOrMonthRevisions, lateBatches, lateBatchesOfManyVisitors);
        assertEquals(49, ks.size(), "every k from 2 to 50");
        assertTrue(minDays <= 8 && maxDays >= 40, minDays + ".." + maxDays);
        assertTrue(withWeeks > 1_800 && withMonths > 500 && withDayRevisions > 1_500
                && withWeekOrMonthRevisions > 500, "schedules mix days, weeks, months and revisions");
        assertTrue(lateBatchesOfManyVisitors > 1_000 && lateBatches - lateBatchesOfManyVisitors > 1_000,
                "late batches both below and above k");
    }
}
