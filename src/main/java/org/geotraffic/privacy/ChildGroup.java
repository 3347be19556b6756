package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * All children of one published-parent candidate (the countries of a day, the regions of a country,
 * the countries of a page ...), in the stable fold order.
 *
 * <p>The constructor checks the order and the prefix unions and fails fast: the suppressor's
 * guarantees rest on them (a wrong prefix union would publish a wrong "(other)" visitor count).
 *
 * @param children sorted by visitors ascending, then key ascending (the order cells move into
 *     "(other)"); keys unique; their additive measures sum exactly to the parent's
 * @param prefixUnionVisitors length {@code children.size() + 1}; element j is the number of distinct
 *     visitors in the union of the first j children (element 0 is 0). Where visitor sets are disjoint
 *     this is a running sum of children's visitors; for pages it is computed from visitor-level data.
 * @param disjointVisitors true when each visitor belongs to at most one child (geography), so that
 *     visitors add up like the other measures
 */
public record ChildGroup(List<Cell> children, long[] prefixUnionVisitors, boolean disjointVisitors) implements java.io.Serializable {
  /** The fold order: visitors ascending, then key ascending. */
  public static final Comparator<Cell> FOLD_ORDER =
      Comparator.comparingLong((Cell c) -> c.measures().visitors()).thenComparing(Cell::key);

  public ChildGroup {
    children = List.copyOf(children);
    prefixUnionVisitors = prefixUnionVisitors.clone();
    if (prefixUnionVisitors.length != children.size() + 1) {
      throw new IllegalArgumentException(
          "prefixUnionVisitors must have children.size() + 1 = " + (children.size() + 1) + " elements, got " + prefixUnionVisitors.length);
    }
    validate(children, prefixUnionVisitors, disjointVisitors);
  }

  private static void validate(List<Cell> children, long[] prefix, boolean disjoint) {
    if (prefix[0] != 0) {
      throw new IllegalArgumentException("Cannot build ChildGroup: prefixUnionVisitors[0] must be 0, got " + prefix[0]);
    }
    Set<String> keys = new HashSet<>();
    long sum = 0;
    long max = 0;
    for (int i = 0; i < children.size(); i++) {
      Cell c = children.get(i);
      if (!keys.add(c.key())) {
        throw new IllegalArgumentException("Cannot build ChildGroup: duplicate key " + c.key());
      }
      if (i > 0 && FOLD_ORDER.compare(children.get(i - 1), c) > 0) {
        throw new IllegalArgumentException(
            "Cannot build ChildGroup: children must be sorted by visitors, then key; "
                + children.get(i - 1).key() + " comes before " + c.key());
      }
      long v = c.measures().visitors();
      sum += v;
      max = Math.max(max, v);
      long u = prefix[i + 1];
      // A union is at least its largest member, at most the sum, and never shrinks.
      if (u < max || u > sum || u < prefix[i] || (disjoint && u != sum)) {
        throw new IllegalArgumentException(
            "Cannot build ChildGroup: prefixUnionVisitors[" + (i + 1) + "] = " + u
                + " is not a possible union (max " + max + ", sum " + sum + ", previous " + prefix[i]
                + (disjoint ? ", disjoint groups need the sum" : "") + ")");
      }
    }
  }

  /** A group whose visitor sets are disjoint: the prefix unions are running sums. Sorts the children. */
  public static ChildGroup disjoint(List<Cell> children) {
    List<Cell> sorted = new ArrayList<>(children);
    sorted.sort(FOLD_ORDER);
    long[] prefix = new long[sorted.size() + 1];
    for (int i = 0; i < sorted.size(); i++) {
      prefix[i + 1] = prefix[i] + sorted.get(i).measures().visitors();
    }
    return new ChildGroup(sorted, prefix, true);
  }

  @Override
  public long[] prefixUnionVisitors() {
    return prefixUnionVisitors.clone();
  }

  /** The distinct visitors of the first j children. */
  public long prefixUnion(int j) {
    return prefixUnionVisitors[j];
  }

  // Records compare arrays by identity; compare the prefix unions by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof ChildGroup g
        && children.equals(g.children)
        && java.util.Arrays.equals(prefixUnionVisitors, g.prefixUnionVisitors)
        && disjointVisitors == g.disjointVisitors;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * children.hashCode() + java.util.Arrays.hashCode(prefixUnionVisitors)) + Boolean.hashCode(disjointVisitors);
  }
}
