package org.geotraffic.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.geotraffic.publish.FileMoves;
import org.geotraffic.publish.Publication;

/**
 * The run summary's files: {@code <output>/_runs/<run-id>.json}, and {@code _runs/latest.json} for the
 * run whose tables are live. A succeeded run's summary is staged and published with its tables, all or
 * nothing, so latest.json always names the run that published what readers see; a refused run writes
 * only its own {@code <run-id>.json}.
 */
public final class RunSummaryWriter {
  public static final String RUNS_DIR = "_runs";
  public static final String LATEST = "latest.json";

  private RunSummaryWriter() {}

  /** Writes the summary into the staging folder; returns the moves that publish it with the tables. */
  public static List<Publication.Install> stage(FileMoves moves, Path output, String staging, RunSummary summary) throws IOException {
    byte[] json = summary.toJson().getBytes(StandardCharsets.UTF_8);
    Path runs = new Path(new Path(output, staging), RUNS_DIR);
    moves.mkdirs(runs);
    String own = summary.runId() + ".json";
    moves.writeAtomically(new Path(runs, own), json);
    moves.writeAtomically(new Path(runs, LATEST), json);
    return List.of(new Publication.Install(RUNS_DIR + "/" + own, staging + "/" + RUNS_DIR + "/" + own),
        new Publication.Install(RUNS_DIR + "/" + LATEST, staging + "/" + RUNS_DIR + "/" + LATEST));
  }

  /**
   * Rewrites the summary of a run whose files are published already, its own file and latest.json, each atomically:
   * called under the publish lock right after the publish, when latest.json names this run (an Iceberg run's summary
   * goes from incomplete to succeeded once main is fast-forwarded).
   */
  public static void rewritePublished(FileMoves moves, Path output, RunSummary summary) throws IOException {
    byte[] json = summary.toJson().getBytes(StandardCharsets.UTF_8);
    Path runs = new Path(output, RUNS_DIR);
    moves.writeAtomically(new Path(runs, summary.runId() + ".json"), json);
    moves.writeAtomically(new Path(runs, LATEST), json);
  }

  /**
   * Marks the summary of an earlier run that stopped at {@link RunStatus#INCOMPLETE} as succeeded, once a later run
   * ({@code byRunId}) completed its fast-forward: its own file, and latest.json if that still names it. Under the publish
   * lock. A summary that is missing or says anything else is left as it is.
   */
  public static boolean markCompleted(FileMoves moves, Path output, String runId, String byRunId) throws IOException {
    Path runs = new Path(output, RUNS_DIR);
    boolean marked = false;
    for (Path file : List.of(new Path(runs, runId + ".json"), new Path(runs, LATEST))) {
      if (!moves.exists(file)) {
        continue;
      }
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.JsonNode root = json.readTree(moves.read(file));
      if (!(root instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || !runId.equals(o.path("run_id").asText())
          || !RunStatus.INCOMPLETE.key().equals(o.path("status").asText())) {
        continue;
      }
      o.put("status", RunStatus.SUCCEEDED.key());
      o.remove("exit_reason");
      o.remove("status_detail");
      o.put("completed_by", byRunId);
      moves.writeAtomically(file, (json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
      marked = true;
    }
    return marked;
  }

  /**
   * The run that latest.json names when its status is {@link RunStatus#INCOMPLETE}, or null. Only that run can be left
   * incomplete with its fast-forward done (the summary's rewrite failed after it): every later run that publishes marks
   * it first ({@link #markCompleted}), under the publish lock, before latest.json names another run.
   */
  public static String latestIncompleteRunId(FileMoves moves, Path output) throws IOException {
    Path latest = new Path(new Path(output, RUNS_DIR), LATEST);
    if (!moves.exists(latest)) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(moves.read(latest));
    return RunStatus.INCOMPLETE.key().equals(root.path("status").asText()) ? root.path("run_id").asText(null) : null;
  }

  /** Writes the summary of a run that published nothing: its own file only, latest.json stays. */
  public static void writeUnpublished(FileMoves moves, Path output, RunSummary summary) throws IOException {
    Path runs = new Path(output, RUNS_DIR);
    moves.mkdirs(runs);
    moves.writeAtomically(new Path(runs, summary.runId() + ".json"), summary.toJson().getBytes(StandardCharsets.UTF_8));
  }
}
