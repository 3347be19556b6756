package org.geotraffic.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * One run's publish, all or nothing: a set of staged files and folders moved into place (tables'
 * partitions, the run summary and latest.json, ...), each replacing what was there.
 *
 * <p>The protocol:
 * <ol>
 *   <li>Before the first move, a journal {@code <output>/_publish/<id>.journal} lists every planned move:
 *       target, staged copy, the place the target is moved aside to, and whether each existed.
 *   <li>Each move: the target is moved aside into the run's staging folder, then the staged copy into its
 *       place. Moves are atomic ({@link FileMoves#move}).
 *   <li>When all moves are done, a marker {@code <id>.committed} is created: the commit point.
 *   <li>The journal, the marker and the staging folder (with the old copies) are deleted.
 * </ol>
 * A move that fails rolls back every move made so far, in reverse. A run killed anywhere leaves a journal
 * that {@link #recover} (run by every later run and report, under the {@link PublishLock}) completes when
 * the marker exists and rolls back when it does not. Which moves happened is read off the files: a staged
 * copy that is gone was moved in, an aside copy that exists was moved aside. So readers may see the old
 * or the new state of each target while the moves run, and after them and any recovery either every
 * target is old or every target is new.
 */
public final class Publication {
  static final String JOURNAL_SUFFIX = ".journal";
  static final String COMMITTED_SUFFIX = ".committed";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One planned move, paths relative to the output directory.
   *
   * @param target the published path that is replaced (or removed when there is no staged copy)
   * @param staged the staged copy that takes its place
   * @param aside where the target is kept until the publish is committed
   * @param hadTarget the target existed when the publish was planned
   * @param hasStaged the staged copy existed when the publish was planned
   */
  public record Move(String target, String staged, String aside, boolean hadTarget, boolean hasStaged) {}

  /** A staged file or folder and the published path it replaces, relative to the output directory. */
  public record Install(String target, String staged) {}

  private final FileMoves moves;
  private final Path output;
  private final String id;
  private final String runId;
  private final String staging;
  private final List<Move> plan;

  private Publication(FileMoves moves, Path output, String id, String runId, String staging, List<Move> plan) {
    this.moves = moves;
    this.output = output;
    this.id = id;
    this.runId = runId;
    this.staging = staging;
    this.plan = List.copyOf(plan);
  }

  /**
   * Plans the moves of {@code installs}; a target without a staged copy is removed (a day whose table
   * has no row left).
   *
   * @param staging the run's staging folder, relative to the output directory; the old copies go there
   */
  public static Publication plan(FileMoves moves, Path output, String runId, String staging, List<Install> installs) throws IOException {
    List<Move> plan = new ArrayList<>();
    for (Install i : installs) {
      boolean hadTarget = moves.exists(new Path(output, i.target()));
      boolean hasStaged = moves.exists(new Path(output, i.staged()));
      if (hadTarget || hasStaged) {
        plan.add(new Move(i.target(), i.staged(), staging + "/_replaced/" + i.target(), hadTarget, hasStaged));
      }
    }
    return new Publication(moves, output, runId + "-" + UUID.randomUUID().toString().substring(0, 8), runId, staging, plan);
  }

  public List<Move> moves() {
    return plan;
  }

  /**
   * Makes every move, under the lock the caller holds, and commits. On failure everything moved so far
   * is moved back and the exception says what failed; if even that fails, the journal stays for
   * {@link #recover} and the message says so.
   */
  public void commit() throws IOException {
    Path journal = journalPath(output, id);
    moves.mkdirs(journal.getParent());
    moves.writeAtomically(journal, journalJson());
    int done = 0;
    try {
      for (Move m : plan) {
        forward(m);
        done++;
      }
    } catch (IOException e) {
      try {
        for (int i = done; i >= 0; i--) {
          if (i < plan.size()) {
            back(moves, output, plan.get(i));
          }
        }
        cleanUp(moves, output, staging, id);
      } catch (IOException rollback) {
        e.addSuppressed(rollback);
        throw new IOException("Cannot publish: " + e.getMessage() + "; the earlier output could not be restored yet either ("
            + rollback.getMessage() + "): the next run or report of " + output + " restores it before reading", e);
      }
      throw new IOException("Cannot publish: " + e.getMessage() + "; nothing was published, the earlier output is as it was", e);
    }
    if (!moves.createExclusively(committedPath(output, id), new byte[0])) {
      throw new IOException("Cannot commit the publish: " + committedPath(output, id) + " exists already");
    }
    cleanUp(moves, output, staging, id);
  }

  private void forward(Move m) throws IOException {
    Path target = new Path(output, m.target());
    if (m.hadTarget()) {
      Path aside = new Path(output, m.aside());
      moves.mkdirs(aside.getParent());
      moves.move(target, aside);
    }
    if (m.hasStaged()) {
      moves.mkdirs(target.getParent());
      moves.move(new Path(output, m.staged()), target);
    }
  }

  /** Undoes one move as far as it happened; a no-op for a move that never started. */
  private static void back(FileMoves moves, Path output, Move m) throws IOException {
    Path target = new Path(output, m.target());
    Path staged = new Path(output, m.staged());
    Path aside = new Path(output, m.aside());
    if (m.hasStaged() && !moves.exists(staged) && moves.exists(target)) {
      moves.move(target, staged);
    }
    if (m.hadTarget() && moves.exists(aside)) {
      if (moves.exists(target)) {
        throw new IOException("Cannot restore " + target + " from " + aside + ": both exist; keep the one you trust, delete the other,"
            + " then delete the journal in " + new Path(output, PublishLock.DIR));
      }
      moves.move(aside, target);
    }
  }

  /**
   * The journal goes first: once every move is committed or undone it is no longer needed, and a journal
   * must never outlive the staged copies it points to (a staged copy that is gone reads as "moved in").
   * A staging folder left behind without a journal is only garbage ({@link StagingFolders}).
   */
  private static void cleanUp(FileMoves moves, Path output, String staging, String id) throws IOException {
    moves.delete(journalPath(output, id));
    moves.delete(committedPath(output, id));
    moves.delete(new Path(output, staging));
  }

  /**
   * Completes or rolls back every publish that a killed run left in {@code output}; call it under the
   * {@link PublishLock}. Returns one line per publish recovered (run id and what was done).
   */
  public static List<String> recover(FileMoves moves, Path output) throws IOException {
    Path dir = new Path(output, PublishLock.DIR);
    List<String> done = new ArrayList<>();
    for (String name : moves.list(dir)) {
      if (name.endsWith(COMMITTED_SUFFIX) && !moves.exists(new Path(dir, name.substring(0, name.length() - COMMITTED_SUFFIX.length())
          + JOURNAL_SUFFIX))) {
        moves.delete(new Path(dir, name)); // its publish was cleaned up already
      }
    }
    for (String name : moves.list(dir)) {
      if (!name.endsWith(JOURNAL_SUFFIX)) {
        continue;
      }
      String id = name.substring(0, name.length() - JOURNAL_SUFFIX.length());
      JsonNode journal = JSON.readTree(moves.read(new Path(dir, name)));
      String staging = journal.path("staging").asText();
      String runId = journal.path("run_id").asText();
      List<Move> plan = new ArrayList<>();
      for (JsonNode m : journal.path("moves")) {
        plan.add(new Move(m.path("target").asText(), m.path("staged").asText(), m.path("aside").asText(),
            m.path("had_target").asBoolean(), m.path("has_staged").asBoolean()));
      }
      if (moves.exists(committedPath(output, id))) {
        cleanUp(moves, output, staging, id);
        done.add("completed the publish of run " + runId);
      } else {
        for (int i = plan.size() - 1; i >= 0; i--) {
          back(moves, output, plan.get(i));
        }
        cleanUp(moves, output, staging, id);
        done.add("rolled back the unfinished publish of run " + runId);
      }
    }
    return done;
  }

  private byte[] journalJson() throws IOException {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", id);
    j.put("run_id", runId);
    j.put("staging", staging);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Move m : plan) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("target", m.target());
      e.put("staged", m.staged());
      e.put("aside", m.aside());
      e.put("had_target", m.hadTarget());
      e.put("has_staged", m.hasStaged());
      list.add(e);
    }
    j.put("moves", list);
    return JSON.writeValueAsBytes(j);
  }

  static Path journalPath(Path output, String id) {
    return new Path(new Path(output, PublishLock.DIR), id + JOURNAL_SUFFIX);
  }

  static Path committedPath(Path output, String id) {
    return new Path(new Path(output, PublishLock.DIR), id + COMMITTED_SUFFIX);
  }
}
