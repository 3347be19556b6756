package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.testsupport.JobRuns;

/** The ops tests' runs of the whole job ({@link JobRuns}) with the demo database and a run id of their own. */
final class OpsRuns {
  private static Path database;

  private OpsRuns() {}

  /**
   * The demo database, written once per JVM. One path for every run: the database is shipped to the
   * shared session by name, so a second file of the same name would never reach the executors.
   */
  static synchronized Path database() {
    if (database == null) {
      try {
        Path dir = Files.createTempDirectory("geotraffic-ops-db");
        database = dir.resolve("ops-demo-geo.mmdb");
        DemoDatabase.write(database);
        dir.toFile().deleteOnExit();
        database.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }

  /** What one run left: its exit code, its console and its run summary. */
  record Outcome(int exitCode, String console, JsonNode summary) {}

  /** {@code geotraffic run --input <files> --output <out> --geoip-db <db> --run-id <id> <more>}. */
  static Outcome run(List<Path> input, Path output, String runId, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "--input"));
    input.forEach(p -> args.add(p.toString()));
    args.addAll(List.of("--output", output.toString(), "--geoip-db", database().toString(), "--run-id", runId));
    args.addAll(List.of(more));
    JobRuns.Run run = JobRuns.run(args);
    JsonNode summary = JobRuns.summary(output, runId);
    assertNotNull(summary, "run summary written; console:\n" + run.console());
    return new Outcome(run.exitCode(), run.console(), summary);
  }
}
