package org.geotraffic.cli;

/** The documented exit codes of geotraffic (README, "Exit codes"). */
public enum ExitCode {
  OK(0),
  /** Bad command line or configuration: nothing ran. */
  USAGE_OR_CONFIG(2),
  /** An input path cannot be read, or the output directory cannot be created: nothing ran. */
  INPUT_OR_OUTPUT(3),
  /** The geo database is missing, unreadable, corrupt or of an unsupported schema: nothing ran. */
  GEO_DATABASE(4),
  /** Spark or the job failed while running. Earlier output of the same days is intact. */
  JOB_FAILED(5),
  /** More lines were rejected than input.max-reject-ratio allows: nothing was written but the run summary. */
  REJECT_RATIO_EXCEEDED(6),
  /** The privacy audit found a disclosure: nothing was written but the run summary. */
  AUDIT_FAILED(7);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
