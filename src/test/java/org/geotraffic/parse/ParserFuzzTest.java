package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for any input, every parser returns exactly one outcome and never throws (nor hides a
 * throw in its safety net), and accepted entries respect the field rules. 120,000 seeded random and
 * mutated lines of every family (text presets, user strings, W3C dialects, JSON) (truncations, character flips, quote and backslash insertions, huge fields,
 * control characters, invalid-UTF-8 replacement characters, splices of two lines) go through every
 * parser.
 */
class ParserFuzzTest {
  private static final long SEED = 20261125L;
  private static final int LINES = 120_000;

  private static final String[] FORMATS = {
    "common", "combined", "vhost_combined", "nginx", "nginx_xff", "w3c",
    SameTrafficAcrossFormatsTest.CUSTOM_APACHE, SameTrafficAcrossFormatsTest.NGINX_JSON,
    "apache:%h %{sec}t %>s \"%{User-Agent}i\"",
    "nginx:$remote_addr [$time_iso8601] $request_method $uri $args $status $bytes_sent $host",
    "vcommon", "traefikclf", "varnishncsa", "cloudfront", "cloudstorage", "awselb", "awsalb", "awss3", "squid",
    "envoy", "istio", "haproxy", "caddy", "traefikjson", "gcplb", "json", "json:client=a.b.0|c,time=t,status=s",
  };

  private static final String[] SEEDS = {
    "192.0.2.10 - alice [17/May/2015:10:05:03 +0000] \"GET /index.html?q=1 HTTP/1.1\" 200 5120 \"http://e/\" \"Mozilla/5.0 (X11)\"",
    "10.0.0.2, 10.0.0.1, 127.0.0.1 - - [07/Dec/2016:11:05:07 +0100] \"GET /ocelot HTTP/1.1\" 200 571 \"-\" \"UA\" \"-\"",
    "\"10.5.102.222, 199.96.1.1\" 10.2.1.185 - - [22/Jan/2016:13:18:29 +0000] \"GET /a HTTP/1.1\" 200 1 \"-\" \"UA\"",
    "vhost1.example.fr:443 203.0.113.7 - - [04/Jul/2019:09:20:46 +0200] \"GET / HTTP/1.1\" 200 32953 \"-\" \"UA \\\"q\\\" \\\\\"",
    "host.example - - [01/Jul/1995:00:00:01 -0400] \"GET /ksc.html\" 304 -",
    "127.0.0.1 - - [12/Apr/2018:09:48:40 +0200] \"\" 400 0 \"-\" \"-\"",
    "192.0.2.10 www.example.org alice [2015-05-17T12:05:47.274+0200] \"POST /api/v1/items HTTP/1.1\" 201 - 1034 \"UA\" \"-\"",
    "{\"time\":\"2015-05-17T10:05:03+00:00\",\"remote_addr\":\"192.0.2.10\",\"remote_user\":\"\",\"host\":\"www.example.org\",\"request\":\"GET /caf\\u00e9 HTTP/1.1\",\"status\":200,\"body_bytes_sent\":5120,\"request_time\":0.000,\"http_referrer\":\"\",\"http_user_agent\":\"M\\\"o\"}",
    "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status sc-bytes cs-host cs(User-Agent)",
    "2018-01-01 10:11:12 ::1%0 GET / - 200 123 example.com Mozilla/5.0+(Macintosh)",
    "#Software: Microsoft Internet Information Services 10.0",
    "192.0.2.1 971186136 200 \"UA\"",
    "2001:db8::2 [2000-10-10T13:55:36-07:00] GET /p a=1 201 10 example.org",
    "192.0.2.33 - - [02/Oct/2017:20:22:07 +0000] \"GET /ui/x.png HTTP/1.1\" 304 0 \"-\" \"UA\" 262 \"web@docker\" \"http://172.19.0.3:5601\" 2ms",
    "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td1.cloudfront.net\t/index.html\t200\t-\tMozilla/5.0%20(X11)\ta=1",
    "\"1588165123456789\",\"2001:db8::4\",\"2\",\"\",\"GET\",\"/b/o\",\"200\",\"0\",\"4523\",\"16000\",\"h\",\"\",\"curl/7\",\"A\"",
    "2015-05-13T23:39:43.945958Z lb 192.0.2.39:2817 10.0.0.1:80 0.1 0.1 0.1 200 200 0 29 \"GET http://h:80/ HTTP/1.1\" \"curl\" - -",
    "h2 2018-07-02T22:23:00.186641Z app/lb/5 2001:db8::1:48160 10.0.0.66:9000 0 0 0 200 200 5 257 \"GET https://h:443/ HTTP/2.0\" \"c\" - - arn \"Root=1\" \"-\" \"-\" 1",
    "o b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 r i REST.GET.OBJECT k \"GET /b/k HTTP/1.1\" 200 - 113 113 7 - \"-\" \"S3Console/0.4\" - h SigV4",
    "Oct  8 10:11:49 p squid[1]: 1286536309.450     98 192.0.2.68 TCP_MISS/200 4120 GET http://h/a - DIRECT/198.51.100.34 text/html",
    "[2016-04-15T20:17:00.310Z] \"POST /a HTTP/2\" 204 - 154 0 226 100 \"198.51.100.9, 192.0.2.28\" \"n\" \"c\" \"l\" \"tcp://10.0.2.1:80\"",
    "[2020-11-25T21:26:18.409Z] \"GET /s HTTP/1.1\" 418 - via_upstream - \"-\" 0 135 4 4 \"-\" \"c\" \"8\" \"h:8000\" \"10.4.1.2:80\" o 10.4.1.2:3 10.0.4.1:8 192.0.2.23:46520 - default",
    "Feb  6 12:14:14 l haproxy[1]: 192.0.2.2:33317 [06/Feb/2009:12:14:14.655] f b/s 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {a} {} \"GET / HTTP/1.1\"",
    "{\"ts\":1646861401.52,\"request\":{\"client_ip\":\"192.0.2.1\",\"method\":\"GET\",\"uri\":\"/\",\"headers\":{\"User-Agent\":[\"c\"]}},\"size\":1,\"status\":200}",
    "{\"ClientHost\":\"2001:db8::1\",\"DownstreamStatus\":404,\"RequestMethod\":\"GET\",\"RequestPath\":\"/m\",\"StartUTC\":\"2024-01-05T10:20:30.123456789Z\"}",
    "{\"httpRequest\":{\"requestUrl\":\"https://h/i?x=1\",\"status\":200,\"responseSize\":\"4567\",\"remoteIp\":\"192.0.2.7\"},\"timestamp\":\"2024-01-05T10:20:30.1Z\"}",
    "{\"a\":{\"b\":[\"192.0.2.9\"]},\"t\":\"2024-01-05 10:20:30\",\"s\":\"200\",\"remote_addr\":\"192.0.2.1\",\"time\":1704450030123}",
    "",
  };

  private static final char[] SPICE = {
    '"', '\\', ' ', '[', ']', ':', '/', '-', ',', '{', '}', '$', '%', '#', '\t', '\u0000', '\u0016',
    '\u007f', '\u0085', '\uFFFD', '\uD800', 'x', '0', '9', '+', '\r', '\n', 'é',
  };

  @Test
  void randomAndMutatedLines_alwaysYieldExactlyOneOutcomeAndNeverThrow() {
    Random rnd = new Random(SEED);
    List<LineParser> parsers = new ArrayList<>();
    for (String f : FORMATS) {
      parsers.add(LineParsers.create(f, 65_536));
    }
    parsers.add(LineParsers.create("combined", 10_000_000)); // lets huge lines reach the scanner
    parsers.add(LineParsers.create("w3c", 10_000_000));
    int[] outcomes = new int[3];
    for (int i = 0; i < LINES; i++) {
      String line = nextLine(rnd);
      for (LineParser p : parsers) {
        if (i % 997 == 0) {
          p.startFile();
        }
        ParseResult r = p.parse(line);
        assertNotNull(r);
        int set = (r.entry() != null ? 1 : 0) + (r.rejectReason() != null ? 1 : 0) + (r.filterReason() != null ? 1 : 0);
        assertEquals(1, set, "exactly one outcome");
        if (r.entry() != null) {
          checkEntry(r.entry());
          outcomes[0]++;
        } else if (r.rejectReason() != null) {
          outcomes[1]++;
        } else {
          outcomes[2]++;
        }
      }
    }
    for (LineParser p : parsers) {
      assertEquals(0, InternalErrors.of(p), "lines that reached the safety net");
    }
    // The mix must exercise all three outcomes, or the test proves little.
    assertTrue(outcomes[0] > 10_000 && outcomes[1] > 10_000 && outcomes[2] > 1_000,
        () -> "accepted/rejected/filtered = " + outcomes[0] + "/" + outcomes[1] + "/" + outcomes[2]);
  }

  private static void checkEntry(LogEntry e) {
    assertTrue(e.status() >= 100 && e.status() <= 599);
    assertTrue(e.bytes() >= 0);
    assertTrue(ClientField.isPlausible(e.client()));
    assertTrue(e.epochSecond() > -62_135_596_800L && e.epochSecond() < 253_402_300_800L);
  }

  static String nextLine(Random rnd) {
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      return randomText(rnd, rnd.nextInt(300));
    }
    String line = SEEDS[rnd.nextInt(SEEDS.length)];
    int mutations = kind == 1 ? 0 : 1 + rnd.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      line = mutate(rnd, line);
    }
    return line;
  }

  private static String mutate(Random rnd, String s) {
    int n = s.length();
    int at = n == 0 ? 0 : rnd.nextInt(n + 1);
    switch (rnd.nextInt(8)) {
      case 0: // truncate
        return s.substring(0, at);
      case 1: // flip one char
        if (n == 0) {
          return s;
        }
        int i = rnd.nextInt(n);
        return s.substring(0, i) + SPICE[rnd.nextInt(SPICE.length)] + s.substring(i + 1);
      case 2: // insert a quote or backslash
        return s.substring(0, at) + (rnd.nextBoolean() ? '"' : '\\') + s.substring(at);
      case 3: // huge field
        return s.substring(0, at) + String.valueOf((char) ('a' + rnd.nextInt(26))).repeat(1 + rnd.nextInt(80_000)) + s.substring(at);
      case 4: // delete a span
        return s.substring(0, at) + s.substring(Math.min(n, at + rnd.nextInt(20)));
      case 5: // splice with another seed (a record split or joined)
        String other = SEEDS[rnd.nextInt(SEEDS.length)];
        return s.substring(0, at) + other.substring(rnd.nextInt(other.length() + 1));
      case 6: // random digits where a number might be
        return s.substring(0, at) + rnd.nextInt(1_000_000) + s.substring(at);
      default: // random unicode burst
        return s.substring(0, at) + randomText(rnd, rnd.nextInt(8)) + s.substring(at);
    }
  }

  private static String randomText(Random rnd, int len) {
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      int pick = rnd.nextInt(4);
      b.append(
          pick == 0 ? SPICE[rnd.nextInt(SPICE.length)]
              : pick == 1 ? (char) rnd.nextInt(0x10000)
              : (char) (' ' + rnd.nextInt(95)));
    }
    return b.toString();
  }
}
