package org.geotraffic.parse;

import java.util.List;

/**
 * The one line scanner behind every text format (presets, {@code apache:}, {@code nginx:},
 * {@code nginx-json:}): it walks a {@link LineFormat}'s tokens left to right over the line, checks
 * literals in place, records each field as a character range and only materialises the strings a
 * {@link LogEntry} needs. No regular expressions, no backtracking.
 *
 * <p>Field ends: a timestamp reads itself (its layout says how long it is); a field between quote
 * literals ends at the first unescaped {@code "} that is followed by the rest of the next literal
 * (so a stray quote inside a user agent does not cut it); any other field ends at the first
 * character of the next literal. A client field before a space may be a proxy list ("a, b, c"):
 * a space after a comma does not end it. When a line fails as {@link RejectReason#MALFORMED} and
 * the format starts with the client, up to three more space-separated address words are taken into
 * the client ({@code "a, b" c - - [...]}, written by load balancers) and the list is rewritten as
 * "a, b, c"; this second pass only runs for lines that failed.
 *
 * <p>A format's {@link FormatTraits} add what its tokens do not say: a syslog header to skip before the first
 * field, a header line to filter, fields after the last one to skip (presets), a client field that always carries
 * a port, and a site taken from an absolute request target. Fields of shape {@link
 * FormatToken.Shape#OPTIONALLY_QUOTED} are a quoted string or a bare word; {@link FormatToken.Shape#SPACE_PADDED}
 * fields skip the spaces before them.
 *
 * <p>The last timestamp text and its epoch second are cached: consecutive lines usually share the
 * second. Not thread-safe: one instance per partition.
 */
final class TokenLineParser implements LineParser {
  private static final int K_PLAIN = 1;
  private static final int K_QUOTED = 2;
  private static final int K_TIME = 3;
  private static final int K_CLIENT = 4;
  private static final int K_MAYBE_QUOTED = 5;
  private static final int K_PADDED = 6;
  private static final int SLOTS = Slot.values().length;
  private static final int MAX_LIST_EXTENSIONS = 3;
  private static final java.util.Set<Slot> FREE_TEXT =
      java.util.EnumSet.of(
          Slot.REQUEST, Slot.PATH, Slot.TARGET, Slot.QUERY_ARGS, Slot.QUERY_WITH_MARK,
          Slot.REFERER, Slot.USER_AGENT, Slot.USER, Slot.FORWARDED_FOR, Slot.IGNORED);

  private static final ParseResult MALFORMED = ParseResult.rejected(RejectReason.MALFORMED);
  private static final ParseResult DIRECTIVE = ParseResult.filtered(FilterReason.DIRECTIVE);

  private final int maxLineLength;
  private final LineFormat.EscapeStyle escapes;
  /** Literal text before the first field, or null. */
  private final String prefix;
  /** Number of fields; field j is followed by its terminator literal term[j] (or null). */
  private final int count;
  private final int[] kind;
  private final String[] term;
  /** For optionally quoted fields: the closing quote followed by the terminator. */
  private final String[] quotedTerm;
  private final boolean trailingFields;
  private final char fieldSeparator;
  private final boolean clientHasPort;
  private final boolean siteFromTarget;
  private final boolean syslogHeader;
  private final String headerLine;
  /**
   * For a last field without a terminator: true when its value has no spaces (numbers, addresses),
   * so that extra trailing fields make the line MALFORMED instead of becoming part of the value.
   */
  private final boolean[] stopsAtSpace;
  /** Slot ordinal for fields that fill the entry, -1 for ignored fields. */
  private final int[] slot;
  private final TimestampPattern[] time;
  private final boolean[] timeCacheable;
  private final boolean[] present = new boolean[SLOTS];

  // Per-line state.
  private final int[] start = new int[SLOTS];
  private final int[] end = new int[SLOTS];
  private final boolean[] escaped = new boolean[SLOTS];
  private final int[] timeEnd = new int[1];
  private final RequestLine request = new RequestLine();
  private long epoch;
  private int clientListEnd = -1;
  private String cachedTimeText;
  private long cachedEpoch;
  private long internalErrors;

  TokenLineParser(LineFormat format, int maxLineLength) {
    this.maxLineLength = maxLineLength;
    this.escapes = format.escapes();
    FormatTraits traits = format.traits();
    this.trailingFields = traits.trailingFields();
    this.fieldSeparator = traits.fieldSeparator();
    this.clientHasPort = traits.clientForm() == FormatTraits.ClientForm.ADDRESS_AND_PORT;
    this.siteFromTarget = traits.siteFromTarget();
    this.syslogHeader = traits.linePrefix() == FormatTraits.LinePrefix.SYSLOG;
    this.headerLine = traits.headerLine();
    List<FormatToken> tokens = format.tokens();
    int first = tokens.get(0) instanceof FormatToken.Literal l0 ? 1 : 0;
    this.prefix = first == 1 ? ((FormatToken.Literal) tokens.get(0)).text() : null;
    int fields = 0;
    for (FormatToken t : tokens) {
      fields += t instanceof FormatToken.Field ? 1 : 0;
    }
    this.count = fields;
    this.kind = new int[count];
    this.term = new String[count];
    this.quotedTerm = new String[count];
    this.stopsAtSpace = new boolean[count];
    this.slot = new int[count];
    this.time = new TimestampPattern[count];
    this.timeCacheable = new boolean[count];
    int[] winner = winners(tokens);
    int j = 0;
    for (int i = first; i < tokens.size(); i++) {
      if (!(tokens.get(i) instanceof FormatToken.Field f)) {
        continue;
      }
      slot[j] = -1;
      if (winner[f.slot().ordinal()] == i && f.slot() != Slot.IGNORED) {
        slot[j] = f.slot().ordinal();
        present[slot[j]] = true;
      }
      String prev = i > 0 && tokens.get(i - 1) instanceof FormatToken.Literal pl ? pl.text() : null;
      String next =
          i + 1 < tokens.size() && tokens.get(i + 1) instanceof FormatToken.Literal nl ? nl.text() : null;
      term[j] = next;
      stopsAtSpace[j] = next == null && !FREE_TEXT.contains(f.slot());
      if (f.time() != null) {
        kind[j] = K_TIME;
        time[j] = f.time();
        // A cached text may be reused only if the character after it cannot extend the timestamp.
        timeCacheable[j] =
            slot[j] == Slot.TIME.ordinal()
                && next != null
                && !Character.isLetterOrDigit(next.charAt(0));
      } else if (prev != null && prev.endsWith("\"") && next != null && next.startsWith("\"")) {
        kind[j] = K_QUOTED;
      } else if (f.shape() == FormatToken.Shape.OPTIONALLY_QUOTED) {
        kind[j] = K_MAYBE_QUOTED;
        quotedTerm[j] = next == null ? "\"" : "\"" + next;
      } else if (f.shape() == FormatToken.Shape.SPACE_PADDED) {
        kind[j] = K_PADDED;
      } else if (f.slot() == Slot.CLIENT && next != null && next.charAt(0) == ' ') {
        kind[j] = K_CLIENT;
      } else {
        kind[j] = K_PLAIN;
      }
      j++;
    }
  }

  /** For each slot, the token index of the field that fills it: highest priority, then first. */
  static int[] winners(List<FormatToken> tokens) {
    int[] winner = new int[SLOTS];
    int[] best = new int[SLOTS];
    java.util.Arrays.fill(winner, -1);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) instanceof FormatToken.Field f) {
        int s = f.slot().ordinal();
        if (winner[s] < 0 || f.priority() > best[s]) {
          winner[s] = i;
          best[s] = f.priority();
        }
      }
    }
    return winner;
  }

  @Override
  public ParseResult parse(String line) {
    return parse(line, false);
  }

  @Override
  public ParseResult parse(String line, boolean printableAscii) {
    try {
      if (!printableAscii) {
        line = LinePrecheck.withoutByteOrderMark(line);
      }
      int firstBackslash = LinePrecheck.scan(line, maxLineLength, printableAscii);
      if (firstBackslash < 0) {
        return LinePrecheck.result(firstBackslash);
      }
      line = LinePrecheck.withoutCarriageReturn(line);
      clientListEnd = -1;
      if (headerLine != null || syslogHeader) {
        return scanAfterHeader(line, firstBackslash);
      }
      ParseResult r = scan(line, firstBackslash, 0);
      if (r == MALFORMED && prefix == null && kind[0] == K_CLIENT) {
        r = scanAsProxyList(line, firstBackslash, 0);
      }
      return r;
    } catch (RuntimeException e) {
      // Safety net only: the message is never logged (it could quote data). The fuzz test asserts
      // that this count stays zero.
      internalErrors++;
      return MALFORMED;
    }
  }

  /** {@link #parse} for formats with a header line or a syslog header before the line. */
  private ParseResult scanAfterHeader(String line, int firstBackslash) {
    if (headerLine != null && line.startsWith(headerLine)) {
      return DIRECTIVE;
    }
    int lineStart = syslogHeader ? SyslogHeader.end(line) : 0;
    ParseResult r = scan(line, firstBackslash, lineStart);
    if (r == MALFORMED && prefix == null && kind[0] == K_CLIENT) {
      r = scanAsProxyList(line, firstBackslash, lineStart);
    }
    return r;
  }

  /** How many lines hit an unexpected exception (a bug); for tests. */
  long internalErrors() {
    return internalErrors;
  }

  private ParseResult scan(String line, int firstBackslash, int lineStart) {
    final int n = line.length();
    int pos = lineStart;
    if (prefix != null) {
      if (!line.startsWith(prefix, pos)) {
        return MALFORMED;
      }
      pos += prefix.length();
    }
    for (int i = 0; i < count; i++) {
      final String t = term[i];
      int e;
      switch (kind[i]) {
        case K_PLAIN -> {
          e = t != null ? line.indexOf(t.charAt(0), pos) : stopsAtSpace[i] ? spaceOrEnd(line, pos) : n;
          if (e < 0) {
            return MALFORMED;
          }
          record(i, line, pos, e, firstBackslash);
        }
        case K_CLIENT -> {
          e = clientListEnd >= 0 ? clientListEnd : clientEnd(line, pos);
          if (e < 0) {
            return MALFORMED;
          }
          record(i, line, pos, e, firstBackslash);
        }
        case K_QUOTED -> {
          e = closingQuote(line, pos, t);
          if (e < 0) {
            return e == -1 ? ParseResult.rejected(RejectReason.UNTERMINATED_QUOTE) : MALFORMED;
          }
          record(i, line, pos, e, firstBackslash);
        }
        case K_MAYBE_QUOTED, K_PADDED -> {
          // Kept out of line: this method is the hot loop of every text format, and its size decides what the
          // JIT inlines into it.
          e = kind[i] == K_PADDED ? scanPadded(i, line, pos, firstBackslash)
              : scanMaybeQuoted(i, line, pos, firstBackslash);
          if (e < 0) {
            return e == -1 ? ParseResult.rejected(RejectReason.UNTERMINATED_QUOTE) : MALFORMED;
          }
        }
        default -> {
          e = readTime(i, line, pos);
          if (e < 0) {
            return ParseResult.rejected(RejectReason.BAD_TIMESTAMP);
          }
        }
      }
      if (t != null) {
        if (!line.startsWith(t, e)) {
          return MALFORMED;
        }
        e += t.length();
      }
      pos = e;
    }
    if (pos != n && !(trailingFields && isFieldSeparator(line.charAt(pos)))) {
      return MALFORMED;
    }
    return assemble(line);
  }

  /**
   * Reads an optionally quoted field at pos: a quoted string (its end is the closing quote and the terminator) or a
   * bare word up to the terminator. Returns the index after the field, -1 for an unterminated quote, -2 when the
   * line does not have the shape.
   */
  private int scanMaybeQuoted(int i, String line, int pos, int firstBackslash) {
    if (pos < line.length() && line.charAt(pos) == '"') {
      int q = closingQuote(line, pos + 1, quotedTerm[i]);
      if (q < 0) {
        return q;
      }
      record(i, line, pos + 1, q, firstBackslash);
      return q + 1;
    }
    int e = term[i] != null ? line.indexOf(term[i].charAt(0), pos) : spaceOrEnd(line, pos);
    if (e < 0) {
      return -2;
    }
    record(i, line, pos, e, firstBackslash);
    return e;
  }

  /** Reads a field after the spaces that pad it; the index after the field, or -2 when it has no end. */
  private int scanPadded(int i, String line, int pos, int firstBackslash) {
    while (pos < line.length() && line.charAt(pos) == ' ') {
      pos++;
    }
    int e = term[i] != null ? line.indexOf(term[i].charAt(0), pos) : spaceOrEnd(line, pos);
    if (e < 0) {
      return -2;
    }
    record(i, line, pos, e, firstBackslash);
    return e;
  }

  /** What may separate a format's last field from fields a server appended to it. */
  private boolean isFieldSeparator(char c) {
    return c == fieldSeparator || (fieldSeparator == ' ' && c == '\t');
  }

  /** Retries a malformed line with the client widened over following address words. */
  private ParseResult scanAsProxyList(String line, int firstBackslash, int lineStart) {
    int e = clientEnd(line, lineStart);
    for (int k = 0; k < MAX_LIST_EXTENSIONS && e >= 0; k++) {
      e = clientEnd(line, e + 1);
      if (e < 0 || !ClientField.isAddressListText(line, lineStart, e)) {
        break;
      }
      clientListEnd = e;
      ParseResult r = scan(line, firstBackslash, lineStart);
      if (r != MALFORMED) {
        return r;
      }
    }
    clientListEnd = -1;
    return MALFORMED;
  }

  private static int spaceOrEnd(String line, int pos) {
    int e = line.indexOf(' ', pos);
    return e < 0 ? line.length() : e;
  }

  /** The first space at or after pos that does not follow a comma; -1 if none. */
  private static int clientEnd(String line, int pos) {
    int e = line.indexOf(' ', pos);
    while (e > pos && line.charAt(e - 1) == ',') {
      e = line.indexOf(' ', e + 1);
    }
    return e == pos ? -1 : e;
  }

  /**
   * The index of the quote that closes a field starting at pos: the first unescaped {@code "}
   * followed by the rest of the terminator. -1 when the line has no unescaped quote after pos
   * (unterminated), -2 when it has some but none is followed by the terminator (wrong shape).
   */
  private static int closingQuote(String line, int pos, String terminator) {
    int from = pos;
    while (true) {
      int q = line.indexOf(terminator, from);
      if (q < 0) {
        return hasUnescapedQuote(line, pos) ? -2 : -1;
      }
      if (!isEscaped(line, pos, q)) {
        return q;
      }
      from = q + 1;
    }
  }

  /** True when the quote at q is preceded by an odd number of backslashes (after pos). */
  private static boolean isEscaped(String line, int pos, int q) {
    int b = q - 1;
    while (b >= pos && line.charAt(b) == '\\') {
      b--;
    }
    return ((q - 1 - b) & 1) == 1;
  }

  private static boolean hasUnescapedQuote(String line, int pos) {
    for (int q = line.indexOf('"', pos); q >= 0; q = line.indexOf('"', q + 1)) {
      if (!isEscaped(line, pos, q)) {
        return true;
      }
    }
    return false;
  }

  private int readTime(int i, String line, int pos) {
    if (timeCacheable[i] && cachedTimeText != null) {
      int len = cachedTimeText.length();
      int after = pos + len;
      if (line.regionMatches(pos, cachedTimeText, 0, len)
          && line.startsWith(term[i], after)) {
        epoch = cachedEpoch;
        return after;
      }
    }
    long value = time[i].parse(line, pos, timeEnd);
    if (value == CivilCalendar.INVALID) {
      return -1;
    }
    if (slot[i] >= 0) {
      epoch = value;
      if (timeCacheable[i]) {
        cachedTimeText = line.substring(pos, timeEnd[0]);
        cachedEpoch = value;
      }
    }
    return timeEnd[0];
  }

  private void record(int i, String line, int from, int to, int firstBackslash) {
    int s = slot[i];
    if (s >= 0) {
      start[s] = from;
      end[s] = to;
      escaped[s] = firstBackslash < to && hasBackslash(line, from, to);
    }
  }

  private static boolean hasBackslash(String line, int from, int to) {
    int b = line.indexOf('\\', from);
    return b >= 0 && b < to;
  }

  private ParseResult assemble(String line) {
    String client;
    if (clientListEnd >= 0) {
      client = ClientField.joinedList(line, start[Slot.CLIENT.ordinal()], clientListEnd);
    } else {
      client = value(line, Slot.CLIENT);
      if (client == null) {
        return MALFORMED;
      }
    }
    if (clientHasPort) {
      client = ClientField.withoutPort(client);
    }
    if (!ClientField.isPlausible(client)) {
      // A line whose request line is garbage too (a TLS handshake, "-", a TCP connection logged by a proxy) is
      // counted as a bad request: that is what it is, and the client field then often holds nothing.
      return hasGarbageRequest(line) ? ParseResult.rejected(RejectReason.BAD_REQUEST)
          : ParseResult.rejected(RejectReason.BAD_CLIENT);
    }
    String method;
    String target;
    String protocol;
    if (present[Slot.REQUEST.ordinal()]) {
      int s = start[Slot.REQUEST.ordinal()];
      int e = end[Slot.REQUEST.ordinal()];
      boolean ok;
      if (escaped[Slot.REQUEST.ordinal()]) {
        String decoded = FieldText.value(line, s, e, true, escapes);
        ok = decoded != null && request.parse(decoded, 0, decoded.length());
      } else {
        ok = request.parse(line, s, e);
      }
      if (!ok) {
        return ParseResult.rejected(RejectReason.BAD_REQUEST);
      }
      method = request.method();
      target = request.target();
      protocol = request.protocol();
    } else {
      method = optional(line, Slot.METHOD);
      protocol = optional(line, Slot.PROTOCOL);
      target = present[Slot.TARGET.ordinal()] ? optional(line, Slot.TARGET) : pathAndQuery(line);
    }
    int st = present[Slot.STATUS.ordinal()]
        ? NumericField.status(line, start[Slot.STATUS.ordinal()], end[Slot.STATUS.ordinal()])
        : -1;
    if (st < 0) {
      return ParseResult.rejected(RejectReason.BAD_STATUS);
    }
    long bytes = present[Slot.BYTES.ordinal()]
        ? NumericField.bytes(line, start[Slot.BYTES.ordinal()], end[Slot.BYTES.ordinal()])
        : 0;
    if (bytes < 0) {
      return ParseResult.rejected(RejectReason.BAD_BYTES);
    }
    String site = optional(line, Slot.SITE);
    if (site != null && !SiteName.isPlausible(site)) {
      return MALFORMED;
    }
    if (site == null && siteFromTarget && target != null) {
      site = TargetHost.of(target);
    }
    return ParseResult.accepted(
        new LogEntry(
            client,
            optional(line, Slot.FORWARDED_FOR),
            optional(line, Slot.USER),
            epoch,
            method,
            target,
            protocol,
            st,
            bytes,
            optional(line, Slot.REFERER),
            optional(line, Slot.USER_AGENT),
            site == null ? null : SiteName.withoutPort(site)));
  }

  /** True when the format has a request line and this line's cannot be read as one. */
  private boolean hasGarbageRequest(String line) {
    if (!present[Slot.REQUEST.ordinal()]) {
      return false;
    }
    String text = value(line, Slot.REQUEST);
    return text == null || !request.parse(text, 0, text.length());
  }

  private String pathAndQuery(String line) {
    String path = optional(line, Slot.PATH);
    if (path == null) {
      return null;
    }
    String query = null;
    if (present[Slot.QUERY_WITH_MARK.ordinal()]) {
      query = value(line, Slot.QUERY_WITH_MARK);
    } else if (present[Slot.QUERY_ARGS.ordinal()]) {
      String args = optional(line, Slot.QUERY_ARGS);
      query = args == null ? null : "?" + args;
    }
    return query == null || query.isEmpty() || query.equals("-") ? path : path + query;
  }

  /** The field's value with "" and "-" as null; null also when the format lacks it. */
  private String optional(String line, Slot s) {
    int o = s.ordinal();
    if (!present[o] || FieldText.isAbsent(line, start[o], end[o])) {
      return null;
    }
    return FieldText.value(line, start[o], end[o], escaped[o], escapes);
  }

  private String value(String line, Slot s) {
    int o = s.ordinal();
    return FieldText.value(line, start[o], end[o], escaped[o], escapes);
  }
}
