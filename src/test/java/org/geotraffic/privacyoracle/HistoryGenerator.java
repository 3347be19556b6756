package org.geotraffic.privacyoracle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Random histories for the property test: 2-3 sites, each with its own k (2..50), 1-6 weeks of days,
 * 1-5 pages, 1-4 countries with 1-3 regions each, and a population of about k x (0.5..12) visitors:
 * regulars, occasional visitors and one-off visitors, each with one place and a few favourite pages, so
 * some cells pass k and others do not. Some days get late batches of 1..3k visitors (new visitors, and
 * late lines of visitors already seen that day) that arrive 1-10 days later.
 *
 * <p>The schedule, per site, in time order: each day's release the next morning (batch 0); when a late
 * batch arrives, usually a revision of its day, and if its week or month is already out, often a revision
 * of those; each ISO week after its Sunday and each calendar month after its last day, for the weeks and
 * months that end inside the site's range of days (their windows may start before the first day: those
 * days simply have no input). A release includes batch 0 and every late batch that has arrived for a
 * day in its window.
 */
public final class HistoryGenerator {

    private static final String[] PAGES = {"/", "/products", "/blog/post-1", "/checkout", "/img/logo.png"};
    private static final String[][] COUNTRIES = {
            {"GB", "GB-ENG", "GB-SCT", "GB-WLS"},
            {"FR", "FR-IDF", "FR-ARA", "FR-PAC"},
            {"DE", "DE-BY", "DE-BE", "DE-HH"},
            {"US", "US-CA", "US-NY", "US-TX"}};

    private HistoryGenerator() {
    }

    public static History generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int sites = 2 + random.nextInt(2);
        List<Event> events = new ArrayList<>();
        List<TimedRequest> schedule = new ArrayList<>();
        StringBuilder summary = new StringBuilder("seed " + seed + ":");
        for (int s = 0; s < sites; s++) {
            SiteHistory site = new SiteHistory("site" + s + ".example", random.split(), s);
            site.generate();
            events.addAll(site.events);
            schedule.addAll(site.schedule);
            summary.append(' ').append(site.summary());
        }
        schedule.sort(Comparator.comparing(TimedRequest::time).thenComparing(TimedRequest::order));
        return new History(seed, events, schedule.stream().map(TimedRequest::request).toList(), summary.toString());
    }

    private record TimedRequest(LocalDate time, long order, ReleaseRequest request) {
    }

    private record LateBatch(int index, LocalDate day, LocalDate arrival, int visitors) {
    }

    /** One site's data and release schedule. */
    private static final class SiteHistory {
        final String site;
        final SplittableRandom random;
        final List<Event> events = new ArrayList<>();
        final List<TimedRequest> schedule = new ArrayList<>();
        final long visitorBase;
        int k;
        LocalDate start;
        LocalDate end;
        int pages;
        List<String[]> places = new ArrayList<>();
        long order;

        SiteHistory(String site, SplittableRandom random, int index) {
            this.site = site;
            this.random = random;
            this.visitorBase = 1_000_000L * (index + 1);
        }

        String summary() {
            return site + "[k=" + k + " " + start + ".." + end + " pages=" + pages + " places=" + places.size()
                    + " releases=" + schedule.size() + "]";
        }

        void generate() {
            k = 2 + random.nextInt(49);
            int days = dayCount();
            start = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
            if (random.nextBoolean()) {
                LocalDate monthEnd = start.withDayOfMonth(start.lengthOfMonth());
                start = monthEnd.minusDays(random.nextInt(days));
            }
            end = start.plusDays(days - 1);
            pages = 1 + random.nextInt(PAGES.length);
            int countries = 1 + random.nextInt(COUNTRIES.length);
            for (int c = 0; c < countries; c++) {
                int regions = 1 + random.nextInt(3);
                for (int r = 1; r <= regions; r++) {
                    places.add(new String[]{COUNTRIES[c][0], COUNTRIES[c][r]});
                }
            }
            List<Visitor> population = population();
            Map<LocalDate, List<Visitor>> visitorsOfDay = new TreeMap<>();
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                List<Visitor> today = new ArrayList<>();
                for (Visitor visitor : population) {
                    if (visitor.visits(day, random)) {
                        today.add(visitor);
                        lines(visitor, day, 0, 1 + geometric());
                    }
                }
                if (random.nextInt(10) < 3) {
                    int bots = 1 + random.nextInt(3);
                    for (int b = 0; b < bots; b++) {
                        String[] place = places.get(random.nextInt(places.size()));
                        events.add(new Event(Event.BOT, site, day, PAGES[random.nextInt(pages)], place[0], place[1],
                                false, 500, 0));
                    }
                }
                visitorsOfDay.put(day, today);
            }
            List<LateBatch> late = lateBatches(population, visitorsOfDay);
            schedule(late);
        }

        private int dayCount() {
            int bucket = random.nextInt(10);
            if (bucket < 5) {
                return 7 + random.nextInt(4);
            }
            if (bucket < 8) {
                return 11 + random.nextInt(11);
            }
            return 22 + random.nextInt(21);
        }

        private int geometric() {
            int extra = 0;
            while (extra < 3 && random.nextBoolean()) {
                extra++;
            }
            return extra;
        }

        /** Regulars, occasional and one-off visitors; places and page tastes skewed so cells differ in size. */
        private List<Visitor> population() {
            double scale = Math.exp(Math.log(0.5) + random.nextDouble() * (Math.log(12) - Math.log(0.5)));
            int size = Math.max(2, (int) Math.round(k * scale));
            List<Visitor> population = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                population.add(newVisitor(visitorBase + i));
            }
            return population;
        }

        private Visitor newVisitor(long id) {
            String[] place = places.get(skewed(places.size()));
            int kind = random.nextInt(10);
            double daily;
            LocalDate onlyDay = null;
            if (kind < 3) {
                daily = 0.5 + random.nextDouble() * 0.45;
            } else if (kind < 8) {
                daily = 0.05 + random.nextDouble() * 0.25;
            } else {
                daily = 0;
                onlyDay = start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay() + 1)));
            }
            int favourites = 1 + random.nextInt(Math.min(3, pages));
            Set<Integer> liked = new LinkedHashSet<>();
            while (liked.size() < favourites) {
                liked.add(skewed(pages));
            }
            return new Visitor(id, place, daily, onlyDay, liked.stream().mapToInt(Integer::intValue).toArray());
        }

        /** 0 most often, then 1, ...: weights 1, 1/2, 1/3, ... */
        private int skewed(int n) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += 1.0 / (i + 1);
            }
            double pick = random.nextDouble() * total;
            for (int i = 0; i < n; i++) {
                pick -= 1.0 / (i + 1);
                if (pick < 0) {
                    return i;
                }
            }
            return n - 1;
        }

        private void lines(Visitor visitor, LocalDate day, int batch, int count) {
            for (int line = 0; line < count; line++) {
                int page = random.nextInt(10) < 7 ? visitor.favourites[random.nextInt(visitor.favourites.length)]
                        : skewed(pages);
                boolean asset = PAGES[page].startsWith("/img/");
                long bytes = random.nextInt(20) == 0 ? 0 : 100 + random.nextInt(20_000);
                events.add(new Event(visitor.id, site, day, PAGES[page], visitor.place[0], visitor.place[1],
                        !asset && random.nextInt(20) != 0, bytes, batch));
            }
        }

        /** Late files of 1..3k visitors for about one day in five, arriving 1-10 days later. */
        private List<LateBatch> lateBatches(List<Visitor> population, Map<LocalDate, List<Visitor>> visitorsOfDay) {
            List<LateBatch> planned = new ArrayList<>();
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                if (random.nextInt(5) == 0) {
                    planned.add(new LateBatch(0, day, day.plusDays(1 + random.nextInt(10)), 1 + random.nextInt(3 * k)));
                }
            }
            planned.sort(Comparator.comparing(LateBatch::arrival).thenComparing(LateBatch::day));
            List<LateBatch> batches = new ArrayList<>();
            long nextNewVisitor = visitorBase + population.size();
            for (int i = 0; i < planned.size(); i++) {
                LateBatch plan = planned.get(i);
                LateBatch batch = new LateBatch(i + 1, plan.day(), plan.arrival(), plan.visitors());
                batches.add(batch);
                List<Visitor> seen = visitorsOfDay.get(batch.day());
                Set<Long> chosen = new HashSet<>();
                for (int v = 0; v < batch.visitors(); v++) {
                    Visitor visitor;
                    int kind = random.nextInt(10);
                    if (kind < 4 && !seen.isEmpty()) {
                        visitor = seen.get(random.nextInt(seen.size()));
                    } else if (kind < 7) {
                        visitor = population.get(random.nextInt(population.size()));
                    } else {
                        visitor = newVisitor(nextNewVisitor++);
                    }
                    if (chosen.add(visitor.id)) {
                        lines(visitor, batch.day(), batch.index(), 1 + random.nextInt(2));
                    }
                }
            }
            return batches;
        }

        private void schedule(List<LateBatch> late) {
            Map<String, Integer> versions = new HashMap<>();
            Map<String, Set<Integer>> lastBatches = new HashMap<>();
            Set<String> published = new HashSet<>();
            LocalDate lastArrival = late.stream().map(LateBatch::arrival).max(Comparator.naturalOrder()).orElse(end);
            LocalDate stop = lastArrival.isAfter(end) ? lastArrival : end;
            for (LocalDate time = start; !time.isAfter(stop); time = time.plusDays(1)) {
                if (!time.isAfter(end)) {
                    Set<Integer> batches = batchesFor(late, time, time, time);
                    add(time, ReleaseRequest.day(site, time, batches, k, 1));
                    versions.put("day" + time, 1);
                    lastBatches.put("day" + time, batches);
                }
                if (time.getDayOfWeek() == DayOfWeek.SUNDAY && !time.isAfter(end)) {
                    LocalDate monday = time.minusDays(6);
                    Set<Integer> batches = batchesFor(late, monday, time, time);
                    add(time, ReleaseRequest.isoWeek(site, monday, batches, k, 1));
                    versions.put("week" + monday, 1);
                    lastBatches.put("week" + monday, batches);
                    published.add("week" + monday);
                }
                if (time.getDayOfMonth() == time.lengthOfMonth() && !time.isAfter(end)) {
                    LocalDate first = time.withDayOfMonth(1);
                    Set<Integer> batches = batchesFor(late, first, time, time);
                    add(time, ReleaseRequest.month(site, first, batches, k, 1));
                    versions.put("month" + first, 1);
                    lastBatches.put("month" + first, batches);
                    published.add("month" + first);
                }
                for (LateBatch batch : late) {
                    if (!batch.arrival().equals(time)) {
                        continue;
                    }
                    LocalDate day = batch.day();
                    if (random.nextInt(100) < 85) {
                        revise("day" + day, ReleaseRequest::day, day, day, late, time, versions, lastBatches);
                    }
                    LocalDate monday = day.with(DayOfWeek.MONDAY);
                    if (published.contains("week" + monday) && random.nextInt(100) < 60) {
                        revise("week" + monday, ReleaseRequest::isoWeek, monday, monday.plusDays(6), late, time,
                                versions, lastBatches);
                    }
                    LocalDate first = day.withDayOfMonth(1);
                    if (published.contains("month" + first) && random.nextInt(100) < 60) {
                        revise("month" + first, ReleaseRequest::month, first, first.plusMonths(1).minusDays(1), late,
                                time, versions, lastBatches);
                    }
                }
            }
        }

        private interface RequestFactory {
            ReleaseRequest make(String site, LocalDate anyDay, Set<Integer> batches, int k, int version);
        }

        /** A new version of a published window, unless it would include exactly the same batches. */
        private void revise(String window, RequestFactory factory, LocalDate first, LocalDate last,
                            List<LateBatch> late, LocalDate time, Map<String, Integer> versions,
                            Map<String, Set<Integer>> lastBatches) {
            Set<Integer> batches = batchesFor(late, first, last, time);
            if (batches.equals(lastBatches.get(window))) {
                return;
            }
            int version = versions.merge(window, 1, Integer::sum);
            lastBatches.put(window, batches);
            add(time, factory.make(site, first, batches, k, version));
        }

        private void add(LocalDate time, ReleaseRequest request) {
            schedule.add(new TimedRequest(time, order++, request));
        }

        /** Batch 0 and every late batch for a day in [first, last] that has arrived by {@code time}. */
        private static Set<Integer> batchesFor(List<LateBatch> late, LocalDate first, LocalDate last, LocalDate time) {
            Set<Integer> batches = new TreeSet<>();
            batches.add(0);
            for (LateBatch batch : late) {
                if (!batch.arrival().isAfter(time) && !batch.day().isBefore(first) && !batch.day().isAfter(last)) {
                    batches.add(batch.index());
                }
            }
            return batches;
        }
    }

    private record Visitor(long id, String[] place, double daily, LocalDate onlyDay, int[] favourites) {
        boolean visits(LocalDate day, SplittableRandom random) {
            return onlyDay != null ? onlyDay.equals(day) : random.nextDouble() < daily;
        }
    }
}
