package org.geotraffic.pipeline;

/**
 * The job computed its result but refused to write it (too many rejected lines, or the privacy audit
 * failed). Nothing was written; the run summary says why.
 */
public final class RunRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the run was refused. */
  public enum Reason {
    REJECT_RATIO_EXCEEDED,
    AUDIT_FAILED
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
