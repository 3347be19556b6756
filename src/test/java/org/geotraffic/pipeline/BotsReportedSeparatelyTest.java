package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bots.report-separately publishes crawlers as a site of their own and leaves the humans' tables as they were. */
class BotsReportedSeparatelyTest {
  @TempDir Path tmp;

  private List<String> totals(Path out) {
    SparkSession spark = SparkTestSession.get();
    return spark.read().parquet(out.resolve("totals").toString()).orderBy("date", "site").collectAsList().stream()
        .map((Row r) -> r.getAs("date") + " " + r.getAs("site") + " " + r.getAs("visitors") + "/" + r.getAs("pageviews") + "/" + r.getAs("hits"))
        .toList();
  }

  private Path run(String name, String... sets) throws IOException {
    Path db = tmp.resolve("demo.mmdb");
    if (!db.toFile().exists()) {
      DemoDatabase.write(db);
    }
    Path out = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("run", "--input", "sample-logs", "--output", out.toString(), "--geoip-db", db.toString(),
        "--set", "suppression.min-visitors=1"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    JobRuns.Run run = JobRuns.run(args);
    assertEquals(0, run.exitCode(), run.console());
    return out;
  }

  @Test
  void botsReportedSeparately_getTheirOwnSite_humansUnchanged() throws IOException {
    List<String> mixed = totals(run("default"));
    List<String> separate = totals(run("separate", "bots.report-separately=true"));
    // The sample's one crawler (Googlebot from one address) sends 6 requests a day: all were hits of the
    // site; reported separately they move to "default (bots)", as one visitor with 6 page views.
    assertEquals(List.of("2026-11-23 default 128/335/723", "2026-11-24 default 133/350/766", "2026-11-25 default 1/1/1"), mixed);
    assertEquals(List.of("2026-11-23 default 128/335/717", "2026-11-23 default (bots) 1/6/6",
        "2026-11-24 default 133/350/760", "2026-11-24 default (bots) 1/6/6", "2026-11-25 default 1/1/1"), separate);
  }

  @Test
  void everyDate_isWrittenAsOneFilePerTable_withTwoSitesADay() throws IOException {
    Path out = run("separate", "bots.report-separately=true");
    int dates = 0;
    for (String table : List.of("totals", "countries", "regions", "pages", "page_countries")) {
      try (java.util.stream.Stream<Path> partitions = java.nio.file.Files.list(out.resolve(table))) {
        for (Path partition : partitions.filter(p -> p.getFileName().toString().startsWith("date=")).toList()) {
          try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(partition)) {
            List<String> parquet = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".parquet")).toList();
            assertEquals(1, parquet.size(), table + "/" + partition.getFileName() + ": " + parquet);
          }
          dates++;
        }
      }
    }
    // Each table has its 3 dates (the last one without the bots' site).
    assertEquals(15, dates);
  }
}
