package org.geotraffic.enrich;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;

/**
 * What became of one line: accepted, rejected for a {@link RejectReason} or filtered for a {@link FilterReason}.
 * The run summary counts them as {@code lines.accepted}, {@code lines.rejected.<key>} and {@code lines.filtered.<key>}.
 *
 * <p>There is one instance per outcome ({@link #all()}), so {@code ==} compares outcomes and a line's outcome costs
 * no allocation; deserialising yields the same instances. Immutable, thread-safe.
 */
public final class LineOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which of the three the outcome is. */
  public enum Kind {
    ACCEPTED,
    REJECTED,
    FILTERED
  }

  private static final List<LineOutcome> ALL = new ArrayList<>();
  public static final LineOutcome ACCEPTED = new LineOutcome(Kind.ACCEPTED, null, null);
  private static final LineOutcome[] REJECTED = new LineOutcome[RejectReason.values().length];
  private static final LineOutcome[] FILTERED = new LineOutcome[FilterReason.values().length];

  static {
    for (RejectReason r : RejectReason.values()) {
      REJECTED[r.ordinal()] = new LineOutcome(Kind.REJECTED, r, null);
    }
    for (FilterReason f : FilterReason.values()) {
      FILTERED[f.ordinal()] = new LineOutcome(Kind.FILTERED, null, f);
    }
  }

  private final Kind kind;
  private final RejectReason rejectReason;
  private final FilterReason filterReason;
  /** The position in {@link #all()}: the outcome's compact form. */
  private final int index;

  private LineOutcome(Kind kind, RejectReason rejectReason, FilterReason filterReason) {
    this.kind = kind;
    this.rejectReason = rejectReason;
    this.filterReason = filterReason;
    this.index = ALL.size();
    ALL.add(this);
  }

  public static LineOutcome rejected(RejectReason reason) {
    return REJECTED[reason.ordinal()];
  }

  public static LineOutcome filtered(FilterReason reason) {
    return FILTERED[reason.ordinal()];
  }

  /** Every outcome, accepted first. */
  public static List<LineOutcome> all() {
    return List.copyOf(ALL);
  }

  /** The outcome whose {@link #index()} this is. */
  public static LineOutcome ofIndex(int index) {
    if (index < 0 || index >= ALL.size()) {
      throw new IllegalArgumentException("Cannot find line outcome number " + index + ": there are " + ALL.size());
    }
    return ALL.get(index);
  }

  public Kind kind() {
    return kind;
  }

  public boolean accepted() {
    return kind == Kind.ACCEPTED;
  }

  /** The reason of a rejected line, null otherwise. */
  public RejectReason rejectReason() {
    return rejectReason;
  }

  /** The reason of a filtered line, null otherwise. */
  public FilterReason filterReason() {
    return filterReason;
  }

  /** A small number that stands for this outcome within one build of geotraffic (for compact encodings). */
  public int index() {
    return index;
  }

  private Object readResolve() {
    return ofIndex(index);
  }

  /** "accepted", "rejected:&lt;key&gt;" or "filtered:&lt;key&gt;", for people reading logs and test output. */
  @Override
  public String toString() {
    return switch (kind) {
      case ACCEPTED -> "accepted";
      case REJECTED -> "rejected:" + rejectReason.key();
      case FILTERED -> "filtered:" + filterReason.key();
    };
  }
}
