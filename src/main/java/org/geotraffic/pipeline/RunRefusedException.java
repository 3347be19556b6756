package org.geotraffic.pipeline;

/**
 * The job computed its result but refused to publish it (too many rejected lines, a failed privacy audit,
 * a damaged input file under input.fail-on-corrupt, a published day that would be emptied). Nothing was
 * published; the run's own summary says why.
 */
public final class RunRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the run was refused. */
  public enum Reason {
    REJECT_RATIO_EXCEEDED("reject-ratio-exceeded"),
    AUDIT_FAILED("audit-failed"),
    /** input.fail-on-corrupt is set and a compressed input file is damaged. */
    CORRUPT_INPUT("corrupt-input"),
    /** A published day would be replaced by an empty or shrunken one. */
    DAY_WOULD_SHRINK("day-would-shrink");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    /** The run summary's exit_reason. */
    public String key() {
      return key;
    }
  }

  private final Reason reason;

  public RunRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
