package org.geotraffic.pipeline;

/**
 * The job computed its result but refused to publish it (too many rejected lines, a failed privacy audit,
 * a damaged input file under input.fail-on-corrupt, a published day that would be emptied, a release that
 * cannot be published safely next to the earlier ones). Nothing was
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
    DAY_WOULD_SHRINK("day-would-shrink"),
    /**
     * Together with what this output published before, the release would reveal fewer than k visitors however
     * its cells were hidden (its totals would have to go): late input of too few visitors, say.
     */
    CROSS_RELEASE_WITHHELD("cross-release-withheld"),
    /**
     * An earlier release the new one overlaps does not recompute from this run's input: files it read are
     * missing or rewritten, or the configuration or geo database differ, so the two cannot be audited together.
     */
    CROSS_RELEASE_INCONSISTENT("cross-release-inconsistent"),
    /** Another run published to the output while this one ran: its audit did not see that release. */
    LEDGER_CHANGED("ledger-changed");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    /** The run summary's exit_reason. */
    public String key() {
      return key;
    }

    /** Whether the refusal is about publishing next to earlier releases (exit code 8). */
    public boolean crossRelease() {
      return this == CROSS_RELEASE_WITHHELD || this == CROSS_RELEASE_INCONSISTENT || this == LEDGER_CHANGED;
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
