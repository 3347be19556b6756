package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The same six requests written as combined, vhost_combined, a custom Apache LogFormat, nginx JSON
 * and IIS W3C (with a mid-file "#Fields:" change) yield identical entries.
 */
class SameTrafficAcrossFormatsTest {
  static final String CUSTOM_APACHE =
      "apache:%a %v %u [%{%Y-%m-%dT%H:%M:%S}t.%{msec_frac}t%{%z}t] \"%m %U%q %H\" %>s %b %D"
          + " \"%{User-Agent}i\" \"%{Referer}i\"";
  static final String NGINX_JSON =
      "nginx-json:{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\","
          + "\"remote_user\":\"$remote_user\",\"host\":\"$host\",\"request\":\"$request\","
          + "\"status\":$status,\"body_bytes_sent\":$body_bytes_sent,\"request_time\":$request_time,"
          + "\"http_referrer\":\"$http_referer\",\"http_user_agent\":\"$http_user_agent\"}";

  /** The fields every format carries; site is compared separately (combined has none). */
  record Seen(
      String client, String user, long epochSecond, String method, String target, String protocol,
      int status, long bytes, String referer, String userAgent) {
    static Seen of(LogEntry e) {
      return new Seen(e.client(), e.user(), e.epochSecond(), e.method(), e.target(), e.protocol(),
          e.status(), e.bytes(), e.referer(), e.userAgent());
    }
  }

  static List<LogEntry> parseFixture(String format, String fixture) throws IOException {
    LineParser parser = LineParsers.create(format, 65_536);
    parser.startFile();
    List<LogEntry> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    SameTrafficAcrossFormatsTest.class.getResourceAsStream("/fixtures/" + fixture),
                    fixture),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        ParseResult result = parser.parse(line);
        if (result.isAccepted()) {
          out.add(result.entry());
        } else {
          assertEquals(FilterReason.DIRECTIVE, result.filterReason(), fixture + ": " + result);
        }
      }
    }
    return out;
  }

  @Test
  void sixRequests_inFiveFormats_yieldIdenticalEntries() throws IOException {
    List<LogEntry> combined = parseFixture("combined", "same-traffic.combined.log");
    List<LogEntry> vhost = parseFixture("vhost_combined", "same-traffic.vhost_combined.log");
    List<LogEntry> apache = parseFixture(CUSTOM_APACHE, "same-traffic.apache-custom.log");
    List<LogEntry> json = parseFixture(NGINX_JSON, "same-traffic.nginx-json.log");
    List<LogEntry> w3c = parseFixture("w3c", "same-traffic.w3c.log");

    assertEquals(6, combined.size());
    List<Seen> expected = combined.stream().map(Seen::of).toList();
    for (List<LogEntry> other : List.of(vhost, apache, json, w3c)) {
      assertEquals(expected, other.stream().map(Seen::of).toList());
    }
    List<String> sites = vhost.stream().map(LogEntry::site).toList();
    assertEquals(
        List.of("www.example.org", "www.example.org", "shop.example.net", "www.example.org",
            "static.example.org", "shop.example.net"),
        sites);
    for (List<LogEntry> other : List.of(apache, json, w3c)) {
      assertEquals(sites, other.stream().map(LogEntry::site).toList());
    }
    combined.forEach(e -> assertNull(e.site()));
  }

  @Test
  void fixtureValues_areTheIntendedOnes() throws IOException {
    List<LogEntry> w3c = parseFixture("w3c", "same-traffic.w3c.log");
    LogEntry search = w3c.get(1);
    assertEquals("2001:db8::1", search.client());
    assertEquals(1_431_857_103L, search.epochSecond()); // 2015-05-17T10:05:03Z
    assertEquals("/search?q=geo&page=2", search.target());
    assertEquals("http://www.example.org/", search.referer());
    LogEntry midnight = w3c.get(4);
    assertEquals(1_431_907_200L, midnight.epochSecond()); // written at -0700 in the other files
    assertEquals("HTTP/2.0", midnight.protocol());
    assertEquals(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 12_0 like Mac OS X) AppleWebKit/605.1.15",
        midnight.userAgent());
    LogEntry leapDay = w3c.get(5);
    assertEquals(1_456_747_200L, leapDay.epochSecond()); // 2016-02-29T12:00:00Z
    assertEquals("bob", leapDay.user());
    assertEquals("DELETE", leapDay.method());
    assertEquals("/api/v1/items/42?force=1", leapDay.target());
  }
}
