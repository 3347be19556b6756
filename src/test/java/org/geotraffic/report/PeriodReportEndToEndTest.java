package org.geotraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.pipeline.PublishedTableWriter;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a week next to the days it covers, from real runs: {@code run --from/--to} publishes two days,
 * {@code run --period week} the week (and the next week), into one output. Visitors return on the second day,
 * so the week's distinct visitors are fewer than the days' sum. The week report must show the week's figure
 * and never say "daily, summed"; the day report over the same days still sums them and says so. Leaves the
 * week report in {@code target/browser-fixture/week-report.html} for tests/browser.
 *
 * <p>The output also holds an operator's {@code _ledger/} folder with a table-shaped Parquet file of
 * impossible numbers, which no report may read.
 */
class PeriodReportEndToEndTest {
  static final String MONDAY = "2026-11-23";
  static final String TUESDAY = "2026-11-24";
  static final String SUNDAY = "2026-11-29";
  static final String NEXT_MONDAY = "2026-11-30";
  /** Never a real count in this fixture: a report that reads the ledger shows it. */
  static final long LEDGER_VISITORS = 987_654L;

  @TempDir static Path dir;
  static Path out;
  static Set<String> mondayClients = new TreeSet<>();
  static Set<String> tuesdayClients = new TreeSet<>();
  static Set<String> nextWeekClients = new TreeSet<>();

  @BeforeAll
  static void publishDaysAndWeek() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path logs = Files.createDirectories(dir.resolve("logs"));
    // GB (192.0.2.0/26): 1..8 on Monday, 5..12 on Tuesday; DE (192.0.2.128/25): 130..135, then 133..138.
    Files.write(logs.resolve("access.log." + MONDAY), day(MONDAY, range(1, 8, 130, 135), mondayClients), StandardCharsets.UTF_8);
    Files.write(logs.resolve("access.log." + TUESDAY), day(TUESDAY, range(5, 12, 133, 138), tuesdayClients), StandardCharsets.UTF_8);
    Files.write(logs.resolve("access.log." + NEXT_MONDAY), day(NEXT_MONDAY, range(20, 25, 140, 143), nextWeekClients),
        StandardCharsets.UTF_8);
    Path db = dir.resolve("period-report-demo-geo.mmdb");
    DemoDatabase.write(db);
    out = dir.resolve("out");
    run("run", "--input", logs.toString(), "--output", out.toString(), "--geoip-db", db.toString(), "--run-id", "days",
        "--from", MONDAY, "--to", TUESDAY, "--set", "suppression.min-visitors=2");
    run("run", "--input", logs.toString(), "--output", out.toString(), "--geoip-db", db.toString(), "--run-id", "week",
        "--period", "week", "--date", TUESDAY, "--set", "suppression.min-visitors=2");
    run("run", "--input", logs.toString(), "--output", out.toString(), "--geoip-db", db.toString(), "--run-id", "next-week",
        "--period", "week", "--date", "2026-12-02", "--set", "suppression.min-visitors=2");
    assertTrue(Files.isDirectory(out.resolve("weekly/totals/date=" + MONDAY)), "the week run published its tables");
    writeLedger(spark);
  }

  private static List<Integer> range(int gbFrom, int gbTo, int deFrom, int deTo) {
    List<Integer> hosts = new ArrayList<>();
    for (int h = gbFrom; h <= gbTo; h++) {
      hosts.add(h);
    }
    for (int h = deFrom; h <= deTo; h++) {
      hosts.add(h);
    }
    return hosts;
  }

  /** Each client views / and /about and loads the logo (an asset: a hit, no page view). */
  private static List<String> day(String date, List<Integer> hosts, Set<String> clients) {
    String stamp = java.time.LocalDate.parse(date).format(java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy", java.util.Locale.ROOT));
    List<String> lines = new ArrayList<>();
    for (int h : hosts) {
      String client = "192.0.2." + h;
      clients.add(client);
      for (String page : List.of("/", "/about", "/img/logo.png")) {
        lines.add(client + " - - [" + stamp + ":10:00:00 +0000] \"GET " + page + " HTTP/1.1\" 200 512 \"-\" \"TestBrowser/1.0 (X11; Linux x86_64)\"");
      }
    }
    return lines;
  }

  private static void run(String... args) {
    JobRuns.Run run = JobRuns.run(args);
    assertEquals(0, run.exitCode(), run.console());
  }

  /** An operator-only folder shaped like the tables; the report must not see it. */
  private static void writeLedger(SparkSession spark) {
    for (String path : List.of("_ledger/countries", "_ledger/weekly/countries")) {
      spark.createDataFrame(List.of(RowFactory.create(MONDAY, "default", "GB", LEDGER_VISITORS, 1L, 1L, 1L)),
              PublishedTableWriter.schema(Table.COUNTRIES))
          .write().mode(SaveMode.Overwrite).partitionBy(PublishedTableWriter.DATE).parquet(out.resolve(path).toString());
    }
  }

  private static long weekVisitors() {
    Set<String> all = new TreeSet<>(mondayClients);
    all.addAll(tuesdayClients);
    return all.size();
  }

  private static long daysVisitorsSummed() {
    return mondayClients.size() + tuesdayClients.size();
  }

  record Report(ReportCommandTest.Result result, String html, JsonNode data) {}

  static Report report(String name, String... more) throws IOException {
    Path html = dir.resolve(name + ".html");
    List<String> args = new ArrayList<>(List.of("--output", out.toString(), "--html", html.toString(), "--csv",
        dir.resolve(name + "-csv").toString()));
    args.addAll(List.of(more));
    ReportCommandTest.Result r = ReportCommandTest.report(args.toArray(String[]::new));
    if (r.code() != 0) {
      return new Report(r, null, null);
    }
    String text = Files.readString(html, StandardCharsets.UTF_8);
    return new Report(r, text, ReportCommandTest.embeddedData(text));
  }

  @Test
  void fixture_hasVisitorsWhoReturn() {
    assertTrue(weekVisitors() < daysVisitorsSummed(), weekVisitors() + " vs " + daysVisitorsSummed());
  }

  @Test
  void weekReport_showsTheWeeksDistinctVisitors_neverDailySummed() throws IOException {
    Report week = report("week", "--period", "week");
    assertEquals(0, week.result().code(), week.result().console());
    assertEquals("week", week.data().get("period").asText());
    JsonNode views = week.data().get("views");
    assertEquals(2, views.size());
    assertEquals(nextWeekClients.size(), views.get(1).get("total").get("v").asLong());
    JsonNode view = views.get(0);
    assertEquals(weekVisitors(), view.get("total").get("v").asLong(), "distinct over the week");
    assertTrue(view.get("total").get("v").asLong() < daysVisitorsSummed(), "fewer than the days' sum: visitors returned");
    assertEquals("Visitors (distinct over the week)", view.get("visitorsLabel").asText());
    assertEquals("week " + MONDAY + " to " + SUNDAY, view.get("label").asText());
    assertEquals("weekly, " + MONDAY + " to 2026-12-06 (2 weeks)", week.data().get("words").get("range").asText());
    assertFalse(week.html().contains("daily, summed"), "the week report never says daily, summed");
    assertFalse(week.html().contains("daily_summed"));
    assertTrue(week.result().console().contains("default, weekly, " + MONDAY + " to 2026-12-06 (2 weeks)"), week.result().console());
    Path fixture = Files.createDirectories(Path.of("target", "browser-fixture"));
    Files.writeString(fixture.resolve("week-report.html"), week.html(), StandardCharsets.UTF_8);
    // The week's countries are its own distinct visitors too: 12 from GB over the week (8 + 8 over the days).
    assertEquals(12, country(view, "GB").get("v").asLong());
    assertEquals(9, country(view, "DE").get("v").asLong());
  }

  @Test
  void weekReport_csv_hasOneRowPerWeek_withDistinctVisitors() throws IOException {
    Report week = report("week-csv", "--period", "week");
    assertEquals(0, week.result().code(), week.result().console());
    Path csv = dir.resolve("week-csv-csv");
    for (String f : CsvReport.files(org.geotraffic.config.Period.WEEK)) {
      assertTrue(Files.isRegularFile(csv.resolve(f)), f);
      assertFalse(Files.readString(csv.resolve(f)).contains("summed"), f);
    }
    assertEquals("site,period,first_day,last_day,visitors_distinct_over_week,pageviews,hits,bytes,min_visitors,run_id\r\n"
        + "default,week," + MONDAY + "," + SUNDAY + "," + weekVisitors() + ",56,84,43008,2,week\r\n"
        + "default,week," + NEXT_MONDAY + ",2026-12-06," + nextWeekClients.size() + ",20,30,15360,2,next-week\r\n",
        Files.readString(csv.resolve("weekly.csv")));
    assertTrue(Files.readString(csv.resolve("weekly_countries.csv"))
        .contains("\r\ndefault,week," + MONDAY + "," + SUNDAY + ",GB,United Kingdom,12,32,48,"), "GB's week row");
  }

  @Test
  void dayReport_overTheSameDays_stillSumsThemAndSaysSo() throws IOException {
    Report days = report("days", "--from", MONDAY, "--to", SUNDAY);
    assertEquals(0, days.result().code(), days.result().console());
    assertEquals("day", days.data().get("period").asText());
    assertEquals(daysVisitorsSummed(), days.data().get("total").get("v").asLong());
    assertEquals("Visitors (daily, summed)", days.data().get("visitorsLabel").asText());
    assertFalse(days.data().has("views"));
    assertTrue(days.html().contains("daily, summed"));
    assertFalse(days.html().contains("distinct over the week"));
    assertTrue(Files.readString(dir.resolve("days-csv/countries.csv")).startsWith(
        "site,from,to,country,country_name,visitors_daily_summed,"));
  }

  @Test
  void dayReport_readsTheDailyTablesOnly_notWeeklyNorLedger() throws IOException {
    Report days = report("days-only");
    assertEquals(0, days.result().code(), days.result().console());
    // The week run's summary lists its Monday: that is no day release, so the days are exactly the two.
    assertEquals(List.of(MONDAY, TUESDAY), List.of(days.data().get("dates").get(0).asText(), days.data().get("dates").get(1).asText()));
    assertEquals(2, days.data().get("dates").size());
    assertEquals("[" + mondayClients.size() + "," + tuesdayClients.size() + "]", days.data().get("total").get("daily").toString());
    assertEquals("days", days.data().get("days").get(0).get("run").asText(), "published by the day run, not the week run");
    assertEquals(8 + 8, country(days.data(), "GB").get("v").asLong());
    assertFalse(days.html().contains(String.valueOf(LEDGER_VISITORS)), "the ledger was read");
    Report week = report("week-only", "--period", "week");
    assertFalse(week.html().contains(String.valueOf(LEDGER_VISITORS)), "the ledger was read");
  }

  @Test
  void logo_isAnAssetNotATopPage_inTheWeekAndTheDayReport_andTheirCsv() throws IOException {
    Report week = report("week-pages", "--period", "week");
    Report days = report("day-pages");
    for (JsonNode view : List.of(week.data().get("views").get(0), days.data())) {
      List<String> pages = new ArrayList<>();
      view.get("pages").forEach(p -> pages.add(p.get("code").asText()));
      // / and /about tie on page views and visitors: by page.
      assertEquals(List.of("/", "/about"), pages);
      assertEquals("/img/logo.png", view.get("assets").get(0).get("code").asText());
      assertEquals(1, view.get("assets").size());
    }
    assertTrue(Files.readString(dir.resolve("week-pages-csv/weekly_assets.csv")).contains(",/img/logo.png," + weekVisitors() + ",0,"));
    assertFalse(Files.readString(dir.resolve("week-pages-csv/weekly_pages.csv")).contains("logo"));
    assertTrue(Files.readString(dir.resolve("day-pages-csv/assets.csv")).contains(",/img/logo.png," + daysVisitorsSummed() + ",0,"));
    assertFalse(Files.readString(dir.resolve("day-pages-csv/pages.csv")).contains("logo"));
    assertTrue(Files.readString(dir.resolve("day-pages-csv/asset_countries.csv")).contains(",GB,United Kingdom,/img/logo.png,16,0,16,"));
  }

  @Test
  void monthReport_withoutMonthlyTables_exits3_namingTheFolderAndTheRunThatMakesIt() throws IOException {
    Report month = report("month", "--period", "month");
    assertEquals(3, month.result().code(), month.result().console());
    String console = month.result().console();
    assertTrue(console.contains("Cannot build the monthly report: no month was published under " + out + "/monthly/"), console);
    assertTrue(console.contains("geotraffic run --period month --date <any day of the month>"), console);
    assertFalse(Files.exists(dir.resolve("month.html")), "no report written");
  }

  @Test
  void weekReport_fromTo_selectsTheWeeksWhoseFirstDayIsInRange() throws IOException {
    // 2026-11-24 to 2026-11-30 holds the second Monday only: the first week starts before the range.
    Report week = report("week-range", "--period", "week", "--from", TUESDAY, "--to", NEXT_MONDAY);
    assertEquals(0, week.result().code(), week.result().console());
    assertEquals("[\"" + NEXT_MONDAY + "\"]", week.data().get("dates").toString());
    assertEquals(1, week.data().get("views").size());
    assertEquals(nextWeekClients.size(), week.data().get("views").get(0).get("total").get("v").asLong());
  }

  @Test
  void weekReport_outsideTheRange_exits3_namingTheRange() throws IOException {
    Report week = report("week-later", "--period", "week", "--from", "2026-12-07", "--to", "2026-12-31");
    assertEquals(3, week.result().code(), week.result().console());
    assertTrue(week.result().console().contains("no week was published between 2026-12-07 and 2026-12-31 under "), week.result().console());
  }

  private static JsonNode country(JsonNode view, String code) {
    for (JsonNode c : view.get("countries")) {
      if (c.get("code").asText().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no country " + code + " in " + view.get("countries"));
  }
}
