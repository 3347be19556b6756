package org.geotraffic.parse;

import java.util.Locale;

/**
 * Parses IIS / W3C extended log files. The layout comes from the data: each {@code #Fields:}
 * directive (read at the start of a file and again whenever it appears mid-file, as IIS writes it
 * after a restart or a configuration change) replaces the current column list. Before the first
 * {@code #Fields:} of a file every record is {@link RejectReason#MALFORMED}; all {@code #} lines,
 * {@code #Fields:} included, are {@link FilterReason#DIRECTIVE}.
 *
 * <p>Columns used: {@code date}+{@code time} (UTC, as W3C defines them; {@code time} may carry a
 * fraction), {@code c-ip} (kept as written, IPv6 zone ids such as {@code ::1%0} included),
 * {@code cs-method}, {@code cs-uri-stem} + {@code cs-uri-query} (target = stem + "?" + query when
 * the query is not "-"), {@code cs-uri} (a whole target, used when there is no stem),
 * {@code cs-version} or {@code cs-protocol-version}, {@code sc-status}, {@code sc-bytes}, {@code cs-username},
 * the site from {@code x-host-header} (CloudFront's Host header), else {@code cs-host}, else {@code cs(Host)},
 * {@code cs(User-Agent)} (decoded as the {@link W3cDialect} says), {@code cs(Referer)}, {@code cs(X-Forwarded-For)}
 * or {@code x-forwarded-for}. Other columns are skipped. A header without {@code date}, {@code time}, {@code c-ip}
 * or {@code sc-status} makes its records MALFORMED. Records are split at spaces, or at tabs when they have any.
 *
 * <p>Not thread-safe: it holds the current header. {@link #startFile()} forgets it.
 */
final class W3cLineParser implements LineParser {
  /** The columns this parser reads, for the run summary. */
  static final java.util.List<String> USED_COLUMNS = java.util.List.of("date", "time", "c-ip", "cs-method",
      "cs-uri-stem", "cs-uri-query", "cs-uri", "cs-version", "cs-protocol-version", "sc-status", "sc-bytes",
      "cs-username", "x-host-header", "cs-host", "cs(Host)", "cs(User-Agent)", "cs(Referer)", "cs(X-Forwarded-For)",
      "x-forwarded-for");

  private static final int C_DATE = Slot.values().length;
  private static final int C_TIME = C_DATE + 1;
  private static final int KINDS = C_TIME + 1;
  private static final ParseResult MALFORMED = ParseResult.rejected(RejectReason.MALFORMED);
  private static final ParseResult DIRECTIVE = ParseResult.filtered(FilterReason.DIRECTIVE);

  private final int maxLineLength;
  private final W3cDialect dialect;
  /** The dialect's default columns, compiled; null when it has none. */
  private final int[] defaultColumns;
  private final boolean[] defaultPresent;
  private final boolean defaultUsable;
  /** Per column of the current header: a slot ordinal, C_DATE, C_TIME, or -1. Null before one. */
  private int[] columns;
  private boolean usable;
  /** True while the columns are the dialect's default ones: fields appended after them are skipped. */
  private boolean assumed;
  private String fieldsLine;
  private final int[] start = new int[KINDS];
  private final int[] end = new int[KINDS];
  /** Per kind: whether the current header has such a column. */
  private boolean[] present = new boolean[KINDS];
  private String cachedDate;
  private long cachedEpochDay;
  private long internalErrors;

  W3cLineParser(W3cDialect dialect, int maxLineLength) {
    this.maxLineLength = maxLineLength;
    this.dialect = dialect;
    if (dialect.defaultColumns().isEmpty()) {
      this.defaultColumns = null;
      this.defaultPresent = new boolean[KINDS];
      this.defaultUsable = false;
    } else {
      this.defaultColumns = compileHeader(dialect.defaultColumns().toArray(String[]::new));
      this.defaultPresent = present;
      this.defaultUsable = usable;
    }
    startFile();
  }

  @Override
  public void startFile() {
    columns = defaultColumns;
    present = defaultPresent;
    usable = defaultUsable;
    assumed = defaultColumns != null;
    fieldsLine = null;
  }

  @Override
  public ParseResult parse(String line) {
    try {
      line = LinePrecheck.withoutByteOrderMark(line);
      ParseResult pre = LinePrecheck.check(line, maxLineLength);
      if (pre != null) {
        return pre;
      }
      line = LinePrecheck.withoutCarriageReturn(line);
      if (line.charAt(0) == '#') {
        if (line.regionMatches(true, 0, "#Fields:", 0, 8) && !line.equals(fieldsLine)) {
          readHeader(line);
        }
        return DIRECTIVE;
      }
      if (columns == null || !usable) {
        return MALFORMED;
      }
      return record(line);
    } catch (RuntimeException e) {
      internalErrors++; // safety net; the message is never logged, it could quote data
      return MALFORMED;
    }
  }

  /** How many lines hit an unexpected exception (a bug); for tests. */
  long internalErrors() {
    return internalErrors;
  }

  private void readHeader(String line) {
    columns = compileHeader(line.substring(8).trim().split("[ \\t]+"));
    assumed = false;
    fieldsLine = line;
  }

  /** The column kinds of a header; sets {@link #present} and {@link #usable} for it. */
  private int[] compileHeader(String[] names) {
    int[] cols = new int[names.length];
    present = new boolean[KINDS];
    int siteColumn = -1;
    int siteRank = 0;
    for (int i = 0; i < names.length; i++) {
      String name = names[i].toLowerCase(Locale.ROOT);
      int kind = kindOf(name);
      int rank = siteRank(name);
      if (rank > 0) {
        // Several site columns (CloudFront: cs(Host) is its own domain, x-host-header the viewer's Host): the
        // best one counts.
        if (rank > siteRank) {
          if (siteColumn >= 0) {
            cols[siteColumn] = -1;
          }
          siteColumn = i;
          siteRank = rank;
        } else {
          kind = -1;
        }
      } else if (kind >= 0 && present[kind]) {
        kind = -1; // a repeated column: the first one counts
      }
      cols[i] = kind;
      if (kind >= 0) {
        present[kind] = true;
      }
    }
    usable =
        present[C_DATE]
            && present[C_TIME]
            && present[Slot.CLIENT.ordinal()]
            && present[Slot.STATUS.ordinal()];
    return cols;
  }

  /** How good a site column is: 3 for x-host-header, 2 for cs-host, 1 for cs(host), 0 for other columns. */
  private static int siteRank(String name) {
    return switch (name) {
      case "x-host-header" -> 3;
      case "cs-host" -> 2;
      case "cs(host)" -> 1;
      default -> 0;
    };
  }

  private static int kindOf(String name) {
    Slot s =
        switch (name) {
          case "c-ip" -> Slot.CLIENT;
          case "cs-method" -> Slot.METHOD;
          case "cs-uri-stem" -> Slot.PATH;
          case "cs-uri-query" -> Slot.QUERY_ARGS;
          case "cs-uri" -> Slot.TARGET;
          case "cs-version", "cs-protocol-version" -> Slot.PROTOCOL;
          case "sc-status" -> Slot.STATUS;
          case "sc-bytes" -> Slot.BYTES;
          case "cs-username" -> Slot.USER;
          case "cs-host", "cs(host)", "x-host-header" -> Slot.SITE;
          case "cs(user-agent)" -> Slot.USER_AGENT;
          case "cs(referer)" -> Slot.REFERER;
          case "cs(x-forwarded-for)", "x-forwarded-for" -> Slot.FORWARDED_FOR;
          default -> null;
        };
    if (s != null) {
      return s.ordinal();
    }
    return switch (name) {
      case "date" -> C_DATE;
      case "time" -> C_TIME;
      default -> -1;
    };
  }

  private ParseResult record(String line) {
    final int n = line.length();
    final char separator = line.indexOf('\t') >= 0 ? '\t' : ' ';
    int pos = 0;
    for (int c = 0; c < columns.length; c++) {
      if (pos > n) {
        return MALFORMED; // fewer fields than the header
      }
      int e = line.indexOf(separator, pos);
      if (e < 0) {
        e = n;
      }
      if (c == columns.length - 1 && e != n && !assumed) {
        return MALFORMED; // more fields than the header
      }
      int kind = columns[c];
      if (kind >= 0) {
        start[kind] = pos;
        end[kind] = e;
      }
      pos = e + 1;
    }
    if (pos <= n && !assumed) {
      return MALFORMED;
    }
    long time = epochSecond(line);
    if (time == CivilCalendar.INVALID) {
      return ParseResult.rejected(RejectReason.BAD_TIMESTAMP);
    }
    String client = line.substring(start[Slot.CLIENT.ordinal()], end[Slot.CLIENT.ordinal()]);
    if (!ClientField.isPlausible(client)) {
      return ParseResult.rejected(RejectReason.BAD_CLIENT);
    }
    int status = NumericField.status(line, start[Slot.STATUS.ordinal()], end[Slot.STATUS.ordinal()]);
    if (status < 0) {
      return ParseResult.rejected(RejectReason.BAD_STATUS);
    }
    long bytes =
        present[Slot.BYTES.ordinal()]
            ? NumericField.bytes(line, start[Slot.BYTES.ordinal()], end[Slot.BYTES.ordinal()])
            : 0;
    if (bytes < 0) {
      return ParseResult.rejected(RejectReason.BAD_BYTES);
    }
    String method = optional(line, Slot.METHOD);
    if (method != null) {
      method = RequestLine.methodConstant(method, 0, method.length());
    }
    String protocol = optional(line, Slot.PROTOCOL);
    if (protocol != null) {
      protocol = RequestLine.protocolConstant(protocol, 0, protocol.length());
    }
    String target = optional(line, Slot.PATH);
    if (target != null) {
      String query = optional(line, Slot.QUERY_ARGS);
      if (query != null) {
        target = target + "?" + query;
      }
    } else {
      target = optional(line, Slot.TARGET);
    }
    String userAgent = optional(line, Slot.USER_AGENT);
    String site = optional(line, Slot.SITE);
    return ParseResult.accepted(
        new LogEntry(
            client,
            optional(line, Slot.FORWARDED_FOR),
            optional(line, Slot.USER),
            time,
            method,
            target,
            protocol,
            status,
            bytes,
            optional(line, Slot.REFERER),
            userAgent == null ? null : decodeUserAgent(userAgent),
            site == null ? null : SiteName.withoutPort(site)));
  }

  private String decodeUserAgent(String userAgent) {
    return dialect.userAgentEncoding() == W3cDialect.UserAgentEncoding.PLUS_FOR_SPACE
        ? userAgent.replace('+', ' ')
        : PercentEscapes.decodePrintable(userAgent);
  }

  private String optional(String line, Slot s) {
    int o = s.ordinal();
    if (!present[o] || FieldText.isAbsent(line, start[o], end[o])) {
      return null;
    }
    return line.substring(start[o], end[o]);
  }

  /** date "yyyy-MM-dd" + time "HH:mm:ss[.fff]", UTC; the date's epoch day is cached. */
  private long epochSecond(String line) {
    int ds = start[C_DATE];
    int de = end[C_DATE];
    long day;
    if (cachedDate != null
        && de - ds == cachedDate.length()
        && line.regionMatches(ds, cachedDate, 0, de - ds)) {
      day = cachedEpochDay;
    } else {
      if (de - ds != 10 || line.charAt(ds + 4) != '-' || line.charAt(ds + 7) != '-') {
        return CivilCalendar.INVALID;
      }
      int y = digits(line, ds, 4);
      int m = digits(line, ds + 5, 2);
      int d = digits(line, ds + 8, 2);
      if (CivilCalendar.epochSecond(y, m, d, 0, 0, 0, 0) == CivilCalendar.INVALID) {
        return CivilCalendar.INVALID;
      }
      day = CivilCalendar.epochDay(y, m, d);
      cachedDate = line.substring(ds, de);
      cachedEpochDay = day;
    }
    int ts = start[C_TIME];
    int te = end[C_TIME];
    if (te - ts < 8 || line.charAt(ts + 2) != ':' || line.charAt(ts + 5) != ':') {
      return CivilCalendar.INVALID;
    }
    if (te - ts > 8) {
      if (line.charAt(ts + 8) != '.' || te - ts == 9 || digits(line, ts + 9, te - ts - 9) < 0) {
        return CivilCalendar.INVALID;
      }
    }
    int h = digits(line, ts, 2);
    int mi = digits(line, ts + 3, 2);
    int s = digits(line, ts + 6, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
      return CivilCalendar.INVALID;
    }
    return day * 86_400L + h * 3600L + mi * 60L + s;
  }

  /** The value of len ASCII digits (len <= 9), or -1. */
  private static int digits(String s, int from, int len) {
    if (len > 9) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
