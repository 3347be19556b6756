package org.geotraffic.privacyoracle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a release is asked to cover: one site, an inclusive window of days (a day, an ISO week Monday to
 * Sunday, or a calendar month), the input batches it includes, and the threshold k for all its tables.
 * Its truth is the site's events with a day in the window and a batch in {@code batches}.
 *
 * <p>{@code label} names the release in findings (e.g. "day 2026-03-02 v2"); it must be unique within a
 * site. Two releases with the same window are versions of each other; the one with more batches is the
 * later version. The attacker knows all of this.
 */
public record ReleaseRequest(String label, String site, LocalDate first, LocalDate last, Set<Integer> batches,
                             int k) {

    public ReleaseRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("window ends before it starts: " + first + ".." + last);
        }
        if (batches == null || batches.isEmpty()) {
            throw new IllegalArgumentException("a release includes at least one batch");
        }
        batches = Set.copyOf(new TreeSet<>(batches));
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    public static ReleaseRequest day(String site, LocalDate day, Set<Integer> batches, int k, int version) {
        return new ReleaseRequest("day " + day + " v" + version, site, day, day, batches, k);
    }

    public static ReleaseRequest isoWeek(String site, LocalDate anyDay, Set<Integer> batches, int k, int version) {
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        String name = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new ReleaseRequest("week " + name + " v" + version, site, monday, monday.plusDays(6), batches, k);
    }

    public static ReleaseRequest month(String site, LocalDate anyDay, Set<Integer> batches, int k, int version) {
        LocalDate firstDay = anyDay.withDayOfMonth(1);
        return new ReleaseRequest("month " + firstDay.toString().substring(0, 7) + " v" + version, site, firstDay,
                firstDay.plusMonths(1).minusDays(1), batches, k);
    }

    /** Whether this release's truth includes the event. */
    public boolean covers(Event event) {
        return site.equals(event.site()) && !event.day().isBefore(first) && !event.day().isAfter(last)
                && batches.contains(event.batch());
    }

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /**
     * Whether every event this release can include is also in {@code other}: same site, window inside
     * the other's window, batches a subset of the other's batches.
     */
    public boolean isWithin(ReleaseRequest other) {
        return site.equals(other.site) && !first.isBefore(other.first) && !last.isAfter(other.last)
                && other.batches.containsAll(batches);
    }

    public boolean sameWindow(ReleaseRequest other) {
        return site.equals(other.site) && first.equals(other.first) && last.equals(other.last);
    }

    @Override
    public String toString() {
        return site + " " + label + " [" + first + ".." + last + " batches " + new TreeSet<>(batches) + " k=" + k
                + "]";
    }
}
