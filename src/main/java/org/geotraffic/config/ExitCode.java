package org.geotraffic.config;

/**
 * The documented exit codes of geotraffic (README, "Exit codes"). Like the configuration keys they are the
 * operator's contract, and they sit here, below every command that returns one ({@code cli}, {@code report}), so that
 * no command package depends on another.
 */
public enum ExitCode {
  OK(0),
  /** Bad command line or configuration: nothing ran. */
  USAGE_OR_CONFIG(2),
  /**
   * An input path cannot be read (or names no file, or a FIFO or device), the output directory cannot be
   * created, or a compressed input is damaged under input.fail-on-corrupt: nothing was published.
   */
  INPUT_OR_OUTPUT(3),
  /** The geo database is missing, unreadable, corrupt or of an unsupported schema: nothing ran. */
  GEO_DATABASE(4),
  /**
   * Spark or the job failed while running (also: disk full, a publish move refused). Earlier output is
   * intact: the publish is all or nothing.
   */
  JOB_FAILED(5),
  /** More lines were rejected than input.max-reject-ratio allows: nothing was written but the run summary. */
  REJECT_RATIO_EXCEEDED(6),
  /** The privacy audit found a disclosure: nothing was written but the run summary. */
  AUDIT_FAILED(7),
  /**
   * The release cannot be published next to what the output published before (its release ledger): it would
   * reveal fewer than k visitors across releases, an earlier release does not recompute from this input, or another
   * run published meanwhile. Nothing was written but the run's own summary; the previous
   * output is intact.
   */
  CROSS_RELEASE_REFUSED(8),
  /**
   * A published day would be replaced by one with no accepted line (or fewer than
   * publish.min-share-of-previous of its lines): nothing was written but the run's own summary.
   */
  DAY_WOULD_SHRINK(9);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
