package org.geotraffic.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.Test;

/** The report model from published rows: sums, "fewer than k" days with the right k, labels, order, shares. */
class ReportDataTest {
  private static final RunSummaries.Run EARLY = new RunSummaries.Run("r1", "2026-11-02T00:00:00Z", List.of("2026-11-01"), 10,
      Map.of("countries", 10, "totals", 10), "GeoLite2-City", "2026-10-01T00:00:00Z");
  // A later run with a higher threshold for countries processed the second and third day.
  private static final RunSummaries.Run LATE = new RunSummaries.Run("r2", "2026-11-04T00:00:00Z",
      List.of("2026-11-02", "2026-11-03"), 10, Map.of("countries", 25), "GeoLite2-City", "2026-10-01T00:00:00Z");

  private static PublishedRecord country(String date, String site, String code, long visitors) {
    return new PublishedRecord(Table.COUNTRIES, date, site, code, null, null, visitors, visitors * 2, visitors * 3, visitors * 100);
  }

  private static PublishedRecord total(String date, String site, long visitors) {
    return new PublishedRecord(Table.TOTALS, date, site, null, null, null, visitors, visitors * 2, visitors * 3, visitors * 100);
  }

  private static ReportData build(List<PublishedRecord> rows) {
    RunSummaries runs = new RunSummaries(List.of(LATE, EARLY));
    return ReportData.build("a", rows, runs.processedDates(), runs);
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
}
