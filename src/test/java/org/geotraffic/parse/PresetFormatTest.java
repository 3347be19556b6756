package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The presets read the shapes Apache and nginx write by default. */
class PresetFormatTest {
  private static final int MAX = 65_536;

  private static LogEntry accept(String format, String line) {
    ParseResult r = LineParsers.create(format, MAX).parse(line);
    assertTrue(r.isAccepted(), () -> format + " should accept the line, got " + r);
    return r.entry();
  }

  @Test
  void combinedLine_yieldsEveryField() {
    LogEntry e =
        accept(
            "combined",
            "192.0.2.10 - alice [10/Oct/2000:13:55:36 -0700] \"GET /a.gif?x=1 HTTP/1.0\" 200 2326"
                + " \"http://example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"");
    assertEquals("192.0.2.10", e.client());
    assertNull(e.forwardedFor());
    assertEquals("alice", e.user());
    assertEquals(971211336L, e.epochSecond());
    assertEquals("GET", e.method());
    assertEquals("/a.gif?x=1", e.target());
    assertEquals("HTTP/1.0", e.protocol());
    assertEquals(200, e.status());
    assertEquals(2326L, e.bytes());
    assertEquals("http://example.com/start.html", e.referer());
    assertEquals("Mozilla/4.08 [en] (Win98; I ;Nav)", e.userAgent());
    assertNull(e.site());
  }

  @Test
  void commonLine_withDashes_yieldsNullsAndZeroBytes() {
    LogEntry e = accept("common", "host.example.org - - [01/Jul/1995:00:00:01 -0400] \"GET /ksc.html\" 304 -");
    assertEquals("host.example.org", e.client());
    assertNull(e.user());
    assertEquals(804571201L, e.epochSecond());
    assertEquals("GET", e.method());
    assertEquals("/ksc.html", e.target());
    assertNull(e.protocol());
    assertEquals(304, e.status());
    assertEquals(0L, e.bytes());
  }

  @Test
  void vhostCombined_acceptsHostWithPortAndHostWithoutPort() {
    String rest =
        " 203.0.113.7 - - [04/Jul/2019:09:20:46 +0200] \"GET / HTTP/1.1\" 200 32953 \"-\" \"UA/1.0\"";
    assertEquals("vhost1.example.fr", accept("vhost_combined", "vhost1.example.fr:443" + rest).site());
    assertEquals("vhost1.example.fr", accept("vhost_combined", "vhost1.example.fr" + rest).site());
    assertEquals("203.0.113.7", accept("vhost_combined", "vhost1.example.fr" + rest).client());
  }
}
