package org.geotraffic.privacy;

import java.util.List;

/**
 * All children of one published-parent candidate (the countries of a day, the regions of a country,
 * the countries of a page ...), in the stable fold order.
 *
 * @param children sorted by visitors ascending, then key ascending (the order cells move into
 *     "(other)"); their additive measures sum exactly to the parent's
 * @param prefixUnionVisitors length {@code children.size() + 1}; element j is the number of distinct
 *     visitors in the union of the first j children (element 0 is 0). Where visitor sets are disjoint
 *     this is a running sum of children's visitors; for pages it is computed from visitor-level data.
 * @param disjointVisitors true when each visitor belongs to at most one child (geography), so that
 *     visitors add up like the other measures
 */
public record ChildGroup(List<Cell> children, long[] prefixUnionVisitors, boolean disjointVisitors) {
  public ChildGroup {
    children = List.copyOf(children);
    prefixUnionVisitors = prefixUnionVisitors.clone();
    if (prefixUnionVisitors.length != children.size() + 1) {
      throw new IllegalArgumentException(
          "prefixUnionVisitors must have children.size() + 1 = " + (children.size() + 1) + " elements, got " + prefixUnionVisitors.length);
    }
  }

  /** A group whose visitor sets are disjoint: the prefix unions are running sums. */
  public static ChildGroup disjoint(List<Cell> sortedChildren) {
    long[] prefix = new long[sortedChildren.size() + 1];
    for (int i = 0; i < sortedChildren.size(); i++) {
      prefix[i + 1] = prefix[i] + sortedChildren.get(i).measures().visitors();
    }
    return new ChildGroup(sortedChildren, prefix, true);
  }

  @Override
  public long[] prefixUnionVisitors() {
    return prefixUnionVisitors.clone();
  }
}
