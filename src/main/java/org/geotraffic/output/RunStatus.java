package org.geotraffic.output;

/**
 * A run's outcome as its summary states it ({@code "status"}): what monitoring alerts on and what later runs and the
 * report trust as "this run published its dates".
 */
public enum RunStatus {
  /** The tables and the summary are published; readers see the run's release. */
  SUCCEEDED("succeeded"),
  /**
   * The release ledger and the summary are published, but main of the Iceberg tables is not (yet) fast-forwarded to the
   * audited snapshots: readers of main still see the previous snapshot until the next run into the output completes the
   * fast-forward (a failed fast-forward, or a run killed right after its ledger).
   */
  INCOMPLETE("incomplete"),
  /** Nothing was published; the summary's exit_reason says why. */
  REFUSED("refused");

  private final String key;

  RunStatus(String key) {
    this.key = key;
  }

  /** The summary's {@code status} value. */
  public String key() {
    return key;
  }

  /** Whether a summary's {@code status} text says the run succeeded (its tables are what readers see). */
  public static boolean succeeded(String status) {
    return SUCCEEDED.key.equals(status);
  }
}
