package org.geotraffic.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.geotraffic.pipeline.PublishedTableWriter;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.TestDatabases;

/**
 * The formats tests' runs of the whole job ({@link JobRuns}) with their fixtures: standard arguments, a database
 * that covers the fixtures' clients, and the results read as the tests compare them.
 */
final class JobHarness {
  private JobHarness() {}

  /** What one run left behind. */
  record Result(int exitCode, String console, Path output, JsonNode summary) {
    /** lines.read, lines.accepted, ... as a long. */
    long lines(String field) {
      return summary.path("lines").path(field).asLong(-1);
    }

    /** lines.rejected (reason -> count), only the reasons that occurred. */
    Map<String, Long> rejected() {
      return counts(summary.path("lines").path("rejected"));
    }

    /** lines.filtered (reason -> count), only the reasons that occurred. */
    Map<String, Long> filtered() {
      return counts(summary.path("lines").path("filtered"));
    }

    boolean balanced() {
      return summary.path("lines").path("balanced").asBoolean(false);
    }

    private static Map<String, Long> counts(JsonNode node) {
      Map<String, Long> m = new TreeMap<>();
      node.fields().forEachRemaining(e -> {
        if (e.getValue().asLong() != 0) {
          m.put(e.getKey(), e.getValue().asLong());
        }
      });
      return m;
    }

    /**
     * A published table as sorted "col=value" strings, columns in the table's schema order (date read
     * back as a string: partition discovery would type it as a date). Empty when the table has no rows.
     */
    List<String> table(Table table) {
      String[] columns = PublishedTableWriter.schema(table).fieldNames();
      List<String> rows = new ArrayList<>();
      for (Row r : JobRuns.table(output, table)) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
          s.append(i == 0 ? "" : " ").append(columns[i]).append('=').append(r.get(i));
        }
        rows.add(s.toString());
      }
      rows.sort(null);
      return rows;
    }
  }

  /** Runs {@code geotraffic run} with these arguments after the standard ones; never throws on a non-zero exit. */
  static Result run(List<String> inputs, Path db, Path output, String... sets) throws IOException {
    List<String> args = new ArrayList<>(List.of("run"));
    for (String input : inputs) {
      args.add("--input");
      args.add(input);
    }
    args.addAll(List.of("--output", output.toString(), "--geoip-db", db.toString(), "--run-id", "formats-test"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    JobRuns.Run run = JobRuns.run(args);
    return new Result(run.exitCode(), run.console(), output, JobRuns.summary(output, "formats-test"));
  }

  /**
   * A City database covering every client address of the same-traffic fixtures and of the lines this
   * package generates, each range in its own country and region so a wrong lookup shows in the tables.
   */
  static Path database(Path dir) throws IOException {
    Files.createDirectories(dir);
    return TestDatabases.city("GeoIP2-City")
        .network("192.0.2.0/24", "GB", "ENG", "London")
        .network("198.51.100.0/24", "DE", "BY", "Munich")
        .network("203.0.113.0/24", "US", "WA", "Seattle")
        .network("2001:db8::/48", "FR", "IDF", "Paris")
        .network("2001:db8:85a3::/48", "JP", "13", "Tokyo")
        .write(dir);
  }

  /** Every client address that occurs in the fixtures, as written there. */
  static final List<String> FIXTURE_CLIENTS =
      Arrays.asList("192.0.2.10", "2001:db8::1", "198.51.100.23", "203.0.113.99", "192.0.2.200", "2001:db8:85a3::8a2e:370:7334");
}
