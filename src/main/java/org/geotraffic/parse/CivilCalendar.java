package org.geotraffic.parse;

/**
 * Proleptic Gregorian calendar arithmetic without {@code java.time} allocations: the hot path of
 * every parser turns logged date fields into epoch seconds here.
 *
 * <p>Stateless and thread-safe.
 */
final class CivilCalendar {
  /** Returned by {@link #epochSecond} for an impossible date or time. */
  static final long INVALID = Long.MIN_VALUE;

  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private CivilCalendar() {}

  /**
   * Seconds since the epoch for a local date-time at a UTC offset, or {@link #INVALID} when any
   * part is out of range (31 February, month 13, hour 25). Second 60 (a leap second) is accepted and
   * counts as the first second of the next minute.
   */
  static long epochSecond(
      int year, int month, int day, int hour, int minute, int second, int offsetSeconds) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
      return INVALID;
    }
    if (day > daysInMonth(year, month)) {
      return INVALID;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return INVALID;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
  }

  /** Days since 1970-01-01 for a valid date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }

  static int daysInMonth(int year, int month) {
    if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
      return 29;
    }
    return DAYS_IN_MONTH[month - 1];
  }
}
