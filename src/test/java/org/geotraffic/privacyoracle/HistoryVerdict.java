package org.geotraffic.privacyoracle;

import java.util.List;
import java.util.Map;

/**
 * The judgement of one generated history: what the oracle found over all releases together, what it
 * found judging each release alone, and how long publishing and attacking took. Disclosures are kept as
 * counts per kind plus a few examples (histories are many). Times are CPU time of the thread that ran the
 * history.
 *
 * @param historySeed  regenerate and replay with {@link HistoryProperty#checkOne}
 * @param error        a publisher or oracle failure (the oracle rejects rows whose numbers do not match
 *                     their meaning), or null
 */
public record HistoryVerdict(long historySeed, String summary, int releases,
                             Map<Disclosure.Kind, Integer> disclosures, Map<Disclosure.Kind, Integer> aloneDisclosures,
                             List<String> examples, AttackCoverage coverage, String error, long publishNanos,
                             long attackNanos) {

    public HistoryVerdict {
        disclosures = Map.copyOf(disclosures);
        aloneDisclosures = Map.copyOf(aloneDisclosures);
        examples = List.copyOf(examples);
    }

    public int disclosureCount() {
        return disclosures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int aloneDisclosureCount() {
        return aloneDisclosures.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Something was found over all releases (or the run failed): the history is not safe. */
    public boolean failed() {
        return error != null || disclosureCount() > 0;
    }

    /** Every release passes alone, but together they give something away. */
    public boolean caughtOnlyAcrossReleases() {
        return error == null && disclosureCount() > 0 && aloneDisclosureCount() == 0;
    }

    @Override
    public String toString() {
        return "history " + historySeed + " (" + summary + "): " + (error != null ? "ERROR " + error
                : disclosureCount() + " disclosures " + disclosures + ", judged alone " + aloneDisclosures
                + (examples.isEmpty() ? "" : ", e.g. " + examples));
    }
}
