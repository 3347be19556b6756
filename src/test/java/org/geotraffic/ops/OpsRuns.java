package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.testsupport.JobRuns;

/** The ops tests' runs of the whole job ({@link JobRuns}) with the demo database and a run id of their own. */
final class OpsRuns {

  private OpsRuns() {}

  /** The demo database ({@link JobRuns#demoDatabase}). */
  static Path database() {
    return JobRuns.demoDatabase();
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
