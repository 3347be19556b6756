package org.geotraffic.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.Test;

/** The report model from published rows: sums, "fewer than k" days with the right k, labels, order, shares. */
class ReportDataTest {
  private static final RunSummaries.Run EARLY = new RunSummaries.Run("r1", "2026-11-02T00:00:00Z", Period.DAY, List.of("2026-11-01"), 10,
      Map.of("countries", 10, "totals", 10), "GeoLite2-City", "2026-10-01T00:00:00Z");
  // A later run with a higher threshold for countries processed the second and third day.
  private static final RunSummaries.Run LATE = new RunSummaries.Run("r2", "2026-11-04T00:00:00Z",
      Period.DAY, List.of("2026-11-02", "2026-11-03"), 10, Map.of("countries", 25), "GeoLite2-City", "2026-10-01T00:00:00Z");

  private static PublishedRecord country(String date, String site, String code, long visitors) {
    return new PublishedRecord(Table.COUNTRIES, date, site, code, null, null, visitors, visitors * 2, visitors * 3, visitors * 100);
  }

  private static PublishedRecord total(String date, String site, long visitors) {
    return new PublishedRecord(Table.TOTALS, date, site, null, null, null, visitors, visitors * 2, visitors * 3, visitors * 100);
  }

  private static ReportData build(List<PublishedRecord> rows) {
    RunSummaries runs = new RunSummaries(List.of(LATE, EARLY));
    return ReportData.build("a", Period.DAY, rows, runs.processedDates(Period.DAY), runs);
  }

  @Test
  void missingDays_takeKFromTheRunThatPublishedThem() {
    List<PublishedRecord> rows = new ArrayList<>(List.of(
        total("2026-11-01", "a", 100), total("2026-11-02", "a", 100), total("2026-11-03", "a", 100),
        country("2026-11-01", "a", "FR", 40), country("2026-11-03", "a", "FR", 30),
        country("2026-11-01", "a", "NL", 12)));
    ReportData d = build(rows);
    ReportLine fr = d.countries().get(0);
    assertEquals("FR", fr.code());
    assertEquals("France", fr.label());
    assertEquals(70, fr.visitors());
    assertEquals(140, fr.pageviews());
    assertEquals(1, fr.daysFewer());
    assertEquals(25, fr.kFewer(), "day 2 was published by r2, k=25 for countries");
    assertArrayEquals(new long[] {40, -1, 30}, fr.daily());
    assertEquals(70.0 / 300, fr.share(), 1e-12);
    ReportLine nl = d.countries().get(1);
    assertEquals(2, nl.daysFewer());
    assertEquals(25, nl.kFewer());
    assertEquals(10, d.days().get(0).k(Table.COUNTRIES));
    assertEquals("r2", d.days().get(2).runId());
  }

  @Test
  void otherSitesAreIgnored_andBucketsSortLast() {
    ReportData d = build(List.of(
        total("2026-11-01", "a", 100),
        country("2026-11-01", "a", "(other)", 90), country("2026-11-01", "a", "(internal)", 50),
        country("2026-11-01", "a", "SE", 11), country("2026-11-01", "b", "JP", 500)));
    // Buckets after the places, among themselves by visitors.
    assertEquals(List.of("SE", "(other)", "(internal)"), d.countries().stream().map(ReportLine::code).toList());
    assertEquals("Internal network", d.countries().get(2).label());
    assertEquals("internal", d.countries().get(2).kind());
    assertEquals(List.of("2026-11-01", "2026-11-02", "2026-11-03"), d.dates());
  }

  @Test
  void noTotalsPublished_givesATotalThatIsFewerThanKEveryDay() {
    ReportData d = build(List.of());
    assertEquals(0, d.total().daysPublished());
    assertEquals(3, d.total().daysFewer());
    assertEquals(10, d.total().kFewer());
    assertNull(d.total().share());
  }

  @Test
  void regionLabels_nameIsoSubdivisionsAndKeepInternalNetworkNames() {
    assertEquals("Bayern", Labels.region("DE-BY"));
    assertEquals("office-berlin", Labels.region("office-berlin"));
    assertEquals("Region unknown", Labels.region("(unknown)"));
    assertEquals("Other regions (combined)", Labels.region("(other)"));
    assertEquals("Other pages (combined)", Labels.page("(other)"));
  }

  @Test
  void numericCodes_comeFromIsoCodes() {
    assertEquals("276", CountryNumbers.numeric("DE"));
    assertEquals("840", CountryNumbers.numeric("US"));
    assertEquals("036", CountryNumbers.numeric("AU"));
    assertNull(CountryNumbers.numeric("XK"));
  }

  // ---- weeks and months ----

  private static final RunSummaries.Run WEEK_RUN = new RunSummaries.Run("w1", "2026-12-01T00:00:00Z", Period.WEEK,
      List.of("2026-11-23"), 10, Map.of(), "GeoLite2-City", "2026-10-01T00:00:00Z");
  private static final RunSummaries.Run WEEK_RUN_2 = new RunSummaries.Run("w2", "2026-12-08T00:00:00Z", Period.WEEK,
      List.of("2026-11-30"), 20, Map.of(), "GeoLite2-City", "2026-10-01T00:00:00Z");

  @Test
  void runSummaries_keepPeriodsApart_aWeeksMondayIsNoDay() {
    RunSummaries runs = new RunSummaries(List.of(EARLY, WEEK_RUN));
    assertEquals(List.of("2026-11-01"), runs.processedDates(Period.DAY));
    assertEquals(List.of("2026-11-23"), runs.processedDates(Period.WEEK));
    assertEquals(List.of(), runs.processedDates(Period.MONTH));
    // The week run is the latest, but it published no day.
    assertEquals("r1", runs.publisherOf(Period.DAY, "2026-11-23").runId());
    assertEquals("w1", runs.publisherOf(Period.WEEK, "2026-11-23").runId());
    assertEquals(java.util.EnumSet.of(Period.DAY, Period.WEEK), runs.periods());
  }

  @Test
  void runSummary_period_isReadFromTheSummary_dayWhenAbsent_unknownSkipped() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(Period.WEEK, RunSummaries.parse(json.readTree(
        "{\"run_id\":\"w\",\"status\":\"succeeded\",\"period\":\"week\",\"dates\":[\"2026-11-23\"]}")).orElseThrow().period());
    assertEquals(Period.DAY, RunSummaries.parse(json.readTree(
        "{\"run_id\":\"d\",\"status\":\"succeeded\",\"dates\":[\"2026-11-23\"]}")).orElseThrow().period());
    assertEquals(java.util.Optional.empty(), RunSummaries.parse(json.readTree(
        "{\"run_id\":\"q\",\"status\":\"succeeded\",\"period\":\"quarter\",\"dates\":[\"2026-10-01\"]}")));
  }

  @Test
  void weekReport_showsEachWeekOnItsOwn_withItsOwnK() {
    RunSummaries runs = new RunSummaries(List.of(WEEK_RUN, WEEK_RUN_2));
    List<PublishedRecord> rows = List.of(
        total("2026-11-23", "a", 150), total("2026-11-30", "a", 90),
        country("2026-11-23", "a", "FR", 60), country("2026-11-30", "a", "FR", 40), country("2026-11-23", "a", "NL", 12));
    ReportData d = ReportData.build("a", Period.WEEK, rows, runs.processedDates(Period.WEEK), runs);
    assertEquals(Period.WEEK, d.period());
    assertEquals(List.of("2026-11-23", "2026-11-30"), d.dates());
    assertEquals(2, d.byPeriod().size());
    ReportData first = d.byPeriod().get(0);
    assertEquals(List.of("2026-11-23"), first.dates());
    assertEquals(150, first.total().visitors(), "the week's own distinct visitors, not a sum over weeks");
    assertEquals(List.of("FR", "NL"), first.countries().stream().map(ReportLine::code).toList());
    assertEquals(60.0 / 150, first.countries().get(0).share(), 1e-12);
    ReportData second = d.byPeriod().get(1);
    assertEquals(90, second.total().visitors());
    assertEquals(List.of("FR"), second.countries().stream().map(ReportLine::code).toList(), "NL was not published that week");
    assertEquals(20, second.days().get(0).k(Table.COUNTRIES));
    assertEquals("w2", second.days().get(0).runId());
    // The whole range serves the trend: one value per week.
    assertArrayEquals(new long[] {150, 90}, d.total().daily());
    assertArrayEquals(new long[] {12, -1}, d.countries().get(1).daily());
  }

  @Test
  void dayReport_hasNoPerPeriodViews() {
    assertEquals(List.of(), build(List.of(total("2026-11-01", "a", 100))).byPeriod());
  }

  @Test
  void periodWords_sayWhatVisitorsMean() {
    assertEquals("Visitors (daily, summed)", PeriodWords.visitors(Period.DAY, 3));
    assertEquals("Visitors (distinct over the day)", PeriodWords.visitors(Period.DAY, 1));
    assertEquals("Visitors (distinct over the week)", PeriodWords.visitors(Period.WEEK, 1));
    assertEquals("Visitors (distinct over the month)", PeriodWords.visitors(Period.MONTH, 1));
    assertEquals("visitors_daily_summed", PeriodWords.visitorsColumn(Period.DAY));
    assertEquals("visitors_distinct_over_month", PeriodWords.visitorsColumn(Period.MONTH));
    assertEquals("2026-11-01 to 2026-11-03 (3 days)", PeriodWords.range(Period.DAY, List.of("2026-11-01", "2026-11-02", "2026-11-03")));
    assertEquals("monthly, 2026-11-01 to 2026-12-31 (2 months)", PeriodWords.range(Period.MONTH, List.of("2026-11-01", "2026-12-01")));
    assertEquals("week 2026-11-23 to 2026-11-29", PeriodWords.one(Period.WEEK, "2026-11-23"));
    assertEquals(List.of("monthly.csv", "monthly_countries.csv", "monthly_regions.csv", "monthly_pages.csv", "monthly_assets.csv",
        "monthly_page_countries.csv", "monthly_asset_countries.csv"), CsvReport.files(Period.MONTH));
  }

  @Test
  void periodJson_andHtml_neverSayDailySummed_dayJsonDoes() {
    RunSummaries runs = new RunSummaries(List.of(WEEK_RUN));
    ReportData week = ReportData.build("a", Period.WEEK, List.of(total("2026-11-23", "a", 150)), runs.processedDates(Period.WEEK), runs);
    String html = HtmlReport.render(week);
    assertFalse(html.contains("daily, summed"), "week HTML");
    assertTrue(html.contains("Visitors (distinct over the week)"), "week HTML");
    assertTrue(html.contains("weekly, 2026-11-23 to 2026-11-29 (1 week)"), "the HTML says which period");
    String dayHtml = HtmlReport.render(build(List.of(total("2026-11-01", "a", 100))));
    assertTrue(dayHtml.contains("Visitors (daily, summed)"), "day HTML over three days");
  }

  // ---- top pages and assets ----

  private static PublishedRecord page(String date, String page, long visitors, long pageviews, long hits) {
    return new PublishedRecord(Table.PAGES, date, "a", null, null, page, visitors, pageviews, hits, hits * 100);
  }

  private static PublishedRecord pageIn(String date, String page, String country, long visitors, long pageviews, long hits) {
    return new PublishedRecord(Table.PAGE_COUNTRIES, date, "a", country, null, page, visitors, pageviews, hits, 0);
  }

  @Test
  void topPages_rankByPageViews_thenVisitors_thenPage_withTheLogoAmongTheAssets() {
    ReportData d = build(List.of(
        total("2026-11-01", "a", 100),
        page("2026-11-01", "/img/logo.png", 90, 0, 400),
        page("2026-11-01", "/css/site.css", 95, 0, 120),
        page("2026-11-01", "/favicon.ico", 80, 0, 120),
        page("2026-11-01", "/", 60, 70, 80),
        page("2026-11-01", "/about", 30, 70, 70),
        page("2026-11-01", "/contact", 30, 70, 75),
        page("2026-11-01", "/products/", 20, 150, 150),
        page("2026-11-01", "(other)", 99, 500, 900)));
    assertEquals(List.of("/products/", "/", "/about", "/contact", "(other)"), d.pages().stream().map(ReportLine::code).toList(),
        "page views; ties by visitors, then page; the residual last whatever its numbers");
    assertEquals(List.of("/img/logo.png", "/css/site.css", "/favicon.ico"), d.assets().stream().map(ReportLine::code).toList(),
        "hits; ties by visitors");
    assertEquals("Other pages (combined)", d.pages().get(4).label());
  }

  @Test
  void aPathWithPageViewsOnSomeDay_isAPage() {
    ReportData d = build(List.of(page("2026-11-01", "/old", 20, 0, 20), page("2026-11-02", "/old", 15, 3, 15)));
    assertEquals(List.of("/old"), d.pages().stream().map(ReportLine::code).toList());
    assertEquals(List.of(), d.assets());
  }

  @Test
  void pagesInACountry_areSplitAndRankedTheSameWay_andTheirOtherPagesRowIsAResidual() {
    ReportData d = build(List.of(
        pageIn("2026-11-01", "/img/logo.png", "DE", 40, 0, 200),
        pageIn("2026-11-01", "/", "DE", 30, 35, 40),
        pageIn("2026-11-01", "/about", "DE", 35, 20, 20),
        pageIn("2026-11-01", "(other pages)", "DE", 90, 300, 500),
        pageIn("2026-11-01", "/img/logo.png", "FR", 12, 0, 30)));
    assertEquals(List.of("/", "/about", "(other pages)"), d.pageCountries().get("DE").stream().map(ReportLine::code).toList());
    assertEquals("Other pages (combined)", d.pageCountries().get("DE").get(2).label());
    assertTrue(d.pageCountries().get("DE").get(2).isBucket());
    assertEquals(List.of("/img/logo.png"), d.assetCountries().get("DE").stream().map(ReportLine::code).toList());
    assertFalse(d.pageCountries().containsKey("FR"), "FR has no page with page views");
    assertEquals(List.of("/img/logo.png"), d.assetCountries().get("FR").stream().map(ReportLine::code).toList());
  }

  @Test
  void nothingPublished_dayReportOfAWeeksOnlyOutput_pointsToThePeriod_weekReportToTheRunThatMakesIt() throws Exception {
    RunSummaries weeksOnly = new RunSummaries(List.of(WEEK_RUN));
    ReportOptions day = ReportOptions.parse(new String[] {"--output", "/o", "--html", "r.html"});
    assertEquals("Cannot build the report: no day was published, /o (the output holds other periods: --period week)",
        ReportCommand.nothingPublished(day, weeksOnly));
    ReportOptions month = ReportOptions.parse(new String[] {"--output", "/o", "--html", "r.html", "--period", "month", "--from",
        "2026-11-01", "--to", "2026-11-30"});
    assertEquals("Cannot build the monthly report: no month was published between 2026-11-01 and 2026-11-30 under /o/monthly/"
        + " (the report does not sum days into months: that would count a visitor once per day); publish one with:"
        + " geotraffic run --period month --date <any day of the month> --input <its logs> --output /o --geoip-db <database>",
        ReportCommand.nothingPublished(month, weeksOnly));
  }

  @Test
  void periodOption_mustBeDayWeekOrMonth() {
    ReportOptions.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(ReportOptions.UsageException.class,
        () -> ReportOptions.parse(new String[] {"--output", "/o", "--html", "r.html", "--period", "quarter"}));
    assertEquals("--period must be day, week or month, got 'quarter'", e.getMessage());
  }
}
