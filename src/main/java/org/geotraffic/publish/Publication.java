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
 *       target, staged copy, the place the target is moved aside to, and whether each existed. Each move is
 *       one or two steps: the target moved aside into the run's staging folder, then the staged copy into its
 *       place.
 *   <li>Before step {@code n} starts, a marker {@code <id>.step-<n>} is created.
 *   <li>When all steps are done, a marker {@code <id>.committed} is created: the commit point.
 *   <li>The journal, the markers and the staging folder (with the old copies) are deleted.
 * </ol>
 * A step that fails undoes every step made so far, in reverse, each undo announced by a marker
 * {@code <id>.undo-<n>}. A run killed anywhere leaves a journal that {@link #recover} (run by every later run and
 * report, under the {@link PublishLock}) completes when the commit marker exists and undoes when it does not.
 * Which steps happened is read off the markers, not off the files: on an object store a step copies each file
 * and then deletes the originals, which a kill can leave half done, and {@link InterruptedMove} undoes such a
 * step from wherever it stopped. (Reading it off the files took a half-deleted staged copy for "not moved in",
 * and left a half-copied new day published.) Readers may see the old or the new state of each target while
 * the steps run (on an object store also a folder half moved), and after them and any recovery either every
 * target is old or every target is new.
 */
public final class Publication {
  static final String JOURNAL_SUFFIX = ".journal";
  static final String COMMITTED_SUFFIX = ".committed";
  private static final String STEP_INFIX = ".step-";
  private static final String UNDO_INFIX = ".undo-";
  /** The journal's {@code progress} when each step is marked; journals of earlier builds have none. */
  private static final String STEP_MARKERS = "step-markers";
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

  /** One step of a publish: a file or folder moved, paths relative to the output directory. */
  private record Step(String from, String to) {}

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
    List<Step> steps = steps(plan);
    int started = -1;
    try {
      for (Step step : steps) {
        Path to = new Path(output, step.to());
        if (moves.exists(to)) {
          // Before the step is marked: undoing a marked step moves whatever is at its destination back.
          throw new IOException("Cannot move " + new Path(output, step.from()) + " to " + to + ": the target exists");
        }
        started++;
        moves.createExclusively(marker(output, id, STEP_INFIX, started), new byte[0]);
        moves.mkdirs(to.getParent());
        moves.move(new Path(output, step.from()), to);
      }
    } catch (IOException e) {
      try {
        undo(moves, output, id, steps, started);
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

  /** The steps of the moves in the order they are made: each move's target aside, then its staged copy in. */
  private static List<Step> steps(List<Move> plan) {
    List<Step> steps = new ArrayList<>();
    for (Move m : plan) {
      if (m.hadTarget()) {
        steps.add(new Step(m.target(), m.aside()));
      }
      if (m.hasStaged()) {
        steps.add(new Step(m.staged(), m.target()));
      }
    }
    return steps;
  }

  /**
   * Undoes steps {@code last} down to 0, each from wherever it stopped (a step that never started has nothing to
   * undo). Each undo is announced by its marker first, so that a recovery killed here resumes at the same step.
   */
  private static void undo(FileMoves moves, Path output, String id, List<Step> steps, int last) throws IOException {
    for (int n = last; n >= 0; n--) {
      moves.createExclusively(marker(output, id, UNDO_INFIX, n), new byte[0]);
      InterruptedMove.finish(moves, new Path(output, steps.get(n).to()), new Path(output, steps.get(n).from()));
    }
  }

  /**
   * Undoes one move of a journal that an earlier build wrote without step markers, reading off the files what
   * happened (right where moves are atomic, all that build published to unless opted in); a no-op for a move
   * that never started.
   */
  private static void undoWithoutMarkers(FileMoves moves, Path output, Move m) throws IOException {
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
   * must never outlive the markers and staged copies it points to. Markers and a staging folder left behind
   * without a journal are only garbage ({@link #recover}, {@link StagingFolders}).
   */
  private static void cleanUp(FileMoves moves, Path output, String staging, String id) throws IOException {
    moves.delete(journalPath(output, id));
    Path dir = new Path(output, PublishLock.DIR);
    for (String name : moves.list(dir)) {
      if (id.equals(markerOwner(name))) {
        moves.delete(new Path(dir, name));
      }
    }
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
      String owner = markerOwner(name);
      if (owner != null && !moves.exists(journalPath(output, owner))) {
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
        continue;
      }
      if (STEP_MARKERS.equals(journal.path("progress").asText())) {
        List<String> names = moves.list(dir);
        // Steps above the lowest undo marker are undone already; with none, the last step started may be half done.
        int lowestUndo = marked(names, id, UNDO_INFIX).stream().min(Integer::compare).orElse(-1);
        int highestStep = marked(names, id, STEP_INFIX).stream().max(Integer::compare).orElse(-1);
        undo(moves, output, id, steps(plan), lowestUndo >= 0 ? lowestUndo : highestStep);
      } else {
        for (int i = plan.size() - 1; i >= 0; i--) {
          undoWithoutMarkers(moves, output, plan.get(i));
        }
      }
      cleanUp(moves, output, staging, id);
      done.add("rolled back the unfinished publish of run " + runId);
    }
    return done;
  }

  /** The step numbers of the publish's markers with {@code infix}. */
  private static List<Integer> marked(List<String> names, String id, String infix) {
    List<Integer> steps = new ArrayList<>();
    for (String name : names) {
      if (id.equals(markerOwner(name)) && name.startsWith(id + infix)) {
        steps.add(Integer.parseInt(name.substring(id.length() + infix.length())));
      }
    }
    return steps;
  }

  /** The publish id a marker belongs to, or null when the name is not a marker. */
  private static String markerOwner(String name) {
    if (name.endsWith(COMMITTED_SUFFIX)) {
      return name.substring(0, name.length() - COMMITTED_SUFFIX.length());
    }
    for (String infix : List.of(STEP_INFIX, UNDO_INFIX)) {
      int at = name.lastIndexOf(infix);
      String step = at > 0 ? name.substring(at + infix.length()) : "";
      if (!step.isEmpty() && step.length() <= 9 && step.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return name.substring(0, at);
      }
    }
    return null;
  }

  private byte[] journalJson() throws IOException {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", id);
    j.put("run_id", runId);
    j.put("staging", staging);
    j.put("progress", STEP_MARKERS);
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

  private static Path marker(Path output, String id, String infix, int step) {
    return new Path(new Path(output, PublishLock.DIR), id + infix + step);
  }

  static Path committedPath(Path output, String id) {
    return new Path(new Path(output, PublishLock.DIR), id + COMMITTED_SUFFIX);
  }
}
