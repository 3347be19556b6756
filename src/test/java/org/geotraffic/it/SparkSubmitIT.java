package org.geotraffic.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under Spark's own launcher, {@code org.apache.spark.deploy.SparkSubmit}, with Spark's
 * jars first on the classpath as on a cluster. Classpath clashes (a Jackson or commons-io version that
 * Spark's copy replaces at runtime, maxmind/GeoIP2-java#213) only show up this way: the unit tests see
 * Maven's resolution, not Spark's.
 */
class SparkSubmitIT {
  private static final String RUN_ID = "it-spark-submit";

  @Test
  void shadedJar_relocatesCommonsIo_andCarriesNoJacksonOrSpark() throws IOException {
    List<String> relocated = new ArrayList<>();
    List<String> clashing = new ArrayList<>();
    try (JarFile jar = new JarFile(ItSupport.shadedJar().toFile())) {
      jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(n -> {
        if (n.startsWith("org/geotraffic/shaded/commons/io/")) {
          relocated.add(n);
        }
        if (n.startsWith("org/apache/commons/io/") || n.startsWith("com/fasterxml/") || n.startsWith("org/apache/spark/")
            || n.startsWith("scala/")) {
          clashing.add(n);
        }
      });
    }
    assertTrue(relocated.contains("org/geotraffic/shaded/commons/io/FileUtils.class"), "commons-io relocated into org/geotraffic/shaded");
    assertEquals(List.of(), clashing, "classes that Spark's classpath also provides must not be in the shaded jar unrelocated");
  }

  @Test
  void sparkSubmitLocal_runsSampleLogs_andPublishesTotalsThatAddUp(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    Path out = tmp.resolve("out");
    Path project = ItSupport.projectDir();
    List<String> cmd = new ArrayList<>();
    cmd.add(ItSupport.javaBin());
    cmd.add("-Xmx1g");
    cmd.addAll(ItSupport.jvmFlags());
    cmd.add("-Dlog4j2.configurationFile=" + project.resolve("conf/log4j2.properties"));
    cmd.addAll(List.of("-cp", ItSupport.sparkClasspath(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--files", db.toString(),
        "--class", "org.geotraffic.cli.GeoTraffic", ItSupport.shadedJar().toString(),
        "run", "--input", project.resolve("sample-logs").toString(), "--output", out.toString(), "--geoip-db", db.toString(),
        "--run-id", RUN_ID));

    ItSupport.Result r = ItSupport.run(cmd, tmp, Map.of(), tmp.resolve("logs"));

    assertEquals(0, r.exitCode(), () -> "spark-submit exit code; stderr:\n" + r.stderr());
    JsonNode summary = ItSupport.summary(out, RUN_ID);
    assertEquals("succeeded", summary.path("status").asText());
    assertTrue(summary.path("lines").path("balanced").asBoolean(), "every line accounted for");
    long accepted = summary.path("lines").path("accepted").asLong();
    assertTrue(accepted > 1000, "sample lines accepted: " + accepted);
    assertTrue(summary.path("geo").path("database").asLong() > 0, "executors found the shipped database: " + summary.path("geo"));

    Map<String, long[]> totals = ItSupport.perDate(out, "totals");
    JsonNode t = summary.path("tables").path("totals");
    assertEquals(List.of("2026-11-23", "2026-11-24"), List.copyOf(totals.keySet()), "published days");
    long rows = totals.values().stream().mapToLong(v -> v[0]).sum();
    long hits = totals.values().stream().mapToLong(v -> v[2]).sum();
    assertEquals(t.path("rows_published").asLong(), rows, "totals rows in Parquet = rows_published");
    // Published hits plus suppressed hits are every accepted line: nothing lost, nothing counted twice.
    assertEquals(accepted, hits + t.path("hits_suppressed").asLong(), "totals hits + suppressed hits = accepted lines");

    ItSupport.assertNoClientData(r.both(), "spark-submit console");
    assertEquals(List.of(), ItSupport.infoLines(r.stderr()), "conf/log4j2.properties keeps INFO off the console");
  }
}
