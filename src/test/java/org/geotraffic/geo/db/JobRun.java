package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.cli.GeoTraffic;
import org.geotraffic.testsupport.SparkTestSession;

/**
 * Runs the whole job in-process (cli {@link GeoTraffic#run}) on the shared test SparkSession with k=1 and reads the
 * published tables back: hits by country and by "country/region", and the run summary.
 */
record JobRun(Map<String, Long> countries, Map<String, Long> regions, JsonNode summary, String console) {

  static JobRun run(Path log, Path db, Path out, String... sets) throws Exception {
    SparkSession spark = SparkTestSession.get();
    List<String> args = new ArrayList<>(List.of("run", "--input", log.toString(), "--output", out.toString(),
        "--geoip-db", db.toString(), "--set", "suppression.min-visitors=1"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exit = GeoTraffic.run(args.toArray(String[]::new), console);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, text);
    Map<String, Long> countries = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve("countries").toString()).collectAsList()) {
      countries.merge(r.getAs("country"), r.<Long>getAs("hits"), Long::sum);
    }
    Map<String, Long> regions = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve("regions").toString()).collectAsList()) {
      regions.merge(r.getAs("country") + "/" + r.getAs("region"), r.<Long>getAs("hits"), Long::sum);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("_runs").resolve("latest.json").toFile());
    return new JobRun(countries, regions, summary, text);
  }

  /** The run summary's geo.&lt;source&gt; counts. */
  Map<String, Long> geoSources() {
    Map<String, Long> m = new TreeMap<>();
    summary.path("geo").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }
}
