package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The property test harness: generate histories ({@link HistoryGenerator}), let a {@link HistoryPublisher}
 * publish every scheduled release in order (with the ledger of what it published before for the site),
 * then attack all releases together with {@link HistoryOracle}, and also each release alone.
 *
 * <p>A later test wires the real job's publisher like this:
 * <pre>{@code
 * PropertyReport report = HistoryProperty.check(new RealSuppressorAdapter(), 20260302L, 2_000);
 * System.out.println(report.format());
 * assertEquals(List.of(), report.failures(), report::format);
 * }</pre>
 * Runs are deterministic: history i of seed s has seed {@link #historySeed(long, int)}, whatever the
 * thread count, and {@link #checkOne} replays one history. Histories run on
 * {@code -Dprivacyoracle.threads} threads (default 2).
 */
public final class HistoryProperty {

    private static final int EXAMPLES = 3;

    private HistoryProperty() {
    }

    public static long historySeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static PropertyReport check(HistoryPublisher publisher, long seed, int histories) {
        return check(publisher, seed, histories, Integer.getInteger("privacyoracle.threads", 2));
    }

    public static PropertyReport check(HistoryPublisher publisher, long seed, int histories, int threads) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HistoryVerdict>> futures = new ArrayList<>();
            for (int i = 0; i < histories; i++) {
                long historySeed = historySeed(seed, i);
                futures.add(pool.submit(() -> checkOne(publisher, historySeed)));
            }
            List<HistoryVerdict> verdicts = new ArrayList<>();
            for (Future<HistoryVerdict> future : futures) {
                verdicts.add(future.get());
            }
            return new PropertyReport(publisher.getClass().getSimpleName(), seed, threads, verdicts,
                    System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a history crashed the harness", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Generate, publish and judge one history. Never throws for publisher or oracle failures. */
    public static HistoryVerdict checkOne(HistoryPublisher publisher, long historySeed) {
        History history = HistoryGenerator.generate(historySeed);
        long started = cpuNanos();
        List<PublishedRelease> published;
        Map<String, List<Event>> truths = new java.util.HashMap<>();
        try {
            published = publishAll(publisher, history, truths);
        } catch (RuntimeException e) {
            return new HistoryVerdict(historySeed, history.summary(), 0, Map.of(), Map.of(), List.of(),
                    new AttackCoverage(), "publisher: " + e, cpuNanos() - started, 0);
        }
        long publishNanos = cpuNanos() - started;
        long attackStarted = cpuNanos();
        try {
            HistoryOracle oracle = new HistoryOracle();
            AttackReport report = oracle.attackWithCoverage(history.events(), published);
            Map<Disclosure.Kind, Integer> alone = new EnumMap<>(Disclosure.Kind.class);
            // A release alone has a subset of the rows and no larger k: if the whole history was searched
            // exhaustively and nothing was found, no release alone can show anything.
            boolean judgeAlone = !report.disclosures().isEmpty() || !report.coverage().exhaustive();
            for (PublishedRelease release : judgeAlone ? published : List.<PublishedRelease>of()) {
                for (Disclosure disclosure : oracle.attack(truths.get(release.label() + "@" + release.site()),
                        List.of(release))) {
                    alone.merge(disclosure.kind(), 1, Integer::sum);
                }
            }
            Map<Disclosure.Kind, Integer> all = new EnumMap<>(Disclosure.Kind.class);
            List<String> examples = new ArrayList<>();
            for (Disclosure disclosure : report.disclosures()) {
                all.merge(disclosure.kind(), 1, Integer::sum);
                if (examples.size() < EXAMPLES) {
                    examples.add(disclosure.toString());
                }
            }
            return new HistoryVerdict(historySeed, history.summary(), published.size(), all, alone, examples,
                    report.coverage(), null, publishNanos, cpuNanos() - attackStarted);
        } catch (RuntimeException e) {
            return new HistoryVerdict(historySeed, history.summary(), published.size(), Map.of(), Map.of(),
                    List.of(), new AttackCoverage(), "oracle: " + e, publishNanos, cpuNanos() - attackStarted);
        }
    }

    /** CPU time of the current thread: what a history costs, whatever else runs on the machine. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Runs the schedule: each request gets its truth and the site's ledger so far. */
    public static List<PublishedRelease> publishAll(HistoryPublisher publisher, History history) {
        return publishAll(publisher, history, new java.util.HashMap<>());
    }

    private static List<PublishedRelease> publishAll(HistoryPublisher publisher, History history,
                                                     Map<String, List<Event>> truthOfRelease) {
        Map<String, List<PublishedRelease>> ledger = new LinkedHashMap<>();
        Map<String, List<Event>> eventsOfSite = new LinkedHashMap<>();
        for (Event event : history.events()) {
            eventsOfSite.computeIfAbsent(event.site(), s -> new ArrayList<>()).add(event);
        }
        List<PublishedRelease> published = new ArrayList<>();
        Map<String, EventsByDay> eventsByDay = new LinkedHashMap<>();
        eventsOfSite.forEach((site, events) -> eventsByDay.put(site, EventsByDay.of(events)));
        for (ReleaseRequest request : history.schedule()) {
            EventsByDay siteEvents = eventsByDay.get(request.site());
            List<Event> truth = siteEvents == null ? List.of()
                    : siteEvents.between(request.first(), request.last()).stream().filter(request::covers).toList();
            List<PublishedRelease> earlier = ledger.computeIfAbsent(request.site(), s -> new ArrayList<>());
            truthOfRelease.put(request.label() + "@" + request.site(), truth);
            List<PublishedRow> rows = publisher.publish(request, truth, List.copyOf(earlier));
            PublishedRelease release = new PublishedRelease(request, rows);
            earlier.add(release);
            published.add(release);
        }
        return published;
    }
}
