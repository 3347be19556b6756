package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object per line ({@link JsonFields}): a single pass over the line that follows only the keys the
 * mapping names, records where their values are and materialises the few strings a {@link LogEntry} needs. Any
 * key order, any nesting, any other keys; strings are JSON-unescaped. The line must be one complete object (nothing
 * but spaces after it), else it is {@link RejectReason#MALFORMED}; so is a line that lacks a client, time or status
 * key. A key present with {@code ""}, {@code "-"} or {@code null} counts as written and empty: a client written
 * so is {@link RejectReason#BAD_CLIENT}, as in text formats. Objects nested deeper than {@value #MAX_DEPTH} are
 * malformed.
 *
 * <p>Not thread-safe: one instance per partition.
 */
final class JsonLineParser implements LineParser {
  static final int MAX_DEPTH = 32;
  private static final int SLOTS = Slot.values().length;
  private static final ParseResult MALFORMED = ParseResult.rejected(RejectReason.MALFORMED);
  private static final int NONE = Integer.MAX_VALUE;

  /** One key of the mapping's paths: its children, and the slot and rank of a path that ends here. */
  private static final class Node {
    final String key;
    final List<Node> children = new ArrayList<>();
    Node[] childArray = new Node[0];
    int slot = -1;
    int rank = NONE;

    Node(String key) {
      this.key = key;
    }

    Node child(String k) {
      for (Node c : children) {
        if (c.key.equals(k)) {
          return c;
        }
      }
      Node c = new Node(k);
      children.add(c);
      return c;
    }

    void freeze() {
      childArray = children.toArray(Node[]::new);
      for (Node c : childArray) {
        c.freeze();
      }
    }

    /** The child for the key {@code s[from, to)} (escaped: decode it first), or null. */
    Node find(String s, int from, int to, boolean escaped) {
      if (childArray.length == 0) {
        return null;
      }
      if (escaped) {
        String k = FieldText.decodeJson(s, from, to);
        for (Node c : childArray) {
          if (c.key.equals(k)) {
            return c;
          }
        }
        return null;
      }
      int len = to - from;
      for (Node c : childArray) {
        if (c.key.length() == len && s.regionMatches(from, c.key, 0, len)) {
          return c;
        }
      }
      return null;
    }

    Node index(int i) {
      if (childArray.length == 0) {
        return null;
      }
      String k = Integer.toString(i);
      for (Node c : childArray) {
        if (c.key.equals(k)) {
          return c;
        }
      }
      return null;
    }
  }

  private final int maxLineLength;
  private final Node root = new Node("");
  private final boolean siteFromTarget;
  private final JsonTime time = new JsonTime();
  private final RequestLine request = new RequestLine();

  // Per-line state.
  private final int[] rank = new int[SLOTS];
  private final boolean[] seen = new boolean[SLOTS];
  private final int[] start = new int[SLOTS];
  private final int[] end = new int[SLOTS];
  private final boolean[] escaped = new boolean[SLOTS];
  private boolean stringEscaped;
  private long internalErrors;

  JsonLineParser(JsonFields fields, int maxLineLength) {
    this.maxLineLength = maxLineLength;
    this.siteFromTarget = fields.siteFromTarget();
    for (Map.Entry<Slot, List<String>> e : fields.paths().entrySet()) {
      List<String> keys = e.getValue();
      for (int r = 0; r < keys.size(); r++) {
        Node n = root;
        for (String part : keys.get(r).split("\\.")) {
          n = n.child(part);
        }
        if (n.slot < 0) { // a key named for two fields fills the first
          n.slot = e.getKey().ordinal();
          n.rank = r;
        }
      }
    }
    root.freeze();
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
      int code = LinePrecheck.scan(line, maxLineLength, printableAscii);
      if (code < 0) {
        return LinePrecheck.result(code);
      }
      line = LinePrecheck.withoutCarriageReturn(line);
      Arrays.fill(rank, NONE);
      Arrays.fill(seen, false);
      int i = skipSpace(line, 0);
      if (i >= line.length() || line.charAt(i) != '{') {
        return MALFORMED;
      }
      int e = value(line, i, root, 0);
      if (e < 0 || skipSpace(line, e) != line.length()) {
        return MALFORMED;
      }
      return assemble(line);
    } catch (RuntimeException e) {
      internalErrors++; // safety net; the message is never logged, it could quote data
      return MALFORMED;
    }
  }

  /** How many lines hit an unexpected exception (a bug); for tests. */
  long internalErrors() {
    return internalErrors;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Reads the value at i (after spaces); the index after it, or -1 when it is not JSON. */
  private int value(String s, int i, Node node, int depth) {
    i = skipSpace(s, i);
    if (i >= s.length()) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '{') {
      return depth >= MAX_DEPTH ? -1 : object(s, i + 1, node, depth + 1);
    }
    if (c == '[') {
      return depth >= MAX_DEPTH ? -1 : array(s, i + 1, node, depth + 1);
    }
    if (c == '"') {
      int q = stringEnd(s, i + 1);
      if (q < 0) {
        return -1;
      }
      offer(node, s, i + 1, q, stringEscaped);
      return q + 1;
    }
    int e = i;
    while (e < s.length() && isScalarChar(s.charAt(e))) {
      e++;
    }
    if (e == i) {
      return -1;
    }
    if (!(e - i == 4 && s.startsWith("null", i))) {
      offer(node, s, i, e, false);
    } else if (node != null && node.slot >= 0) {
      seen[node.slot] = true;
    }
    return e;
  }

  private static boolean isScalarChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
        || c == '.';
  }

  private int object(String s, int i, Node node, int depth) {
    i = skipSpace(s, i);
    if (i < s.length() && s.charAt(i) == '}') {
      return i + 1;
    }
    while (true) {
      i = skipSpace(s, i);
      if (i >= s.length() || s.charAt(i) != '"') {
        return -1;
      }
      int q = stringEnd(s, i + 1);
      if (q < 0) {
        return -1;
      }
      Node child = node == null ? null : node.find(s, i + 1, q, stringEscaped);
      i = skipSpace(s, q + 1);
      if (i >= s.length() || s.charAt(i) != ':') {
        return -1;
      }
      i = value(s, i + 1, child, depth);
      if (i < 0) {
        return -1;
      }
      i = skipSpace(s, i);
      if (i >= s.length()) {
        return -1;
      }
      char c = s.charAt(i++);
      if (c == '}') {
        return i;
      }
      if (c != ',') {
        return -1;
      }
    }
  }

  private int array(String s, int i, Node node, int depth) {
    i = skipSpace(s, i);
    if (i < s.length() && s.charAt(i) == ']') {
      return i + 1;
    }
    for (int k = 0; ; k++) {
      i = value(s, i, node == null ? null : node.index(k), depth);
      if (i < 0) {
        return -1;
      }
      i = skipSpace(s, i);
      if (i >= s.length()) {
        return -1;
      }
      char c = s.charAt(i++);
      if (c == ']') {
        return i;
      }
      if (c != ',') {
        return -1;
      }
    }
  }

  /** The index of the quote that ends a string starting at i; sets {@link #stringEscaped}. -1 when unterminated. */
  private int stringEnd(String s, int i) {
    stringEscaped = false;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        stringEscaped = true;
        j++;
      } else if (c == '"') {
        return j;
      }
    }
    return -1;
  }

  /** Records a value for the node's slot if the node ends a mapped key that beats what the line had so far. */
  private void offer(Node node, String s, int from, int to, boolean isEscaped) {
    if (node == null || node.slot < 0) {
      return;
    }
    int slot = node.slot;
    seen[slot] = true;
    if (node.rank < rank[slot] && !FieldText.isAbsent(s, from, to)) {
      rank[slot] = node.rank;
      start[slot] = from;
      end[slot] = to;
      escaped[slot] = isEscaped;
    }
  }

  private ParseResult assemble(String line) {
    int c = Slot.CLIENT.ordinal();
    if (!seen[c] || !seen[Slot.TIME.ordinal()] || !seen[Slot.STATUS.ordinal()]) {
      return MALFORMED;
    }
    String client = text(line, Slot.CLIENT);
    if (client == null || !ClientField.isPlausible(client)) {
      return hasGarbageRequest(line) ? ParseResult.rejected(RejectReason.BAD_REQUEST)
          : ParseResult.rejected(RejectReason.BAD_CLIENT);
    }
    int t = Slot.TIME.ordinal();
    long epoch = rank[t] == NONE ? CivilCalendar.INVALID : time.parse(line, start[t], end[t]);
    if (epoch == CivilCalendar.INVALID) {
      return ParseResult.rejected(RejectReason.BAD_TIMESTAMP);
    }
    String method;
    String target;
    String protocol;
    String requestLine = text(line, Slot.REQUEST);
    if (requestLine != null) {
      if (!request.parse(requestLine, 0, requestLine.length())) {
        return ParseResult.rejected(RejectReason.BAD_REQUEST);
      }
      method = request.method();
      target = request.target();
      protocol = request.protocol();
    } else {
      method = text(line, Slot.METHOD);
      if (method != null) {
        method = RequestLine.methodConstant(method, 0, method.length());
      }
      target = text(line, Slot.TARGET);
      protocol = text(line, Slot.PROTOCOL);
      if (protocol != null) {
        protocol = RequestLine.protocolConstant(protocol, 0, protocol.length());
      }
    }
    int s = Slot.STATUS.ordinal();
    int status = rank[s] == NONE ? -1 : NumericField.status(line, start[s], end[s]);
    if (status < 0) {
      return ParseResult.rejected(RejectReason.BAD_STATUS);
    }
    int b = Slot.BYTES.ordinal();
    long bytes = rank[b] == NONE ? 0 : NumericField.bytes(line, start[b], end[b]);
    if (bytes < 0) {
      return ParseResult.rejected(RejectReason.BAD_BYTES);
    }
    String site = text(line, Slot.SITE);
    if (site != null && !SiteName.isPlausible(site)) {
      return MALFORMED;
    }
    if (site == null && siteFromTarget && target != null) {
      site = TargetHost.of(target);
    }
    return ParseResult.accepted(
        new LogEntry(
            client,
            text(line, Slot.FORWARDED_FOR),
            text(line, Slot.USER),
            epoch,
            method,
            target,
            protocol,
            status,
            bytes,
            text(line, Slot.REFERER),
            text(line, Slot.USER_AGENT),
            site == null ? null : SiteName.withoutPort(site)));
  }

  /** True when the line has a request line and it cannot be read as one. */
  private boolean hasGarbageRequest(String line) {
    if (!seen[Slot.REQUEST.ordinal()]) {
      return false;
    }
    String text = text(line, Slot.REQUEST);
    return text == null || !request.parse(text, 0, text.length());
  }

  /** The slot's value, JSON-unescaped; null when the line had none or its escapes are invalid. */
  private String text(String line, Slot slot) {
    int o = slot.ordinal();
    if (rank[o] == NONE) {
      return null;
    }
    return FieldText.value(line, start[o], end[o], escaped[o], LineFormat.EscapeStyle.JSON);
  }
}
