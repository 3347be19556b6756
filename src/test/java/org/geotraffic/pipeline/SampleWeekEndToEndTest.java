package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample (2026-11-23 to 2026-11-25, one ISO week) as days and as its week, through the command
 * line with the default k = 10: {@code what-if --period week} prices exactly the cells {@code run --period
 * week} publishes and hides, the week report shows the week's distinct visitors, and the top pages rank by
 * page views with {@code /img/logo.png} (0 page views, the most hits) among the static assets.
 *
 * <p>The days and the week are published into two outputs: next to the published days, the sample's week cannot
 * be published at all (the week minus its two published days is 2026-11-25's lone visitor), which
 * {@link #weekNextToItsDays_isRefused} shows.
 */
class SampleWeekEndToEndTest {
  static final String MONDAY = "2026-11-23";
  /** Lines of the console table: k, table, published, hidden. */
  static final Pattern WHAT_IF_LINE = Pattern.compile("(?m)^\\s*(\\d+)\\s+([a-z_]+)\\s+(\\d+)\\s+(\\d+)\\s");

  @TempDir static Path tmp;
  static Path db;
  /** The days, and (refused there) the week. */
  static Path output;
  /** The week alone. */
  static Path weekOutput;
  static Console weekNextToDays;

  @BeforeAll
  static void runDaysAndWeek() throws IOException {
    SparkTestSession.get();
    db = tmp.resolve("sample-week-demo-geo.mmdb");
    DemoDatabase.write(db);
    output = tmp.resolve("out");
    assertEquals(0, run("run", "--input", "sample-logs", "--output", output.toString(), "--geoip-db", db.toString(),
        "--run-id", "sample-days").code(), "day run");
    weekNextToDays = run("run", "--input", "sample-logs", "--output", output.toString(), "--geoip-db", db.toString(),
        "--run-id", "sample-week-next-to-days", "--period", "week", "--date", "2026-11-25");
    weekOutput = tmp.resolve("out-week");
    Console week = run("run", "--input", "sample-logs", "--output", weekOutput.toString(), "--geoip-db", db.toString(),
        "--run-id", "sample-week", "--period", "week", "--date", "2026-11-25");
    assertEquals(0, week.code(), week.text());
  }

  @Test
  void weekNextToItsDays_isRefused() {
    assertEquals(8, weekNextToDays.code(), weekNextToDays.text());
    assertTrue(weekNextToDays.text().contains("the week " + MONDAY + " would have to hide its totals"), weekNextToDays.text());
    assertFalse(Files.exists(output.resolve("weekly")), "nothing of the week published next to the days");
  }

  record Console(int code, String text) {}

  static Console run(String... args) {
    JobRuns.Run run = JobRuns.run(args);
    return new Console(run.exitCode(), run.console());
  }

  /** published and hidden cells by table, at {@code k}, from what-if's console table. */
  static Map<String, List<Long>> whatIfCells(String console, int k) {
    Map<String, List<Long>> cells = new TreeMap<>();
    Matcher m = WHAT_IF_LINE.matcher(console);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == k) {
        cells.put(m.group(2), List.of(Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
      }
    }
    return cells;
  }

  static Console whatIf(String... more) {
    List<String> args = new ArrayList<>(List.of("what-if", "--input", "sample-logs", "--geoip-db", db.toString(), "--k", "2,10"));
    args.addAll(List.of(more));
    Console c = run(args.toArray(String[]::new));
    assertEquals(0, c.code(), c.text());
    return c;
  }

  static JsonNode report(String name, String... more) throws IOException {
    Path html = tmp.resolve(name + ".html");
    Path from = List.of(more).contains("week") ? weekOutput : output;
    List<String> args = new ArrayList<>(List.of("report", "--output", from.toString(), "--html", html.toString()));
    args.addAll(List.of(more));
    Console c = run(args.toArray(String[]::new));
    assertEquals(0, c.code(), c.text());
    String text = Files.readString(html, StandardCharsets.UTF_8);
    String open = "<script type=\"application/json\" id=\"report-data\">";
    int start = text.indexOf(open) + open.length();
    JsonNode data = new ObjectMapper().readTree(text.substring(start, text.indexOf("</script>", start)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("_html", text);
    return data;
  }

  @Test
  void whatIfWeek_pricesTheCellsTheWeekRunPublishedAndHid() throws IOException {
    Console c = whatIf("--period", "week", "--date", "2026-11-24");
    assertTrue(c.text().contains("what-if: the week " + MONDAY + " to 2026-11-29 as run --period week publishes it under weekly/,"
        + " visitors distinct over the whole week"), c.text());
    Map<String, List<Long>> priced = whatIfCells(c.text(), 10);
    JsonNode tables = new ObjectMapper().readTree(weekOutput.resolve("_runs/sample-week.json").toFile()).get("tables");
    Map<String, List<Long>> published = new TreeMap<>();
    for (Table t : Table.values()) {
      JsonNode s = tables.get(t.tableName());
      long hidden = s.get("cells_suppressed").asLong();
      published.put(t.tableName(), List.of(s.get("cells_candidate").asLong() - hidden, hidden));
    }
    assertEquals(published, priced, "what-if --period week at k=10 against run --period week at k=10");
    // One week, one totals cell: the lone visitor of 2026-11-25 is no longer a day of its own.
    assertEquals(List.of(1L, 0L), priced.get("totals"));
  }

  @Test
  void whatIfDays_stillPricesEachDay() {
    Map<String, List<Long>> priced = whatIfCells(whatIf().text(), 10);
    assertEquals(List.of(2L, 1L), priced.get("totals"), "three days, 2026-11-25 below k");
  }

  @Test
  void whatIfPeriod_withoutDate_isAUsageError() {
    Console c = run("what-if", "--input", "sample-logs", "--geoip-db", db.toString(), "--k", "10", "--period", "week");
    assertEquals(2, c.code());
    assertTrue(c.text().contains("--period week needs --date (any day of the week), not --from/--to"), c.text());
  }

  @Test
  void weekReport_showsTheWeeksDistinctVisitors_fewerThanTheDaysSummed() throws IOException {
    JsonNode week = report("sample-week", "--period", "week");
    JsonNode days = report("sample-days");
    long weekVisitors = week.get("views").get(0).get("total").get("v").asLong();
    long daysSummed = days.get("total").get("v").asLong();
    assertEquals(128 + 133, daysSummed, "SampleRunEndToEndTest.totals_areExact; 2026-11-25 unpublished");
    assertTrue(weekVisitors > 133 && weekVisitors < daysSummed, weekVisitors + " distinct over the week, " + daysSummed + " summed");
    assertFalse(week.get("_html").asText().contains("daily, summed"));
    assertTrue(days.get("_html").asText().contains("daily, summed"));
  }

  @Test
  void topPages_rankByPageViews_andTheLogoIsAnAsset() throws IOException {
    for (JsonNode view : List.of(report("sample-pages"), report("sample-week-pages", "--period", "week").get("views").get(0))) {
      List<String> pages = new ArrayList<>();
      long previous = Long.MAX_VALUE;
      for (JsonNode p : view.get("pages")) {
        pages.add(p.get("code").asText());
        if (p.get("kind").asText().equals("place")) {
          long pv = p.get("pv").asLong();
          assertTrue(pv > 0, p.toString());
          assertTrue(pv <= previous, "most page views first: " + view.get("pages"));
          previous = pv;
        }
      }
      assertFalse(pages.contains("/img/logo.png"), pages.toString());
      assertEquals("(other)", pages.get(pages.size() - 1), "the residual last");
      JsonNode assets = view.get("assets");
      assertEquals("/img/logo.png", assets.get(0).get("code").asText(), "the logo has the most hits of the assets: " + assets);
      assertEquals(0, assets.get(0).get("pv").asLong());
      for (JsonNode a : assets) {
        assertEquals(0, a.get("pv").asLong(), a.toString());
      }
    }
  }
}
