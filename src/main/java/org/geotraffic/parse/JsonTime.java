package org.geotraffic.parse;

/**
 * Reads a time value of a JSON log in place: a number or a string of digits is a count since the epoch whose unit
 * follows from its length (up to 11 integer digits seconds, 14 milliseconds, 17 microseconds, 19 nanoseconds; a
 * fraction is allowed: Caddy's {@code 1646861401.5241024}); any other string is ISO 8601 / RFC 3339 with or
 * without a fraction, {@code T} or a space between date and time, and an offset (UTC without one), or the common
 * log format's {@code 10/Oct/2000:13:55:36 -0700}. Immutable and thread-safe.
 */
final class JsonTime {
  private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final TimestampPattern[] TEXT = {
    TimestampPattern.iso8601WithFraction(),
    TimestampPattern.strftime("%Y-%m-%d %H:%M:%S%9%z"),
    TimestampPattern.strftime("%Y-%m-%dT%H:%M:%S%9"),
    TimestampPattern.strftime("%Y-%m-%d %H:%M:%S%9"),
    TimestampPattern.clf(),
  };

  private final int[] end = new int[1];

  /** Epoch seconds of {@code s[from, to)}, or {@link CivilCalendar#INVALID}. */
  long parse(String s, int from, int to) {
    if (from >= to) {
      return CivilCalendar.INVALID;
    }
    long epoch = epochCount(s, from, to);
    if (epoch != CivilCalendar.INVALID || isCount(s, from, to)) {
      return epoch;
    }
    for (TimestampPattern p : TEXT) {
      long v = p.parse(s, from, end);
      if (v != CivilCalendar.INVALID && end[0] == to) {
        return v;
      }
    }
    return CivilCalendar.INVALID;
  }

  /** True when the text is digits with at most one '.': a count, even if not a valid one. */
  private static boolean isCount(String s, int from, int to) {
    boolean dot = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' && !dot && i > from) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A count since the epoch, unit by its number of integer digits; INVALID when it is not one. */
  private static long epochCount(String s, int from, int to) {
    long v = 0;
    int digits = 0;
    int i = from;
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      if (++digits > 19 || v > (Long.MAX_VALUE - 9) / 10) {
        return CivilCalendar.INVALID;
      }
      v = v * 10 + (s.charAt(i++) - '0');
    }
    if (digits == 0) {
      return CivilCalendar.INVALID;
    }
    if (i < to) {
      if (s.charAt(i) != '.' || i + 1 == to) {
        return CivilCalendar.INVALID;
      }
      for (int k = i + 1; k < to; k++) {
        if (s.charAt(k) < '0' || s.charAt(k) > '9') {
          return CivilCalendar.INVALID;
        }
      }
    }
    long seconds = digits <= 11 ? v : digits <= 14 ? v / 1_000 : digits <= 17 ? v / 1_000_000 : v / 1_000_000_000;
    return seconds > MAX_EPOCH_SECOND ? CivilCalendar.INVALID : seconds;
  }
}
