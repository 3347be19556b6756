package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-built days for tests. */
final class Days {
  private Days() {}

  static Measures m(long visitors) {
    return new Measures(visitors, 2 * visitors, visitors, 100 * visitors);
  }

  static Cell cell(String key, long visitors) {
    return new Cell(key, m(visitors));
  }

  /**
   * Pages /a and /b; countries DE and FR; every visitor sees one page. /a: DE 10, FR 5; /b: DE 10, FR 1.
   * Primary suppression alone folds /b's FR (1 visitor) and then all of /b, and publishes /a's cells:
   * FR minus (/a, FR) recovers the one French visitor of /b.
   */
  static UnsuppressedDay columnLeak() {
    ChildGroup countries = ChildGroup.disjoint(List.of(cell("DE", 20), cell("FR", 6)));
    ChildGroup pages = new ChildGroup(List.of(cell("/b", 11), cell("/a", 15)), new long[] {0, 11, 26}, false);
    return new UnsuppressedDay("2026-01-01", "s", m(26), countries,
        Map.of("DE", ChildGroup.disjoint(List.of(cell("DE-1", 20))), "FR", ChildGroup.disjoint(List.of(cell("FR-1", 6)))),
        pages,
        Map.of("/a", ChildGroup.disjoint(List.of(cell("DE", 10), cell("FR", 5))),
            "/b", ChildGroup.disjoint(List.of(cell("DE", 10), cell("FR", 1)))),
        new CountryPageSets(Map.of("DE", Map.of("/a", 10L, "/b", 10L), "FR", Map.of("/a", 5L, "/b", 1L))));
  }

  static PublishedRow row(String country, String region, String page, Measures measures) {
    return new PublishedRow("2026-01-01", "s", country, region, page, measures);
  }

  static PublishedDay published(Map<Table, List<PublishedRow>> rows) {
    return new PublishedDay(rows, Map.of());
  }

  static List<PublishedRow> list(PublishedRow... rows) {
    return new ArrayList<>(List.of(rows));
  }
}
