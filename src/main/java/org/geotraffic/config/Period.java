package org.geotraffic.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The time span one release of the tables covers: a day, an ISO week (Monday to Sunday) or a calendar
 * month. A release is named by its first day; its tables live under {@link #folder()} of the output.
 */
public enum Period {
  DAY("day", ""),
  WEEK("week", "weekly"),
  MONTH("month", "monthly");

  private final String key;
  private final String folder;

  Period(String key, String folder) {
    this.key = key;
    this.folder = folder;
  }

  /** The word of {@code --period} and of the run summary. */
  public String key() {
    return key;
  }

  /** The folder of this period's tables under the output directory; empty for days (the tables at the top). */
  public String folder() {
    return folder;
  }

  /** The path of a table of this period, relative to the output directory: {@code countries}, {@code weekly/countries}. */
  public String tablePath(String table) {
    return folder.isEmpty() ? table : folder + "/" + table;
  }

  /** The first day of the period that holds {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The last day of the period that starts on {@code start}. */
  public LocalDate end(LocalDate start) {
    return switch (this) {
      case DAY -> start;
      case WEEK -> start.plusDays(6);
      case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  /** Whether the window [start, end] of this period contains {@code day}'s period. */
  public boolean contains(LocalDate start, LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end(start));
  }

  public static Period of(String key) {
    for (Period p : values()) {
      if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("Cannot use --period: must be day, week or month, got '" + key + "'");
  }
}
