package org.geotraffic.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Dates events ("2026-11-25") in the configured time zone. Consecutive log lines almost always fall
 * on the same day, so the last day's bounds are cached and most calls are two comparisons.
 * Not thread-safe: one per partition.
 */
public final class EventDates {
  private final ZoneId zone;
  private long dayStart = Long.MAX_VALUE;
  private long dayEnd = Long.MIN_VALUE;
  private String day;

  public EventDates(ZoneId zone) {
    this.zone = zone;
  }

  /** The ISO date of an event time (seconds since the epoch). */
  public String dateOf(long epochSecond) {
    if (epochSecond >= dayStart && epochSecond < dayEnd) {
      return day;
    }
    LocalDate date = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
    ZonedDateTime start = date.atStartOfDay(zone);
    dayStart = start.toEpochSecond();
    dayEnd = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
    day = date.toString();
    return day;
  }
}
