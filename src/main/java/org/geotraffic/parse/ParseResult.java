package org.geotraffic.parse;

import java.util.Objects;

/**
 * The outcome of parsing one line: exactly one of an entry, a reject reason or a filter reason.
 */
public final class ParseResult {
  private static final ParseResult[] REJECTED = new ParseResult[RejectReason.values().length];
  private static final ParseResult[] FILTERED = new ParseResult[FilterReason.values().length];

  static {
    for (RejectReason r : RejectReason.values()) {
      REJECTED[r.ordinal()] = new ParseResult(null, r, null);
    }
    for (FilterReason f : FilterReason.values()) {
      FILTERED[f.ordinal()] = new ParseResult(null, null, f);
    }
  }

  private final LogEntry entry;
  private final RejectReason rejectReason;
  private final FilterReason filterReason;

  private ParseResult(LogEntry entry, RejectReason rejectReason, FilterReason filterReason) {
    this.entry = entry;
    this.rejectReason = rejectReason;
    this.filterReason = filterReason;
  }

  public static ParseResult accepted(LogEntry entry) {
    return new ParseResult(Objects.requireNonNull(entry, "entry"), null, null);
  }

  /** Shared instances: rejecting allocates nothing. */
  public static ParseResult rejected(RejectReason reason) {
    return REJECTED[reason.ordinal()];
  }

  /** Shared instances: filtering allocates nothing. */
  public static ParseResult filtered(FilterReason reason) {
    return FILTERED[reason.ordinal()];
  }

  public boolean isAccepted() {
    return entry != null;
  }

  /** The entry, or null when rejected or filtered. */
  public LogEntry entry() {
    return entry;
  }

  /** The reject reason, or null. */
  public RejectReason rejectReason() {
    return rejectReason;
  }

  /** The filter reason, or null. */
  public FilterReason filterReason() {
    return filterReason;
  }

  @Override
  public String toString() {
    return entry != null ? "accepted" : rejectReason != null ? "rejected:" + rejectReason.key() : "filtered:" + filterReason.key();
  }
}
