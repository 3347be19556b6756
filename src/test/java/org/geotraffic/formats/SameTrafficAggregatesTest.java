package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same six requests (src/test/resources/fixtures/same-traffic.*.log), written as combined,
 * vhost_combined, a custom Apache LogFormat, nginx JSON and IIS W3C, go through the whole job (k=1) and
 * publish identical tables. The parser-level twin is parse.SameTrafficAcrossFormatsTest; this one
 * proves that nothing after parsing (dating, site, proxy, geo, page classification, bots, suppression,
 * Parquet) depends on the format either.
 *
 * <p>Combined carries no virtual host, so every line gets site.default, while the other formats spread
 * the six requests over three sites. Combined is therefore compared after rolling every table up over
 * site (sum of visitors, page views, hits and bytes per remaining key). Two things would make that
 * roll-up inexact, and both are ruled out:
 *
 * <ul>
 *   <li>a visitor on two sites would be counted once per site: the six requests come from six different
 *       clients ({@link #fixtureClients_areSixDistinctAddresses});
 *   <li>suppression works per day and site, and even at k=1 it hides a row of bots only (0 visitors),
 *       which after the roll-up would sit inside a row with visitors: so this comparison runs combined
 *       and vhost_combined with a bot pattern that matches nothing, where every row has a visitor and
 *       k=1 hides nothing.
 * </ul>
 */
class SameTrafficAggregatesTest {
  static final String CUSTOM_APACHE =
      "apache:%a %v %u [%{%Y-%m-%dT%H:%M:%S}t.%{msec_frac}t%{%z}t] \"%m %U%q %H\" %>s %b %D"
          + " \"%{User-Agent}i\" \"%{Referer}i\"";
  static final String NGINX_JSON =
      "nginx-json:{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\","
          + "\"remote_user\":\"$remote_user\",\"host\":\"$host\",\"request\":\"$request\","
          + "\"status\":$status,\"body_bytes_sent\":$body_bytes_sent,\"request_time\":$request_time,"
          + "\"http_referrer\":\"$http_referer\",\"http_user_agent\":\"$http_user_agent\"}";

  /** Fixture file -> input.format, the same strings parse.SameTrafficAcrossFormatsTest uses. */
  static final Map<String, String> WITH_SITE = new LinkedHashMap<>();

  static {
    WITH_SITE.put("same-traffic.vhost_combined.log", "vhost_combined");
    WITH_SITE.put("same-traffic.apache-custom.log", CUSTOM_APACHE);
    WITH_SITE.put("same-traffic.nginx-json.log", NGINX_JSON);
    WITH_SITE.put("same-traffic.w3c.log", "w3c");
  }

  static final String COMBINED_SITE = "combined.example";
  /** A bot pattern no fixture user agent contains: every request is then a visitor. */
  static final String NO_BOTS = "bots.patterns=no-such-crawler-in-the-fixtures";

  @TempDir static Path tmp;
  static Path db;
  static final Map<String, JobHarness.Result> RUNS = new LinkedHashMap<>();
  static JobHarness.Result combined;
  static JobHarness.Result vhostWithoutBots;

  @BeforeAll
  static void runEveryFormat() throws IOException {
    db = JobHarness.database(tmp.resolve("db"));
    int i = 0;
    for (Map.Entry<String, String> e : WITH_SITE.entrySet()) {
      RUNS.put(e.getKey(), runFixture(e.getKey(), tmp.resolve("out" + i++), "input.format=" + e.getValue()));
    }
    combined = runFixture("same-traffic.combined.log", tmp.resolve("out-combined"), "input.format=combined",
        "site.default=" + COMBINED_SITE, NO_BOTS);
    vhostWithoutBots = runFixture("same-traffic.vhost_combined.log", tmp.resolve("out-vhost-no-bots"), "input.format=vhost_combined",
        NO_BOTS);
  }

  static JobHarness.Result runFixture(String fixture, Path out, String... sets) throws IOException {
    Path log = tmp.resolve("logs").resolve(fixture);
    Files.createDirectories(log.getParent());
    if (Files.exists(log)) {
      return JobHarness.run(List.of(log.toString()), db, out, withK1(sets));
    }
    try (InputStream in = Objects.requireNonNull(SameTrafficAggregatesTest.class.getResourceAsStream("/fixtures/" + fixture), fixture)) {
      Files.copy(in, log);
    }
    return JobHarness.run(List.of(log.toString()), db, out, withK1(sets));
  }

  static String[] withK1(String... sets) {
    String[] all = new String[sets.length + 1];
    all[0] = "suppression.min-visitors=1";
    System.arraycopy(sets, 0, all, 1, sets.length);
    return all;
  }

  @Test
  void everyFormat_exitsZero_andAcceptsAllSixRequests() {
    Map<String, JobHarness.Result> all = new LinkedHashMap<>(RUNS);
    all.put("same-traffic.combined.log", combined);
    all.forEach((fixture, r) -> {
      assertEquals(0, r.exitCode(), fixture + ": " + r.console());
      assertEquals(6, r.lines("accepted"), fixture);
      assertEquals(Map.of(), r.rejected(), fixture);
      assertTrue(r.balanced(), fixture);
    });
    RUNS.forEach((fixture, r) -> assertEquals(4, r.lines("bots"), fixture + ": curl, Googlebot, Wget, python-requests"));
    // The W3C file has two header blocks of four directives; they are read and filtered, never rejected.
    assertEquals(14, RUNS.get("same-traffic.w3c.log").lines("read"));
    assertEquals(Map.of("directive", 8L), RUNS.get("same-traffic.w3c.log").filtered());
  }

  @Test
  void formatsWithSite_publishIdenticalTables() {
    JobHarness.Result reference = RUNS.get("same-traffic.vhost_combined.log");
    for (Table table : Table.values()) {
      List<String> expected = reference.table(table);
      assertFalse(expected.isEmpty(), table + " is empty: the comparison would prove nothing");
      RUNS.forEach((fixture, r) -> assertEquals(expected, r.table(table), table + " from " + fixture));
    }
  }

  @Test
  void formatsWithSite_publishTheExpectedTotals() {
    // Dated in UTC: 23:59:59Z on 17 May stays on the 17th, the -0700 request at 17:00 is the 18th.
    // shop.example.net saw bots only (Googlebot, python-requests): 0 visitors < k=1, so both its days
    // are suppressed; the bots' hits on www.example.org (curl, Wget) count in its row.
    assertEquals(List.of(
        "date=2015-05-17 site=www.example.org visitors=1 pageviews=1 hits=3 bytes=5854",
        "date=2015-05-18 site=static.example.org visitors=1 pageviews=0 hits=1 bytes=512"),
        RUNS.get("same-traffic.vhost_combined.log").table(Table.TOTALS));
  }

  @Test
  void combined_getsSiteDefault_andMatchesVhostCombinedRolledUpOverSite() {
    JobHarness.Result reference = vhostWithoutBots;
    assertEquals(0, reference.exitCode(), reference.console());
    assertEquals(0, combined.lines("bots"));
    for (Table table : Table.values()) {
      List<String> rows = combined.table(table);
      rows.forEach(row -> assertTrue(row.contains(" site=" + COMBINED_SITE + " "), table + ": " + row));
      assertEquals(rollUpOverSite(reference.table(table)), rollUpOverSite(rows), table.toString());
    }
  }

  @Test
  void fixtureClients_areSixDistinctAddresses() throws IOException {
    // The combined fixture's first field is the client; the parser-level test shows every format agrees.
    List<String> clients = Files.readAllLines(tmp.resolve("logs").resolve("same-traffic.combined.log")).stream()
        .map(line -> line.substring(0, line.indexOf(' ')))
        .toList();
    assertEquals(JobHarness.FIXTURE_CLIENTS, clients);
    assertEquals(6, clients.stream().distinct().count());
  }

  @Test
  void noRun_printsAClientAddress() {
    Map<String, JobHarness.Result> all = new LinkedHashMap<>(RUNS);
    all.put("combined", combined);
    all.forEach((fixture, r) -> JobHarness.FIXTURE_CLIENTS.forEach(client ->
        assertFalse(r.console().contains(client), fixture + " console names a client")));
  }

  /**
   * "date=D site=S k=v ... visitors=a pageviews=b hits=c [bytes=d]" rows summed per key without site.
   */
  static Map<String, Map<String, Long>> rollUpOverSite(List<String> rows) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (String row : rows) {
      StringBuilder key = new StringBuilder();
      Map<String, Long> measures = new TreeMap<>();
      for (String cell : row.split(" ")) {
        String name = cell.substring(0, cell.indexOf('='));
        String value = cell.substring(cell.indexOf('=') + 1);
        switch (name) {
          case "site" -> { }
          case "visitors", "pageviews", "hits", "bytes" -> measures.put(name, Long.parseLong(value));
          default -> key.append(cell).append(' ');
        }
      }
      out.merge(key.toString().trim(), measures, (a, b) -> {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
      });
    }
    return out;
  }

}
