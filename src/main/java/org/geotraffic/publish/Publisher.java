package org.geotraffic.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The entry points of the publish step for the job and the report: recover an output directory before
 * reading it, and publish a run's staged files, each under the {@link PublishLock}.
 */
public final class Publisher {
  /** How long a run waits for another run's publish (which takes seconds) before it gives up. */
  static final long LOCK_WAIT_MILLIS = 15 * 60_000;

  private Publisher() {}

  /**
   * Completes or rolls back what killed runs left in the output directory (their publishes and
   * staging folders). Returns one line per thing done, for the console.
   */
  public static List<String> recover(FileMoves moves, Path output, String runId) throws IOException {
    if (!hasUnfinishedPublish(moves, output) && !StagingFolders.anyDead(moves, output)) {
      // Nothing to do, and no lock needed (a reader may not be allowed to write here); a dead run's lock goes.
      return PublishLock.clearIfStale(moves, output) ? List.of("released the publish lock of a run that died") : List.of();
    }
    try (PublishLock lock = PublishLock.acquire(moves, output, runId, LOCK_WAIT_MILLIS)) {
      return recoverLocked(moves, output);
    }
  }

  /** Whether a publish journal is in the output: a publish going on, or one that a killed run left. */
  public static boolean hasUnfinishedPublish(FileMoves moves, Path output) throws IOException {
    for (String name : moves.list(new Path(output, PublishLock.DIR))) {
      if (name.endsWith(Publication.JOURNAL_SUFFIX)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> recoverLocked(FileMoves moves, Path output) throws IOException {
    List<String> done = new ArrayList<>(Publication.recover(moves, output));
    for (String folder : StagingFolders.collectGarbage(moves, output)) {
      done.add("deleted " + folder + " of a run that died before publishing");
    }
    return done;
  }

  /**
   * Publishes the installs all or nothing ({@link Publication}); first recovers what killed runs left.
   * Returns the recovery lines.
   */
  public static List<String> publish(FileMoves moves, Path output, String runId, String staging, List<Publication.Install> installs)
      throws IOException {
    return publish(moves, output, runId, staging, installs, () -> null);
  }

  /**
   * Publishes as {@link #publish(FileMoves, Path, String, String, List)}, but first, under the lock and after recovery,
   * asks {@code beforePlan}: it may stage more files (what depends on the output as it is now) or say why the publish
   * must not happen, which throws {@link PreconditionFailed} with nothing changed.
   */
  public static List<String> publish(FileMoves moves, Path output, String runId, String staging, List<Publication.Install> installs,
      BeforePlan beforePlan) throws IOException {
    return publish(moves, output, runId, staging, installs, beforePlan, () -> { });
  }

  /**
   * Publishes as {@link #publish(FileMoves, Path, String, String, List, BeforePlan)}, then runs {@code afterCommit} still
   * under the lock: what must follow the publish before another run may look (the Iceberg fast-forward, and the summary
   * that says it happened). Its failure leaves the publish as it is.
   */
  public static List<String> publish(FileMoves moves, Path output, String runId, String staging, List<Publication.Install> installs,
      BeforePlan beforePlan, AfterCommit afterCommit) throws IOException {
    try (PublishLock lock = PublishLock.acquire(moves, output, runId, LOCK_WAIT_MILLIS)) {
      List<String> recovered = recoverLocked(moves, output);
      String problem = beforePlan.problem();
      if (problem != null) {
        throw new PreconditionFailed(problem);
      }
      Publication.plan(moves, output, runId, staging, installs).commit();
      afterCommit.published();
      return recovered;
    }
  }

  /** A last look at the output under the lock, before the publish is planned. */
  @FunctionalInterface
  public interface BeforePlan {
    /** Why the publish must not happen, or null. */
    String problem() throws IOException;
  }

  /** A step right after the publish's commit, under the same lock. */
  @FunctionalInterface
  public interface AfterCommit {
    void published() throws IOException;
  }

  /** The publish did not happen: the output changed in a way the run did not allow for. */
  public static final class PreconditionFailed extends IOException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String message) {
      super(message);
    }
  }
}
