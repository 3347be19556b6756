package org.geotraffic.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.geotraffic.publish.FileMoves;

/**
 * The Iceberg snapshots of one publishing run (output.format=iceberg), kept in the release ledger next to the run's
 * releases: {@code _ledger/snapshots/<run-id>.json}. A snapshot of a table is what an outsider can time-travel to, so each
 * one is a release: the run's ledger entry holds its rows ({@code _ledger/rows/}), this file names the snapshot that shows
 * them, per table. It is published with the ledger entry, before main is fast-forwarded to the snapshots, so the ledger
 * never lacks a snapshot a reader of main can reach.
 *
 * @param runId the publishing run
 * @param branch the audit branch the run wrote (gone once main holds its snapshots)
 * @param snapshots table name in the namespace (e.g. {@code countries}, {@code weekly_countries}) -> the snapshots the run
 *     added to it, newest first: the first is the one main shows (a new table's branch starts with an empty one)
 */
public record TableSnapshots(String runId, String branch, Map<String, List<Long>> snapshots) {
  /** The folder of these files, relative to the output directory. */
  public static final String DIR = ReleaseLedger.DIR + "/snapshots";

  public TableSnapshots {
    Map<String, List<Long>> copy = new TreeMap<>();
    snapshots.forEach((table, ids) -> copy.put(table, List.copyOf(ids)));
    snapshots = java.util.Collections.unmodifiableMap(copy);
  }

  /** A run's file, relative to the output directory. */
  public static String file(String runId) {
    return DIR + "/" + runId + ".json";
  }

  public byte[] toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("run_id", runId);
    root.put("branch", branch);
    ObjectNode tables = root.putObject("snapshots");
    snapshots.forEach((table, ids) -> ids.forEach(tables.putArray(table)::add));
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the snapshots of run " + runId + ": " + e.getMessage(), e);
    }
  }

  static TableSnapshots parse(byte[] content) throws IOException {
    JsonNode root = new ObjectMapper().readTree(content);
    Map<String, List<Long>> snapshots = new TreeMap<>();
    root.path("snapshots").fields().forEachRemaining(e -> {
      List<Long> ids = new ArrayList<>();
      e.getValue().forEach(id -> ids.add(id.asLong()));
      snapshots.put(e.getKey(), ids);
    });
    return new TableSnapshots(root.path("run_id").asText(), root.path("branch").asText(), snapshots);
  }

  /** Every run's snapshots in the ledger of {@code output}; the exception names the file that cannot be read. */
  public static List<TableSnapshots> readAll(FileMoves moves, Path output) throws IOException {
    Path dir = new Path(output, DIR);
    List<TableSnapshots> all = new ArrayList<>();
    for (String name : moves.list(dir)) {
      if (!name.endsWith(".json") || name.startsWith(".")) {
        continue;
      }
      Path file = new Path(dir, name);
      try {
        all.add(parse(moves.read(file)));
      } catch (IOException | RuntimeException e) {
        throw new IOException("Cannot read the release ledger: " + e.getMessage() + ", " + file, e);
      }
    }
    return all;
  }
}
