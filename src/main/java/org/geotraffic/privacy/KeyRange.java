package org.geotraffic.privacy;

import java.util.HashSet;
import java.util.Set;

/**
 * A set of key values that is finite ({@code values}) or co-finite (every value but {@code values}), so that
 * unions and differences of rows' conditions stay exact without knowing every key that exists.
 * Package-private helper of {@link ReleaseBlocks}; immutable.
 */
record KeyRange(boolean cofinite, Set<String> values) {
  static final KeyRange EMPTY = new KeyRange(false, Set.of());
  static final KeyRange ALL = new KeyRange(true, Set.of());

  KeyRange {
    values = Set.copyOf(values);
  }

  static KeyRange of(KeySet.Cond c) {
    return switch (c.kind()) {
      case ANY -> ALL;
      case ONE -> new KeyRange(false, Set.of(c.value()));
      case NOT -> new KeyRange(true, c.excluded());
    };
  }

  KeyRange union(KeyRange o) {
    if (!cofinite && !o.cofinite) {
      Set<String> s = new HashSet<>(values);
      s.addAll(o.values);
      return new KeyRange(false, s);
    }
    if (cofinite && o.cofinite) {
      Set<String> s = new HashSet<>(values);
      s.retainAll(o.values);
      return new KeyRange(true, s);
    }
    KeyRange co = cofinite ? this : o;
    KeyRange fin = cofinite ? o : this;
    Set<String> s = new HashSet<>(co.values);
    s.removeAll(fin.values);
    return new KeyRange(true, s);
  }

  KeyRange minus(KeyRange o) {
    if (!cofinite && !o.cofinite) {
      Set<String> s = new HashSet<>(values);
      s.removeAll(o.values);
      return new KeyRange(false, s);
    }
    if (cofinite && o.cofinite) {
      Set<String> s = new HashSet<>(o.values);
      s.removeAll(values);
      return new KeyRange(false, s);
    }
    if (cofinite) { // every value but A, minus a finite B: every value but A and B
      Set<String> s = new HashSet<>(values);
      s.addAll(o.values);
      return new KeyRange(true, s);
    }
    Set<String> s = new HashSet<>(values); // finite A minus every value but B: A and B
    s.retainAll(o.values);
    return new KeyRange(false, s);
  }

  /**
   * Whether every value of this range is in {@code o}. Without building {@code minus(o)}: the linked audit
   * asks this millions of times on a week next to its days (210k lines: most of a 56 s suppress stage was
   * spent allocating ranges here and in {@link #union}).
   */
  boolean within(KeyRange o) {
    if (!cofinite) {
      if (o.cofinite) {
        for (String v : values) {
          if (o.values.contains(v)) {
            return false;
          }
        }
        return true;
      }
      return o.values.containsAll(values);
    }
    return o.cofinite && values.containsAll(o.values);
  }

  /** The union of many ranges in one pass (a fold of {@link #union} copies every set at every step). */
  static KeyRange unionOf(Iterable<KeyRange> ranges) {
    Set<String> finite = new HashSet<>();
    Set<String> excluded = null; // the values every co-finite range leaves out, while there is one
    for (KeyRange r : ranges) {
      if (r.cofinite) {
        if (excluded == null) {
          excluded = new HashSet<>(r.values);
        } else {
          excluded.retainAll(r.values);
        }
      } else {
        finite.addAll(r.values);
      }
    }
    if (excluded == null) {
      return new KeyRange(false, finite);
    }
    excluded.removeAll(finite);
    return new KeyRange(true, excluded);
  }

  boolean disjoint(KeyRange o) {
    KeyRange i = minus(minus(o));
    return i.equals(EMPTY);
  }
}
