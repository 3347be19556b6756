package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Apache and nginx specifics: escapes, offsets, epoch times, proxy lists, JSON. */
class TextFormatTest {
  private static final String TAIL = " \"GET / HTTP/1.1\" 200 5 \"-\" \"UA\"";

  private static LogEntry accept(String format, String line) {
    ParseResult r = LineParsers.create(format, 65_536).parse(line);
    assertTrue(r.isAccepted(), () -> "expected accepted, got " + r);
    return r.entry();
  }

  @Test
  void anyOffset_isHonoured() {
    assertEquals(971_211_336L, accept("combined", "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700]" + TAIL).epochSecond());
    assertEquals(971_166_336L, accept("combined", "192.0.2.1 - - [10/Oct/2000:13:55:36 +0530]" + TAIL).epochSecond());
    assertEquals(971_186_136L, accept("combined", "192.0.2.1 - - [10/Oct/2000:13:55:36 +0000]" + TAIL).epochSecond());
  }

  @Test
  void consecutiveLinesSharingASecond_keepTheirOwnTimes() {
    LineParser p = LineParsers.create("combined", 65_536);
    assertEquals(971_186_136L, p.parse("192.0.2.1 - - [10/Oct/2000:13:55:36 +0000]" + TAIL).entry().epochSecond());
    assertEquals(971_186_136L, p.parse("192.0.2.2 - - [10/Oct/2000:13:55:36 +0000]" + TAIL).entry().epochSecond());
    assertEquals(971_186_137L, p.parse("192.0.2.2 - - [10/Oct/2000:13:55:37 +0000]" + TAIL).entry().epochSecond());
    assertEquals(971_189_736L, p.parse("192.0.2.2 - - [10/Oct/2000:13:55:36 -0100]" + TAIL).entry().epochSecond());
  }

  @Test
  void escapedQuotesAndBackslashes_areDecoded() {
    LogEntry e =
        accept(
            "combined",
            "192.0.2.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a\\\"b HTTP/1.1\" 200 5 \"-\""
                + " \"Mozilla \\\"quoted\\\" C:\\\\path \\x41\"");
    assertEquals("/a\"b", e.target());
    assertEquals("Mozilla \"quoted\" C:\\path \\x41", e.userAgent());
  }

  @Test
  void requestWithoutProtocol_isValid() {
    LogEntry e = accept("common", "piweba3y.prodigy.com - - [01/Jul/1995:00:00:12 -0400] \"GET /ksc.html\" 200 7074");
    assertEquals("/ksc.html", e.target());
    assertNull(e.protocol());
  }

  @Test
  void proxyListInFirstField_isKeptAsWritten() {
    String line = "10.0.0.2, 10.0.0.1, 127.0.0.1 - - [07/Dec/2016:11:05:07 +0100] \"GET /ocelot HTTP/1.1\" 200 571 \"-\" \"UA\"";
    assertEquals("10.0.0.2, 10.0.0.1, 127.0.0.1", accept("nginx", line).client());
  }

  @Test
  void loadBalancerPrefixBeforePeer_isJoinedIntoOneList() {
    assertEquals(
        "10.5.102.222, 199.96.1.1, 204.246.1.1, 10.2.1.185",
        accept("nginx", "\"10.5.102.222, 199.96.1.1, 204.246.1.1\" 10.2.1.185 - - [22/Jan/2016:13:18:29 +0000] \"GET /a HTTP/1.1\" 200 1 \"-\" \"UA\"").client());
    assertEquals(
        "2a03:0000:10ff:f00f:0000:0000:0:8000, 10.225.192.17, 10.2.2.121",
        accept("nginx", "2a03:0000:10ff:f00f:0000:0000:0:8000, 10.225.192.17 10.2.2.121 - - [30/Dec/2016:06:47:09 +0000] \"GET /a HTTP/1.1\" 404 1 \"-\" \"UA\"").client());
  }

  @Test
  void vhostNameBeforeClientInCombined_isMalformedNotAList() {
    ParseResult r = LineParsers.create("combined", 65_536).parse(
        "vhost1.example.fr 203.0.113.7 - - [04/Jul/2019:09:20:46 +0200] \"GET / HTTP/1.1\" 200 1 \"-\" \"UA\"");
    assertEquals(RejectReason.MALFORMED, r.rejectReason());
  }

  @Test
  void nginxXff_readsTheTrailingForwardedFor() {
    String line = "172.17.0.1 - - [29/May/2017:19:02:48 +0000] \"GET /s HTTP/1.1\" 404 612 \"-\" \"UA\" \"198.51.100.9, 10.0.0.1\"";
    assertEquals("198.51.100.9, 10.0.0.1", accept("nginx_xff", line).forwardedFor());
    assertNull(accept("nginx_xff", line.replace("\"198.51.100.9, 10.0.0.1\"", "\"-\"")).forwardedFor());
    // The nginx preset skips the appended field: the line counts, without its X-Forwarded-For.
    assertNull(accept("nginx", line).forwardedFor());
    assertEquals("172.17.0.1", accept("nginx", line).client());
  }

  @Test
  void apacheEpochTimes_areRead() {
    assertEquals(971_186_136L, accept("apache:%h %{sec}t %>s", "192.0.2.1 971186136 200").epochSecond());
    assertEquals(971_186_136L, accept("apache:%h %{msec}t %>s", "192.0.2.1 971186136999 200").epochSecond());
    assertEquals(971_186_136L, accept("apache:%h %{usec}t %>s", "192.0.2.1 971186136000001 200").epochSecond());
    assertEquals(971_186_136L, accept("nginx:$remote_addr $msec $status", "192.0.2.1 971186136.123 200").epochSecond());
  }

  @Test
  void apacheHeaderAndSiteDirectives_fillTheEntry() {
    LogEntry e = accept(
        "apache:%a %{X-Forwarded-For}i %{Host}i %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-agent}i\"",
        "192.0.2.1 198.51.100.2 www.example.org:8443 [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 99 \"http://r/\" \"UA\"");
    assertEquals("198.51.100.2", e.forwardedFor());
    assertEquals("www.example.org", e.site());
    assertEquals(99L, e.bytes());
    assertEquals("http://r/", e.referer());
  }

  @Test
  void nginxSeparateRequestParts_buildTheTarget() {
    LogEntry e = accept(
        "nginx:$remote_addr [$time_iso8601] $request_method $uri $args $server_protocol $status $bytes_sent $host",
        "2001:db8::2 [2000-10-10T13:55:36-07:00] GET /p a=1&b=2 HTTP/2.0 201 10 example.org");
    assertEquals(971_211_336L, e.epochSecond());
    assertEquals("GET", e.method());
    assertEquals("/p?a=1&b=2", e.target());
    assertEquals("HTTP/2.0", e.protocol());
    assertEquals("example.org", e.site());
    assertEquals("/p", accept(
        "nginx:$remote_addr [$time_iso8601] $request_method $uri $args $server_protocol $status $bytes_sent $host",
        "2001:db8::2 [2000-10-10T13:55:36Z] GET /p - HTTP/2.0 201 10 example.org").target());
  }

  @Test
  void nginxJsonEscapes_areDecoded() {
    String format = "nginx:escape=json:{\"ip\":\"$remote_addr\",\"time\":\"$time_iso8601\",\"request\":\"$request\",\"status\":$status,\"ua\":\"$http_user_agent\",\"user\":\"$remote_user\"}";
    LogEntry e = accept(format,
        "{\"ip\":\"192.0.2.1\",\"time\":\"2000-10-10T13:55:36+00:00\",\"request\":\"GET /caf\\u00e9?q=\\\"x\\\" HTTP/1.1\",\"status\":200,\"ua\":\"Mo\\\\zilla\\/5.0\",\"user\":\"\"}");
    assertEquals("/café?q=\"x\"", e.target());
    assertEquals("Mo\\zilla/5.0", e.userAgent());
    assertNull(e.user());
    assertEquals(RejectReason.BAD_REQUEST, LineParsers.create(format, 100_000).parse(
        "{\"ip\":\"192.0.2.1\",\"time\":\"2000-10-10T13:55:36+00:00\",\"request\":\"GET \\uZZZZ HTTP/1.1\",\"status\":200,\"ua\":\"\",\"user\":\"\"}").rejectReason());
  }

  @Test
  void byteOrderMarkAtTheStartOfALine_isIgnored() {
    String line = "192.0.2.1 - - [10/Oct/2000:13:55:36 +0000]" + TAIL;
    assertEquals("192.0.2.1", accept("combined", "\uFEFF" + line).client());
    assertEquals("192.0.2.1", accept("combined", "\uFEFF" + line + "\r").client());
    assertEquals(RejectReason.BAD_CLIENT, LineParsers.create("combined", 65_536).parse(line.replace("192.0.2.1", "192.0.2.1\uFEFF")).rejectReason());
  }
}
