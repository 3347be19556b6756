package org.geotraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report command end to end on a fixture output directory: exit codes, the numbers in the embedded
 * data, "fewer than k" days, escaping in HTML and CSV. Leaves the fixture report in
 * {@code target/browser-fixture/} for tests/browser, which renders it in Chromium.
 */
class ReportCommandTest {
  @TempDir
  static Path dir;
  static Path out;
  static String html;
  static JsonNode data;
  static String console;

  @BeforeAll
  static void buildReport() throws IOException {
    out = ReportFixture.write(SparkTestSession.get(), dir.resolve("out"));
    Path file = dir.resolve("report/report.html");
    Result r = report("--output", out.toString(), "--html", file.toString(), "--csv", dir.resolve("csv").toString());
    console = r.console;
    assertEquals(0, r.code, r.console);
    html = Files.readString(file, StandardCharsets.UTF_8);
    data = embeddedData(html);
    Path fixture = Path.of("target", "browser-fixture");
    Files.createDirectories(fixture);
    Files.copy(file, fixture.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
  }

  record Result(int code, String console) {}

  static Result report(String... args) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    JobRuns.Run run = JobRuns.run(all);
    return new Result(run.exitCode(), run.console());
  }

  static JsonNode embeddedData(String html) throws IOException {
    String open = "<script type=\"application/json\" id=\"report-data\">";
    int start = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
  }

  static JsonNode country(String code) {
    for (JsonNode c : data.get("countries")) {
      if (c.get("code").asText().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no country " + code);
  }

  @Test
  void fixture_totalsAreSummedOverPublishedDays_andTheSilentDayIsFewerThanK() {
    JsonNode total = data.get("total");
    assertEquals(75, total.get("v").asLong());
    assertEquals(190, total.get("pv").asLong());
    assertEquals(330, total.get("h").asLong());
    assertEquals(1, total.get("fewerDays").asInt());
    assertEquals(5, total.get("k").asInt());
    assertEquals("[40,35,null]", total.get("daily").toString());
    assertEquals(List.of(ReportFixture.D1, ReportFixture.D2, ReportFixture.D3),
        new ObjectMapper().convertValue(data.get("dates"), List.class));
  }

  @Test
  void fixture_countriesCarrySharesNamesAndMissingDays() {
    JsonNode de = country("DE");
    assertEquals("Germany", de.get("label").asText());
    assertEquals(38, de.get("v").asLong());
    assertEquals(38.0 / 75, de.get("share").asDouble(), 1e-9);
    assertEquals("[20,18,null]", de.get("daily").toString());
    JsonNode us = country("US");
    assertEquals(12, us.get("v").asLong());
    assertEquals(2, us.get("fewerDays").asInt());
    assertEquals("[12,null,null]", us.get("daily").toString());
    assertEquals("Kosovo", country("XK").get("label").asText());
    assertEquals("Other countries (combined)", country("(other)").get("label").asText());
    assertEquals("Unknown location", country("(unknown)").get("label").asText());
    // Places first by visitors, then the buckets.
    List<String> order = new ArrayList<>();
    data.get("countries").forEach(c -> order.add(c.get("code").asText()));
    assertEquals(List.of("DE", "US", "XK", "(other)", "(unknown)"), order);
    JsonNode regions = de.get("regions");
    assertEquals("DE-BY", regions.get(0).get("code").asText());
    assertEquals("Bayern", regions.get(0).get("label").asText());
    assertEquals(30, regions.get(0).get("v").asLong());
    assertEquals("Other regions (combined)", regions.get(1).get("label").asText());
    assertEquals("DE", data.get("mapIds").get("276").asText());
    assertEquals("XK", data.get("mapNames").get("Kosovo").asText());
  }

  @Test
  void fixture_pageNamesWithMarkup_areEscapedInTheHtml_andDecodeToTheOriginalText() {
    assertFalse(html.contains(ReportFixture.SCRIPT_PAGE), "raw <script> page in the HTML");
    assertFalse(html.contains("<img src=x"), "raw <img> page in the HTML");
    assertTrue(html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
    List<String> pages = new ArrayList<>();
    data.get("pages").forEach(p -> pages.add(p.get("label").asText()));
    assertTrue(pages.contains(ReportFixture.SCRIPT_PAGE), pages.toString());
    assertTrue(pages.contains(ReportFixture.IMG_PAGE), pages.toString());
    assertEquals(ReportFixture.SCRIPT_PAGE, data.get("pageCountries").get("DE").get(1).get("label").asText());
  }

  @Test
  void fixture_htmlIsSelfContained() {
    assertTrue(html.contains("default-src 'none'"), "CSP forbids every fetch");
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external src/href");
    assertTrue(html.contains("d3-geo 3.1.1") && html.contains("world-atlas 2.0.2") && html.contains("topojson-client 3.1.0"));
    assertTrue(html.contains("Copyright 2013-2019 Michael Bostock"), "licence texts inlined");
    assertTrue(html.length() < 2_000_000, "HTML is " + html.length() + " bytes");
    assertTrue(console.contains("shop.example, 2026-11-01 to 2026-11-03"), console);
    System.out.println("fixture report: " + html.getBytes(StandardCharsets.UTF_8).length + " bytes");
  }

  @Test
  void fixture_csvFilesHaveHeadersQuotingAndFormulaGuard() throws IOException {
    Path csv = dir.resolve("csv");
    for (String f : CsvReport.FILES) {
      assertTrue(Files.isRegularFile(csv.resolve(f)), f);
    }
    String daily = Files.readString(csv.resolve("daily.csv"));
    assertEquals("site,date,visitors,min_visitors,run_id\r\n"
        + "shop.example,2026-11-01,40,5," + ReportFixture.RUN_ID + "\r\n"
        + "shop.example,2026-11-02,35,5," + ReportFixture.RUN_ID + "\r\n"
        + "shop.example,2026-11-03,fewer than 5,5," + ReportFixture.RUN_ID + "\r\n", daily);
    String pages = Files.readString(csv.resolve("pages.csv"));
    assertTrue(pages.contains("\r\nshop.example,2026-11-01,2026-11-03,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",5,5,5,50,"), pages);
    assertTrue(pages.contains(",\"\"\"><img src=x onerror=alert(1)>\",12,13,13,130,0.1600,2,1,fewer than 5\r\n"), pages);
    String countries = Files.readString(csv.resolve("countries.csv"));
    assertTrue(countries.contains("\r\nshop.example,2026-11-01,2026-11-03,US,United States,12,30,50,2000,0.1600,1,2,fewer than 5\r\n"),
        countries);
    String dailyCountries = Files.readString(csv.resolve("daily_countries.csv"));
    assertTrue(dailyCountries.contains("shop.example,2026-11-02,US,United States,fewer than 5,5\r\n"), dailyCountries);
  }

  @Test
  void dateRange_keepsOnlyItsDays() throws IOException {
    Path file = dir.resolve("range.html");
    Result r = report("--output", out.toString(), "--html", file.toString(), "--from", ReportFixture.D2, "--to", ReportFixture.D2);
    assertEquals(0, r.code, r.console);
    JsonNode d = embeddedData(Files.readString(file));
    assertEquals("[\"2026-11-02\"]", d.get("dates").toString());
    assertEquals(35, d.get("total").get("v").asLong());
    List<String> codes = new ArrayList<>();
    d.get("countries").forEach(c -> codes.add(c.get("code").asText()));
    assertEquals(List.of("DE", "XK", "(other)", "(unknown)"), codes);
  }

  @Test
  void missingOutputDir_exits3_namingThePath() {
    Path missing = dir.resolve("no-such-output");
    Result r = report("--output", missing.toString(), "--html", dir.resolve("x.html").toString());
    assertEquals(3, r.code);
    assertTrue(r.console.contains("Cannot read the published tables: no such directory, " + missing), r.console);
    assertFalse(Files.exists(dir.resolve("x.html")));
  }

  @Test
  void emptyOutputDir_exits3_namingThePath() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-output"));
    Result r = report("--output", empty.toString(), "--html", dir.resolve("y.html").toString());
    assertEquals(3, r.code);
    assertTrue(r.console.contains("no table and no _runs folder (is this a geotraffic output directory?), " + empty), r.console);
  }

  @Test
  void unknownSite_exits2_listingTheSites() {
    Result r = report("--output", out.toString(), "--html", dir.resolve("z.html").toString(), "--site", "other.example");
    assertEquals(2, r.code);
    assertTrue(r.console.contains("site 'other.example' has no published rows (sites: shop.example)"), r.console);
  }

  @Test
  void missingHtmlOption_exits2_withUsage() {
    Result r = report("--output", out.toString());
    assertEquals(2, r.code);
    assertTrue(r.console.contains("geotraffic report: missing --html"), r.console);
  }
}
