package org.geotraffic.privacyoracle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of {@link HistoryProperty#check}: one verdict per history, and rates over them. */
public record PropertyReport(String publisher, long seed, int threads, List<HistoryVerdict> verdicts,
                             long wallNanos) {

    public PropertyReport {
        verdicts = List.copyOf(verdicts);
    }

    public int histories() {
        return verdicts.size();
    }

    /** Histories where something was found over all releases, or that failed to run. */
    public List<HistoryVerdict> failures() {
        return verdicts.stream().filter(HistoryVerdict::failed).toList();
    }

    public List<HistoryVerdict> errors() {
        return verdicts.stream().filter(v -> v.error() != null).toList();
    }

    public long historiesWithDisclosure() {
        return verdicts.stream().filter(v -> v.disclosureCount() > 0).count();
    }

    public long historiesWithDisclosureInAReleaseAlone() {
        return verdicts.stream().filter(v -> v.aloneDisclosureCount() > 0).count();
    }

    public long historiesCaughtOnlyAcrossReleases() {
        return verdicts.stream().filter(HistoryVerdict::caughtOnlyAcrossReleases).count();
    }

    /** Per kind: in how many histories it was found. */
    public Map<Disclosure.Kind, Long> historiesByKind() {
        Map<Disclosure.Kind, Long> counts = new EnumMap<>(Disclosure.Kind.class);
        for (HistoryVerdict verdict : verdicts) {
            verdict.disclosures().keySet().forEach(kind -> counts.merge(kind, 1L, Long::sum));
        }
        return counts;
    }

    public AttackCoverage coverage() {
        AttackCoverage total = new AttackCoverage();
        verdicts.forEach(v -> total.add(v.coverage()));
        return total;
    }

    public long releases() {
        return verdicts.stream().mapToLong(HistoryVerdict::releases).sum();
    }

    public String format() {
        StringBuilder text = new StringBuilder();
        int n = histories();
        long publishMillis = verdicts.stream().mapToLong(HistoryVerdict::publishNanos).sum() / 1_000_000;
        long attackMillis = verdicts.stream().mapToLong(HistoryVerdict::attackNanos).sum() / 1_000_000;
        long slowest = verdicts.stream().mapToLong(v -> v.publishNanos() + v.attackNanos()).max().orElse(0)
                / 1_000_000;
        text.append(String.format("%s, seed %d: %d histories, %d releases, %.1f s wall on %d threads"
                        + " (CPU: publishing %.1f s, attacking %.1f s; slowest history %d ms)%n",
                publisher, seed, n, releases(), wallNanos / 1e9, threads, publishMillis / 1e3, attackMillis / 1e3,
                slowest));
        text.append(String.format("  caught over all releases:  %5d (%.1f%%)%n", historiesWithDisclosure(),
                percent(historiesWithDisclosure(), n)));
        text.append(String.format("  caught in a release alone: %5d (%.1f%%)%n",
                historiesWithDisclosureInAReleaseAlone(), percent(historiesWithDisclosureInAReleaseAlone(), n)));
        text.append(String.format("  caught only across releases: %3d (%.1f%%)%n",
                historiesCaughtOnlyAcrossReleases(), percent(historiesCaughtOnlyAcrossReleases(), n)));
        text.append("  histories per kind: ").append(historiesByKind()).append('\n');
        text.append("  coverage: ").append(coverage()).append('\n');
        text.append("  errors: ").append(errors().size()).append('\n');
        List<HistoryVerdict> failures = failures();
        if (!failures.isEmpty()) {
            text.append("  failing history seeds (replay with HistoryProperty.checkOne(publisher, seed)): ")
                    .append(failures.stream().limit(20).map(v -> Long.toString(v.historySeed())).toList())
                    .append(failures.size() > 20 ? " and " + (failures.size() - 20) + " more" : "").append('\n');
        }
        failures.stream().limit(3).forEach(v -> text.append("  e.g. ").append(v).append('\n'));
        return text.toString();
    }

    private static double percent(long count, int of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }
}
