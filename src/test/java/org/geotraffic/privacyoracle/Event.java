package org.geotraffic.privacyoracle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted log line, as the oracle sees the micro-data: one hit by one visitor (or by a bot) on one
 * page of one site on one day, located in one country and one region of that country.
 *
 * <p>{@code visitor} is the pseudonymous visitor id; {@link #BOT} (0) marks bot traffic, which carries
 * hits, page views and bytes but is nobody's visit. {@code batch} says when the line arrived: 0 = with
 * the day's on-time input, 1, 2, ... = the late input files of the site, in order of arrival. A release
 * includes a set of batches; a revision includes more batches than the version before it.
 *
 * <p>Within a site a visitor has exactly one (country, region): {@link HistoryOracle} rejects input that
 * breaks this, because visitor counts of different countries are only additive under it.
 */
public record Event(long visitor, String site, LocalDate day, String page, String country, String region,
                    boolean pageView, long bytes, int batch) {

    /** The visitor id of bot traffic: hits without a visitor. */
    public static final long BOT = 0L;

    public Event {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        if (!region.startsWith(country + "-")) {
            throw new IllegalArgumentException("region " + region + " is not a region of country " + country);
        }
        if (RowKey.isResidualKey(page) || RowKey.isResidualKey(country) || RowKey.isResidualKey(region)) {
            throw new IllegalArgumentException("an event cannot carry a residual key: " + page + " " + region);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 0, got " + batch);
        }
    }

    public boolean isBot() {
        return visitor == BOT;
    }

    /** Every accepted line is one hit. */
    public int hits() {
        return 1;
    }

    public int pageViews() {
        return pageView ? 1 : 0;
    }
}
