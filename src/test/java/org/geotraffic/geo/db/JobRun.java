package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;

/**
 * Runs the whole job ({@link JobRuns}) with k=1 and reads the
 * published tables back: hits by country and by "country/region", and the run summary.
 */
record JobRun(Map<String, Long> countries, Map<String, Long> regions, JsonNode summary, String console) {

  static JobRun run(Path log, Path db, Path out, String... sets) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--input", log.toString(), "--output", out.toString(),
        "--geoip-db", db.toString(), "--set", "suppression.min-visitors=1"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    JobRuns.Run run = JobRuns.run(args);
    assertEquals(0, run.exitCode(), run.console());
    Map<String, Long> countries = new TreeMap<>();
    for (Row r : JobRuns.table(out, Table.COUNTRIES)) {
      countries.merge(r.getAs("country"), r.<Long>getAs("hits"), Long::sum);
    }
    Map<String, Long> regions = new TreeMap<>();
    for (Row r : JobRuns.table(out, Table.REGIONS)) {
      regions.merge(r.getAs("country") + "/" + r.getAs("region"), r.<Long>getAs("hits"), Long::sum);
    }
    return new JobRun(countries, regions, JobRuns.latestSummary(out), run.console());
  }

  /** The run summary's geo.&lt;source&gt; counts. */
  Map<String, Long> geoSources() {
    Map<String, Long> m = new TreeMap<>();
    summary.path("geo").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }
}
