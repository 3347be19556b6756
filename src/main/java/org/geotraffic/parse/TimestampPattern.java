package org.geotraffic.parse;

import java.util.Arrays;

/**
 * A compiled strftime-style timestamp layout (Apache {@code %{format}t}, nginx {@code $time_local},
 * {@code $time_iso8601}, {@code $msec}) that reads a timestamp in place from a line, without
 * substrings, and yields epoch seconds in UTC honouring any logged offset.
 *
 * <p>Supported conversions: {@code %d %e %m %b %h %B %Y %y %H %M %S %T %D %F %R %z %Z %a %A %s %%},
 * plus the internal {@code %3} and {@code %6} (Apache's {@code msec_frac}/{@code usec_frac}: digits
 * that are read and ignored) and {@code %9} (an optional fraction of a second: {@code .} or {@code ,}
 * and one to nine digits, read and ignored, as load balancers, Envoy and HAProxy write it). A layout without {@code %z} or {@code %Z} is read as UTC. {@code %z}
 * accepts {@code +hhmm}, {@code +hh:mm} and {@code Z}. Parsing is a single left-to-right pass with
 * no backtracking.
 *
 * <p>Immutable and thread-safe; the per-line cache lives in the parser.
 */
final class TimestampPattern {
  private static final int LIT = 0;
  private static final int DAY = 1;
  private static final int DAY_SPACE = 2;
  private static final int MONTH = 3;
  private static final int MONTH_ABBR = 4;
  private static final int MONTH_NAME = 5;
  private static final int YEAR4 = 6;
  private static final int YEAR2 = 7;
  private static final int HOUR = 8;
  private static final int MINUTE = 9;
  private static final int SECOND = 10;
  private static final int OFFSET = 11;
  private static final int ZONE_NAME = 12;
  private static final int WEEKDAY = 13;
  private static final int EPOCH_SECONDS = 14;
  private static final int EPOCH_MILLIS = 15;
  private static final int EPOCH_MICROS = 16;
  private static final int EPOCH_DECIMAL = 17;
  private static final int FRACTION3 = 18;
  private static final int FRACTION6 = 19;
  private static final int FRACTION_OPTIONAL = 20;
  private static final int MAX_FRACTION_DIGITS = 9;

  private static final String[] MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"
  };

  private final String source;
  private final int[] ops;

  private TimestampPattern(String source, int[] ops) {
    this.source = source;
    this.ops = ops;
  }

  /** Apache {@code %t} and nginx {@code $time_local}: {@code 10/Oct/2000:13:55:36 -0700}. */
  static TimestampPattern clf() {
    return strftime("%d/%b/%Y:%H:%M:%S %z");
  }

  /** nginx {@code $time_iso8601}: {@code 2000-10-10T13:55:36-07:00}. */
  static TimestampPattern iso8601() {
    return strftime("%Y-%m-%dT%H:%M:%S%z");
  }

  /**
   * ISO 8601 / RFC 3339 as load balancers and proxies write it: {@code 2015-05-13T23:39:43.945958Z}, {@code
   * 2016-04-15T20:17:00.310Z}, {@code 2026-11-23T10:00:00+01:00}; the fraction is optional.
   */
  static TimestampPattern iso8601WithFraction() {
    return strftime("%Y-%m-%dT%H:%M:%S%9%z");
  }

  /** HAProxy's {@code %tr}: {@code 06/Feb/2009:12:14:14.655}, local time without an offset (read as UTC). */
  static TimestampPattern haproxy() {
    return strftime("%d/%b/%Y:%H:%M:%S%9");
  }

  /** Seconds since the epoch ({@code %{sec}t}). */
  static TimestampPattern epochSeconds() {
    return new TimestampPattern("%s", new int[] {EPOCH_SECONDS});
  }

  /** Milliseconds since the epoch ({@code %{msec}t}). */
  static TimestampPattern epochMillis() {
    return new TimestampPattern("%{msec}", new int[] {EPOCH_MILLIS});
  }

  /** Microseconds since the epoch ({@code %{usec}t}). */
  static TimestampPattern epochMicros() {
    return new TimestampPattern("%{usec}", new int[] {EPOCH_MICROS});
  }

  /** nginx {@code $msec}: seconds with a fraction, {@code 1481105107.123}. */
  static TimestampPattern epochDecimal() {
    return new TimestampPattern("$msec", new int[] {EPOCH_DECIMAL});
  }

  /**
   * Compiles a strftime layout.
   *
   * @throws IllegalArgumentException naming the unsupported conversion (the layout is config, so
   *     it may be quoted)
   */
  static TimestampPattern strftime(String layout) {
    int[] out = new int[layout.length() * 4 + 4];
    int n = 0;
    for (int i = 0; i < layout.length(); i++) {
      char c = layout.charAt(i);
      if (c != '%') {
        out[n++] = LIT;
        out[n++] = c;
        continue;
      }
      if (i + 1 >= layout.length()) {
        throw new IllegalArgumentException("dangling % at the end of time layout '" + layout + "'");
      }
      char conv = layout.charAt(++i);
      switch (conv) {
        case 'd' -> out[n++] = DAY;
        case 'e' -> out[n++] = DAY_SPACE;
        case 'm' -> out[n++] = MONTH;
        case 'b', 'h' -> out[n++] = MONTH_ABBR;
        case 'B' -> out[n++] = MONTH_NAME;
        case 'Y' -> out[n++] = YEAR4;
        case 'y' -> out[n++] = YEAR2;
        case 'H' -> out[n++] = HOUR;
        case 'M' -> out[n++] = MINUTE;
        case 'S' -> out[n++] = SECOND;
        case 'z' -> out[n++] = OFFSET;
        case 'Z' -> out[n++] = ZONE_NAME;
        case 'a', 'A' -> out[n++] = WEEKDAY;
        case 's' -> out[n++] = EPOCH_SECONDS;
        case '3' -> out[n++] = FRACTION3;
        case '6' -> out[n++] = FRACTION6;
        case '9' -> out[n++] = FRACTION_OPTIONAL;
        case '%' -> {
          out[n++] = LIT;
          out[n++] = '%';
        }
        case 'T' -> n = append(out, n, HOUR, ':', MINUTE, ':', SECOND);
        case 'R' -> n = append(out, n, HOUR, ':', MINUTE);
        case 'D' -> n = append(out, n, MONTH, '/', DAY, '/', YEAR2);
        case 'F' -> n = append(out, n, YEAR4, '-', MONTH, '-', DAY);
        default -> throw new IllegalArgumentException(
            "unsupported strftime conversion %" + conv + " in time layout '" + layout + "'");
      }
    }
    return new TimestampPattern(layout, Arrays.copyOf(out, n));
  }

  /** Appends ops where a char is a literal and an int below 32 is a conversion. */
  private static int append(int[] out, int n, Object... parts) {
    for (Object p : parts) {
      if (p instanceof Character ch) {
        out[n++] = LIT;
        out[n++] = ch;
      } else {
        out[n++] = (Integer) p;
      }
    }
    return n;
  }

  /** The layout this pattern was compiled from (config text). */
  String source() {
    return source;
  }

  /** True when the layout fixes a calendar day: year, month and day, or an epoch count. */
  boolean isComplete() {
    boolean y = false;
    boolean m = false;
    boolean d = false;
    for (int i = 0; i < ops.length; i++) {
      switch (ops[i]) {
        case LIT -> i++;
        case YEAR4, YEAR2 -> y = true;
        case MONTH, MONTH_ABBR, MONTH_NAME -> m = true;
        case DAY, DAY_SPACE -> d = true;
        case EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_DECIMAL -> {
          return true;
        }
        default -> {}
      }
    }
    return y && m && d;
  }

  /**
   * Reads a timestamp starting at {@code pos}.
   *
   * @param end receives the index just after the timestamp in {@code end[0]}
   * @return epoch seconds, or {@link CivilCalendar#INVALID} when the text does not match the layout
   *     or names an impossible instant
   */
  long parse(String s, int pos, int[] end) {
    final int n = s.length();
    int p = pos;
    int year = -1;
    int month = -1;
    int day = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset = 0;
    long epoch = CivilCalendar.INVALID;
    for (int i = 0; i < ops.length; i++) {
      int op = ops[i];
      switch (op) {
        case LIT -> {
          if (p >= n || s.charAt(p) != (char) ops[++i]) {
            return CivilCalendar.INVALID;
          }
          p++;
        }
        case DAY, MONTH, HOUR, MINUTE, SECOND, YEAR2 -> {
          if (p + 2 > n) {
            return CivilCalendar.INVALID;
          }
          int d1 = s.charAt(p) - '0';
          int d2 = s.charAt(p + 1) - '0';
          if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return CivilCalendar.INVALID;
          }
          int v = d1 * 10 + d2;
          p += 2;
          switch (op) {
            case DAY -> day = v;
            case MONTH -> month = v;
            case HOUR -> hour = v;
            case MINUTE -> minute = v;
            case SECOND -> second = v;
            default -> year = v < 69 ? 2000 + v : 1900 + v;
          }
        }
        case DAY_SPACE -> {
          if (p < n && s.charAt(p) == ' ') {
            p++;
          }
          int start = p;
          int v = 0;
          while (p < n && p - start < 2 && isDigit(s.charAt(p))) {
            v = v * 10 + s.charAt(p++) - '0';
          }
          if (p == start) {
            return CivilCalendar.INVALID;
          }
          day = v;
        }
        case YEAR4 -> {
          if (p + 4 > n) {
            return CivilCalendar.INVALID;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            char c = s.charAt(p + k);
            if (!isDigit(c)) {
              return CivilCalendar.INVALID;
            }
            v = v * 10 + c - '0';
          }
          year = v;
          p += 4;
        }
        case MONTH_ABBR -> {
          if (p + 3 > n) {
            return CivilCalendar.INVALID;
          }
          month = monthFromAbbreviation(s.charAt(p), s.charAt(p + 1), s.charAt(p + 2));
          if (month < 0) {
            return CivilCalendar.INVALID;
          }
          p += 3;
        }
        case MONTH_NAME -> {
          int start = p;
          while (p < n && isLetter(s.charAt(p))) {
            p++;
          }
          month = -1;
          for (int m = 0; m < 12; m++) {
            if (MONTH_NAMES[m].length() == p - start
                && s.regionMatches(true, start, MONTH_NAMES[m], 0, p - start)) {
              month = m + 1;
            }
          }
          if (month < 0) {
            return CivilCalendar.INVALID;
          }
        }
        case WEEKDAY -> {
          int start = p;
          while (p < n && isLetter(s.charAt(p))) {
            p++;
          }
          if (p - start < 3) {
            return CivilCalendar.INVALID;
          }
        }
        case OFFSET -> {
          if (p < n && s.charAt(p) == 'Z') {
            p++;
            offset = 0;
            break;
          }
          if (p + 5 > n) {
            return CivilCalendar.INVALID;
          }
          char sign = s.charAt(p);
          if (sign != '+' && sign != '-') {
            return CivilCalendar.INVALID;
          }
          int hh = twoDigits(s, p + 1);
          int mmAt = p + 3;
          if (s.charAt(mmAt) == ':') {
            mmAt++;
          }
          int mm = mmAt + 2 <= n ? twoDigits(s, mmAt) : -1;
          if (hh < 0 || hh > 18 || mm < 0 || mm > 59) {
            return CivilCalendar.INVALID;
          }
          offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
          p = mmAt + 2;
        }
        case ZONE_NAME -> {
          if (s.startsWith("UTC", p) || s.startsWith("GMT", p)) {
            p += 3;
          } else if (p < n && s.charAt(p) == 'Z') {
            p++;
          } else {
            return CivilCalendar.INVALID;
          }
          offset = 0;
        }
        case FRACTION3, FRACTION6 -> {
          int len = op == FRACTION3 ? 3 : 6;
          if (p + len > n) {
            return CivilCalendar.INVALID;
          }
          for (int k = 0; k < len; k++) {
            if (!isDigit(s.charAt(p + k))) {
              return CivilCalendar.INVALID;
            }
          }
          p += len;
        }
        case FRACTION_OPTIONAL -> {
          if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
            int start = ++p;
            while (p < n && isDigit(s.charAt(p)) && p - start < MAX_FRACTION_DIGITS) {
              p++;
            }
            if (p == start || (p < n && isDigit(s.charAt(p)))) {
              return CivilCalendar.INVALID;
            }
          }
        }
        case EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_DECIMAL -> {
          int start = p;
          long v = 0;
          while (p < n && isDigit(s.charAt(p)) && p - start < 17) {
            v = v * 10 + s.charAt(p++) - '0';
          }
          if (p == start || (p < n && isDigit(s.charAt(p)))) {
            return CivilCalendar.INVALID;
          }
          if (op == EPOCH_DECIMAL && p < n && s.charAt(p) == '.') {
            p++;
            int fracStart = p;
            while (p < n && isDigit(s.charAt(p)) && p - fracStart < 9) {
              p++;
            }
            if (p == fracStart) {
              return CivilCalendar.INVALID;
            }
          }
          epoch = op == EPOCH_MILLIS ? v / 1000 : op == EPOCH_MICROS ? v / 1_000_000 : v;
          if (epoch > 253_402_300_799L) { // after 9999-12-31: not a plausible log time
            return CivilCalendar.INVALID;
          }
        }
        default -> {
          return CivilCalendar.INVALID;
        }
      }
    }
    end[0] = p;
    if (epoch != CivilCalendar.INVALID) {
      return epoch;
    }
    return CivilCalendar.epochSecond(year, month, day, hour, minute, second, offset);
  }

  private static int twoDigits(String s, int p) {
    char a = s.charAt(p);
    char b = s.charAt(p + 1);
    if (!isDigit(a) || !isDigit(b)) {
      return -1;
    }
    return (a - '0') * 10 + (b - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** English month abbreviation, any case, to 1..12; -1 if none. */
  static int monthFromAbbreviation(char a, char b, char c) {
    if (!isLetter(a) || !isLetter(b) || !isLetter(c)) {
      return -1;
    }
    int key = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
    return switch (key) {
      case ('j' << 16) | ('a' << 8) | 'n' -> 1;
      case ('f' << 16) | ('e' << 8) | 'b' -> 2;
      case ('m' << 16) | ('a' << 8) | 'r' -> 3;
      case ('a' << 16) | ('p' << 8) | 'r' -> 4;
      case ('m' << 16) | ('a' << 8) | 'y' -> 5;
      case ('j' << 16) | ('u' << 8) | 'n' -> 6;
      case ('j' << 16) | ('u' << 8) | 'l' -> 7;
      case ('a' << 16) | ('u' << 8) | 'g' -> 8;
      case ('s' << 16) | ('e' << 8) | 'p' -> 9;
      case ('o' << 16) | ('c' << 8) | 't' -> 10;
      case ('n' << 16) | ('o' << 8) | 'v' -> 11;
      case ('d' << 16) | ('e' << 8) | 'c' -> 12;
      default -> -1;
    };
  }
}
