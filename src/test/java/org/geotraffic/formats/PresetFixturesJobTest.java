package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geotraffic.parse.LineParsers;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset reads its fixture (src/test/resources/fixtures/formats/&lt;format&gt;/, lines written to the vendor's
 * documented layout by scripts/dev/make-format-fixtures.py, which also printed the counts below from what it wrote)
 * through the whole job: exact line counts by outcome and reason, the line identity, and the hits per country of
 * the fixture's clients (documentation ranges placed by {@link JobHarness#database}, host names by suffix, private
 * and unplaced addresses as (internal) and (unknown)).
 *
 * <p>Runs at k=1 with a bot pattern that matches nothing, so that every accepted line is a visitor's hit and no
 * country row is hidden: the countries table then adds up to the accepted lines. Lines rejected for anything but a
 * garbage request line stay under 0.5% of each fixture; the ones there are documented vendor cases (a status of 0,
 * -1 or 000 for a request that got no response).
 */
class PresetFixturesJobTest {
  /** Nginx Proxy Manager's "proxy" log_format (docker/rootfs/etc/nginx/conf.d/include/log-proxy.conf), verbatim. */
  static final String NGINX_PROXY_MANAGER =
      "nginx:[$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme $host"
          + " \"$request_uri\" [Client $remote_addr] [Length $body_bytes_sent] [Gzip $gzip_ratio] [Sent-to $server]"
          + " \"$http_user_agent\" \"$http_referer\"";
  static final String NO_BOTS = "bots.patterns=no-such-crawler-in-the-fixtures";

  @TempDir static Path tmp;
  static Path db;
  static int runs;

  /** One fixture run: the format, its fixture folder, what must come out, and settings beyond k=1. */
  record Case(String format, String fixture, long read, long accepted, Map<String, Long> rejected,
      Map<String, Long> filtered, Map<String, Long> hits, String... sets) {
    @Override
    public String toString() {
      return format.length() > 20 ? fixture : format;
    }
  }

  static Case fixture(String format, String fixture, long read, long accepted, Map<String, Long> rejected,
      Map<String, Long> filtered, Map<String, Long> hits, String... sets) {
    return new Case(format, fixture, read, accepted, rejected, filtered, hits, sets);
  }

  static Stream<Arguments> cases() {
    return CASES.stream().map(Arguments::of);
  }

  static final List<Case> CASES = List.of(
        fixture("combined", "combined", 254, 252, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 4L, "DE", 53L, "FR", 21L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("common", "common", 253, 251, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 50L, "JP", 30L, "US", 50L)),
        fixture("vcombined", "vcombined", 252, 250, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("vhost_combined", "vcombined", 252, 250, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("vcommon", "vcommon", 252, 250, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("nginx", "nginx", 254, 251, Map.of("bad-request", 3L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 54L, "FR", 20L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("nginx_xff", "nginx_xff", 253, 251, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 26L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L), "proxies.trusted=10.0.0.0/8"),
        fixture("traefikclf", "traefikclf", 253, 251, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 51L, "JP", 29L, "US", 50L)),
        fixture("varnishncsa", "varnishncsa", 252, 250, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 20L, "(unknown)", 25L, "AU", 3L, "DE", 53L, "FR", 20L, "GB", 50L, "JP", 29L, "US", 50L)),
        fixture("w3c", "w3c", 258, 250, Map.of(), Map.of("directive", 8L),
            Map.of("(internal)", 28L, "(unknown)", 24L, "DE", 50L, "FR", 26L, "GB", 46L, "JP", 26L, "US", 50L)),
        fixture("iis", "w3c", 258, 250, Map.of(), Map.of("directive", 8L),
            Map.of("(internal)", 28L, "(unknown)", 24L, "DE", 50L, "FR", 26L, "GB", 46L, "JP", 26L, "US", 50L)),
        fixture("cloudfront", "cloudfront", 252, 250, Map.of(), Map.of("directive", 2L),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("cloudstorage", "cloudstorage", 251, 250, Map.of(), Map.of("directive", 1L),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("awselb", "awselb", 253, 252, Map.of("bad-request", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 51L, "JP", 25L, "US", 51L)),
        fixture("awsalb", "awsalb", 253, 251, Map.of("bad-request", 2L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 51L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("awss3", "awss3", 252, 251, Map.of("bad-request", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 51L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("squid", "squid", 251, 250, Map.of("bad-status", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("haproxy", "haproxy", 252, 250, Map.of("bad-request", 1L, "bad-status", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("envoy", "envoy", 252, 250, Map.of("bad-request", 1L, "bad-status", 1L), Map.of(),
            Map.of("(internal)", 101L, "(unknown)", 16L, "DE", 33L, "FR", 16L, "GB", 33L, "JP", 17L, "US", 34L)),
        fixture("istio", "istio", 251, 250, Map.of("bad-request", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("caddy", "caddy", 250, 250, Map.of(), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("traefikjson", "traefikjson", 250, 250, Map.of(), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("gcplb", "gcplb", 250, 250, Map.of(), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture("json", "json", 252, 251, Map.of("bad-request", 1L), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 26L, "GB", 50L, "JP", 25L, "US", 50L)),
        fixture(NGINX_PROXY_MANAGER, "nginx-proxy-manager", 250, 250, Map.of(), Map.of(),
            Map.of("(internal)", 25L, "(unknown)", 25L, "DE", 50L, "FR", 25L, "GB", 50L, "JP", 25L, "US", 50L)));

  @BeforeAll
  static void database() throws IOException {
    // A file name of its own: the shared SparkSession keeps the first database shipped under a name for the whole
    // test JVM, and other test classes ship different GeoIP2-City.mmdb files (their countries would count here).
    Path written = JobHarness.database(tmp.resolve("db"));
    db = Files.move(written, written.resolveSibling("preset-fixtures-GeoIP2-City.mmdb"));
  }

  static Path fixtureDir(String name) {
    try {
      return Path.of(Objects.requireNonNull(PresetFixturesJobTest.class.getResource("/fixtures/formats/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JobHarness.Result run(Case c) throws IOException {
    List<String> sets = new ArrayList<>(List.of("suppression.min-visitors=1", NO_BOTS, "input.format=" + c.format()));
    sets.addAll(List.of(c.sets()));
    return JobHarness.run(List.of(fixtureDir(c.fixture()).toString()), db, tmp.resolve("out" + runs++), sets.toArray(String[]::new));
  }

  /** Hits per country of the countries table, summed over days and sites. */
  static Map<String, Long> hitsPerCountry(JobHarness.Result r) {
    Map<String, Long> hits = new TreeMap<>();
    for (String row : r.table(Table.COUNTRIES)) {
      String country = null;
      long n = 0;
      for (String cell : row.split(" ")) {
        if (cell.startsWith("country=")) {
          country = cell.substring("country=".length());
        } else if (cell.startsWith("hits=")) {
          n = Long.parseLong(cell.substring("hits=".length()));
        }
      }
      hits.merge(country, n, Long::sum);
    }
    return hits;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixture_givesItsExactCountsAndHitsPerCountry(Case c) throws IOException {
    JobHarness.Result r = run(c);
    assertEquals(0, r.exitCode(), r.console());
    assertEquals(c.read(), r.lines("read"), "read");
    assertEquals(c.accepted(), r.lines("accepted"), "accepted");
    assertEquals(c.rejected(), r.rejected(), "rejected by reason");
    assertEquals(c.filtered(), r.filtered(), "filtered by reason");
    assertTrue(r.balanced());
    assertEquals(r.lines("read"), r.lines("accepted") + r.lines("rejected_total") + r.lines("filtered_total"));
    assertEquals(c.hits(), hitsPerCountry(r), "hits per country");
    long otherRejects = r.lines("rejected_total") - r.rejected().getOrDefault("bad-request", 0L);
    assertTrue(otherRejects < 0.005 * r.lines("read"), otherRejects + " of " + r.lines("read") + " rejected");
    for (String client : List.of("192.0.2.10", "198.51.100.23", "2001:db8::1", "ppp3_186", "203.0.113.99")) {
      assertFalse(r.console().contains(client), "console names a client");
    }
  }

  @Test
  void everyPreset_hasAFixtureCase() {
    List<String> tested = CASES.stream().map(Case::format).toList();
    for (String preset : LineParsers.presetNames()) {
      assertTrue(tested.contains(preset), preset + " has no fixture case");
    }
  }

  @Test
  void nginxProxyManagerFormat_runs_andTheSummaryNamesItsSkippedVariables() throws IOException {
    Case c = CASES.stream().filter(k -> k.format().equals(NGINX_PROXY_MANAGER)).findFirst().orElseThrow();
    JobHarness.Result r = run(c);
    assertEquals(0, r.exitCode(), r.console());
    List<String> skipped = new ArrayList<>();
    r.summary().path("input_fields").path("skipped").forEach(n -> skipped.add(n.asText()));
    assertEquals(List.of("$upstream_cache_status", "$upstream_status", "$scheme", "$gzip_ratio", "$server"), skipped);
    assertFalse(r.summary().path("input_fields").path("trailing_fields_skipped").asBoolean(true));
  }

  @Test
  void traefikClf_isAcceptedWhole_andTheSummarySaysTrailingFieldsAreSkipped() throws IOException {
    Case c = CASES.stream().filter(k -> k.format().equals("traefikclf")).findFirst().orElseThrow();
    JobHarness.Result r = run(c);
    assertEquals(0, r.exitCode(), r.console());
    assertEquals(Map.of("bad-request", 2L), r.rejected(), "only the two garbage request lines");
    assertTrue(r.summary().path("input_fields").path("trailing_fields_skipped").asBoolean(false));
    assertEquals("%l", r.summary().path("input_fields").path("skipped").get(0).asText());
  }

  @Test
  void underscoreHostNames_areLocatedBySuffix() throws IOException {
    Path log = tmp.resolve("underscore").resolve("access.log");
    Files.createDirectories(log.getParent());
    Files.write(log, List.of(
        "ppp3_186.example.or.jp - - [01/Jul/1995:00:00:01 -0400] \"GET /ksc.html\" 200 7074",
        "dial_in-2.example.gov.au - - [01/Jul/1995:00:00:02 -0400] \"GET /ksc.html HTTP/1.0\" 200 7074",
        "PPP3_186.EXAMPLE.OR.JP. - - [01/Jul/1995:00:00:03 -0400] \"GET /ksc.html\" 304 -"));
    JobHarness.Result r = JobHarness.run(List.of(log.toString()), db, tmp.resolve("out-underscore"),
        "suppression.min-visitors=1", NO_BOTS, "input.format=common");
    assertEquals(0, r.exitCode(), r.console());
    assertEquals(Map.of(), r.rejected());
    assertEquals(Map.of("AU", 1L, "JP", 2L), hitsPerCountry(r));
  }
}
