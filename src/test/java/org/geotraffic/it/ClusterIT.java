package org.geotraffic.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * geotraffic on a real Spark standalone cluster: {@code scripts/cluster-run} starts a Master and two
 * Workers on loopback from Maven's Spark jars, submits the shaded jar (database by --files, settings by
 * --config) and checks the outcome itself. This test runs the script as an operator would and checks
 * again from the outside: exit code, run summary, Parquet rows, and that both Workers ran executors.
 */
class ClusterIT {
  @Test
  void clusterRun_onTwoWorkers_succeedsAndPublishesSampleTotals() throws Exception {
    Path project = ItSupport.projectDir();
    Path work = ItSupport.buildDirectory().resolve("cluster-it");
    Path out = work.resolve("out");

    ItSupport.Result r = ItSupport.run(List.of("bash", project.resolve("scripts/cluster-run").toString(), "--work", work.toString(),
        "--expect-totals-rows", "2"), project, Map.of("JAVA", ItSupport.javaBin(), "GEOTRAFFIC_SPARK", ItSupport.sparkLine()),
        ItSupport.buildDirectory().resolve("cluster-it-logs"));

    assertEquals(0, r.exitCode(), () -> "cluster-run exit code; stderr:\n" + r.stderr());
    assertTrue(r.stderr().contains("cluster-run: OK: run "), r.stderr());
    Path summaryFile;
    try (Stream<Path> s = Files.list(out.resolve("_runs"))) {
      summaryFile = s.filter(p -> p.getFileName().toString().startsWith("cluster-")).findFirst().orElseThrow();
    }
    String runId = summaryFile.getFileName().toString().replace(".json", "");
    JsonNode summary = ItSupport.summary(out, runId);
    assertEquals("succeeded", summary.path("status").asText());
    assertEquals(10, summary.path("suppression").path("min_visitors").asInt(), "the --config file was applied");
    assertEquals("4", summary.path("config").path("spark.sql.shuffle.partitions").asText("4"), "spark.* keys pass through");

    Map<String, long[]> totals = ItSupport.perDate(out, "totals");
    assertEquals(List.of("2026-11-23", "2026-11-24"), List.copyOf(totals.keySet()));
    long hits = totals.values().stream().mapToLong(v -> v[2]).sum();
    assertEquals(summary.path("lines").path("accepted").asLong(), hits + summary.path("tables").path("totals").path("hits_suppressed").asLong(),
        "totals hits + suppressed hits = accepted lines");
    for (String worker : List.of("worker-1", "worker-2")) {
      try (Stream<Path> s = Files.walk(work.resolve(worker))) {
        assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("demo-geo.mmdb")), worker + " ran an executor that got the database by --files");
      }
    }
    ItSupport.assertNoClientData(r.both(), "cluster-run console");
    assertEquals(List.of(), ItSupport.infoLines(r.stderr()), "no INFO lines on the driver console");
  }
}
