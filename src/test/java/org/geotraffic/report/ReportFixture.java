package org.geotraffic.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.pipeline.PublishedTableWriter;
import org.geotraffic.privacy.Table;

/**
 * A small job output directory for report tests: Parquet tables in the published schema
 * ({@link PublishedTableWriter#schema}) and one run summary, k = 5, three days 2026-11-01..03.
 *
 * <p>On 2026-11-03 nothing was published (the day's total had fewer than 5 visitors). US is published
 * on the 1st only, XK (Kosovo, no ISO numeric code) on the 2nd only. Two page names are markup that a
 * browser must show as text, one starts a spreadsheet formula.
 */
final class ReportFixture {
  static final String SITE = "shop.example";
  static final String RUN_ID = "20261104T010000Z-abc123";
  static final String D1 = "2026-11-01";
  static final String D2 = "2026-11-02";
  static final String D3 = "2026-11-03";
  static final String SCRIPT_PAGE = "<script>alert(1)</script>";
  static final String IMG_PAGE = "\"><img src=x onerror=alert(1)>";
  static final String FORMULA_PAGE = "=HYPERLINK(\"http://x\",\"y\")";

  /** The published rows: table -> rows of (date, site, keys..., visitors, pageviews, hits[, bytes]). */
  static Map<Table, List<Object[]>> rows() {
    Map<Table, List<Object[]>> t = new TreeMap<>();
    t.put(Table.TOTALS, List.of(
        r(D1, SITE, 40L, 100L, 180L, 9000L),
        r(D2, SITE, 35L, 90L, 150L, 8000L)));
    t.put(Table.COUNTRIES, List.of(
        r(D1, SITE, "DE", 20L, 50L, 90L, 4000L),
        r(D2, SITE, "DE", 18L, 45L, 80L, 3500L),
        r(D1, SITE, "US", 12L, 30L, 50L, 2000L),
        r(D2, SITE, "XK", 5L, 9L, 12L, 700L),
        r(D1, SITE, "(other)", 8L, 20L, 40L, 3000L),
        r(D2, SITE, "(other)", 7L, 30L, 50L, 3500L),
        r(D2, SITE, "(unknown)", 5L, 6L, 8L, 300L)));
    t.put(Table.REGIONS, List.of(
        r(D1, SITE, "DE", "DE-BY", 12L, 30L, 50L, 2500L),
        r(D1, SITE, "DE", "(other)", 8L, 20L, 40L, 1500L),
        r(D2, SITE, "DE", "DE-BY", 18L, 45L, 80L, 3500L),
        r(D1, SITE, "US", "US-CA", 12L, 30L, 50L, 2000L)));
    t.put(Table.PAGES, List.of(
        r(D1, SITE, "/", 30L, 40L, 60L, 5000L),
        r(D2, SITE, "/", 25L, 35L, 50L, 4000L),
        r(D1, SITE, SCRIPT_PAGE, 7L, 8L, 9L, 100L),
        r(D1, SITE, IMG_PAGE, 6L, 6L, 6L, 60L),
        r(D2, SITE, IMG_PAGE, 6L, 7L, 7L, 70L),
        r(D1, SITE, FORMULA_PAGE, 5L, 5L, 5L, 50L),
        r(D2, SITE, "(other)", 10L, 48L, 93L, 3930L)));
    t.put(Table.PAGE_COUNTRIES, List.of(
        r(D1, SITE, "/", "DE", 15L, 20L, 30L),
        r(D2, SITE, "/", "DE", 12L, 16L, 24L),
        r(D1, SITE, SCRIPT_PAGE, "DE", 5L, 5L, 5L),
        r(D1, SITE, IMG_PAGE, "(other)", 6L, 6L, 6L)));
    return t;
  }

  private static Object[] r(Object... values) {
    return values;
  }

  /** Writes the tables and the run summary under {@code out}; returns {@code out}. */
  static Path write(SparkSession spark, Path out) throws IOException {
    for (Map.Entry<Table, List<Object[]>> e : rows().entrySet()) {
      List<Row> rows = new ArrayList<>();
      e.getValue().forEach(v -> rows.add(RowFactory.create(v)));
      spark.createDataFrame(rows, PublishedTableWriter.schema(e.getKey()))
          .write().mode(SaveMode.Overwrite).partitionBy(PublishedTableWriter.DATE)
          .parquet(out.resolve(e.getKey().tableName()).toString());
    }
    Path runs = Files.createDirectories(out.resolve("_runs"));
    String summary = """
        {
          "run_id" : "%s",
          "status" : "succeeded",
          "started" : "2026-11-04T01:00:00Z",
          "database" : { "type" : "GeoIP2-City", "build_date" : "2026-10-28T00:00:00Z" },
          "suppression" : { "min_visitors" : 5, "min_visitors_by_table" : { "countries" : 5, "page_countries" : 5,
            "pages" : 5, "regions" : 5, "totals" : 5 }, "min_hits" : 0 },
          "dates" : [ "%s", "%s", "%s" ]
        }
        """.formatted(RUN_ID, D1, D2, D3);
    Files.writeString(runs.resolve(RUN_ID + ".json"), summary, StandardCharsets.UTF_8);
    Files.writeString(runs.resolve("latest.json"), summary, StandardCharsets.UTF_8);
    // A refused run publishes nothing and must not count.
    Files.writeString(runs.resolve("20261105T010000Z-def456.json"),
        "{\"run_id\":\"20261105T010000Z-def456\",\"status\":\"refused\",\"started\":\"2026-11-05T01:00:00Z\","
            + "\"suppression\":{\"min_visitors\":50},\"dates\":[\"" + D1 + "\"]}", StandardCharsets.UTF_8);
    return out;
  }
}
