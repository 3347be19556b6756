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
   * Whether every value of this range is in {@code o}: {@code minus(o).equals(EMPTY)}, case by case without building
   * the difference (two set copies per call were most of the linked audit's time, week next to its days, 7M
   * benchmark lines).
   */
  boolean within(KeyRange o) {
    if (!cofinite) {
      return o.cofinite ? noneIn(values, o.values) : o.values.containsAll(values);
    }
    return o.cofinite && values.containsAll(o.values); // a co-finite range is never within a finite one
  }

  /** Whether no value is in both: {@code minus(minus(o)).equals(EMPTY)}, case by case. */
  boolean disjoint(KeyRange o) {
    if (!cofinite) {
      return o.cofinite ? o.values.containsAll(values) : noneIn(values, o.values);
    }
    return !o.cofinite && values.containsAll(o.values); // two co-finite ranges always meet
  }

  /** Whether no value of {@code a} is in {@code b}, iterating the smaller (Collections.disjoint iterates b when a is a Set). */
  private static boolean noneIn(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String x : small) {
      if (large.contains(x)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The union of {@code ranges}: {@code EMPTY.union(r1).union(r2)...} in one pass, not one copy of the growing set
   * per range. Every value of a finite range, or, when any is co-finite, every value but those all the co-finite
   * ones leave out and no finite one has.
   */
  static KeyRange unionOf(Iterable<KeyRange> ranges) {
    Set<String> finite = new HashSet<>();
    Set<String> excluded = null;
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
}
