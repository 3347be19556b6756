package org.geotraffic.parse;

/**
 * Splits a request line "METHOD target [protocol]" in place. The protocol is the last
 * space-separated word when it starts with "HTTP/"; otherwise the line has none (HTTP/0.9 style
 * "GET /ksc.html", real in old logs) and the target runs to the end. A line without a space, with
 * a method that is not an RFC 9110 token starting with a letter, or with an empty target is not a
 * request: this is how "-" (nginx's 400/408 entries), "- - -" (a TCP connection logged by a load
 * balancer or Envoy), "" and escaped TLS handshakes ({@code \x16\x03\x01...}) are rejected.
 *
 * <p>Common methods and protocols are returned as shared constants, so a parsed line allocates
 * only its target. Mutable holder: not thread-safe, one per parser.
 */
final class RequestLine {
  private String method;
  private String target;
  private String protocol;

  /** Parses {@code s[start, end)}; false when it is not a request line. */
  boolean parse(String s, int start, int end) {
    int sp = s.indexOf(' ', start);
    if (sp <= start || sp >= end || !isLetter(s.charAt(start))) {
      return false;
    }
    for (int i = start; i < sp; i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    int targetStart = sp + 1;
    int lastSp = s.lastIndexOf(' ', end - 1);
    int targetEnd = end;
    String proto = null;
    if (lastSp > sp && s.startsWith("HTTP/", lastSp + 1) && lastSp + 6 <= end) {
      proto = protocolConstant(s, lastSp + 1, end);
      targetEnd = lastSp;
    }
    if (targetEnd <= targetStart) {
      return false;
    }
    this.method = methodConstant(s, start, sp);
    this.target = s.substring(targetStart, targetEnd);
    this.protocol = proto;
    return true;
  }

  String method() {
    return method;
  }

  String target() {
    return target;
  }

  String protocol() {
    return protocol;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isTokenChar(char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return switch (c) {
      case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
      default -> false;
    };
  }

  private static final String[] METHODS = {
    "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE", "PROPFIND"
  };
  private static final String[] PROTOCOLS = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/2", "HTTP/3"};

  static String methodConstant(String s, int start, int end) {
    return constantOrCopy(METHODS, s, start, end);
  }

  static String protocolConstant(String s, int start, int end) {
    return constantOrCopy(PROTOCOLS, s, start, end);
  }

  private static String constantOrCopy(String[] known, String s, int start, int end) {
    int len = end - start;
    for (String k : known) {
      if (k.length() == len && s.startsWith(k, start)) {
        return k;
      }
    }
    return s.substring(start, end);
  }
}
