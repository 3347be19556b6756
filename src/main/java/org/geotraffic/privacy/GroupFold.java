package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which children of one group fold into its "(other)" row. Package-private helper of
 * {@link Suppressor}; immutable.
 *
 * <p>The fold set always contains every child below the thresholds and every forced child; when
 * the fold set is not empty, the next-smallest children (group order) join it until "(other)"
 * reaches k distinct visitors and the hit threshold, or the whole group folds (the parent then
 * stands alone and no row of the group is published). In groups whose visitor sets overlap the
 * fold set is always a prefix of the group order, because only prefix unions are known exactly.
 */
final class GroupFold {
  private final ChildGroup group;
  private final boolean[] folded;
  private final int foldedCount;

  private GroupFold(ChildGroup group, boolean[] folded) {
    this.group = group;
    this.folded = folded;
    int n = 0;
    for (boolean f : folded) {
      if (f) {
        n++;
      }
    }
    this.foldedCount = n;
  }

  /** Folds the whole group: the parent is not published as its own row. */
  static GroupFold all(ChildGroup group) {
    boolean[] f = new boolean[group.children().size()];
    Arrays.fill(f, true);
    return new GroupFold(group, f);
  }

  /**
   * Decides the fold set of a group under a published parent.
   *
   * @param forced children that must not be published on their own (may be null)
   */
  static GroupFold decide(ChildGroup group, boolean[] forced, long k, long minHits) {
    return decide(group, forced, k, minHits, -1);
  }

  /**
   * As {@link #decide(ChildGroup, boolean[], long, long)}; in a group whose visitors overlap (pages) whose
   * parent has {@code parentVisitors}, "(other)" must also leave 0 or at least k of the parent's visitors
   * outside it: parent minus "(other)" is the number of visitors who viewed no folded child, a group count
   * anyone can work out from the two published rows.
   */
  static GroupFold decide(ChildGroup group, boolean[] forced, long k, long minHits, long parentVisitors) {
    List<Cell> children = group.children();
    int n = children.size();
    boolean[] f = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Measures m = children.get(i).measures();
      // Zero-visitor (bot-only) cells fail "visitors >= k" because k >= 1.
      f[i] = (forced != null && forced[i]) || m.visitors() < k || m.hits() < minHits;
      any |= f[i];
    }
    if (!any) {
      return new GroupFold(group, f);
    }
    if (!group.disjointVisitors()) {
      closeToPrefix(f);
    }
    for (int i = 0; i < n; i++) {
      GroupFold candidate = new GroupFold(group, f.clone());
      if (candidate.otherReachesThresholds(k, minHits) && candidate.leavesNoSmallRest(k, parentVisitors)) {
        return candidate;
      }
      // Next-smallest child not yet folded moves into "(other)".
      int next = -1;
      for (int j = 0; j < n; j++) {
        if (!f[j]) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        break;
      }
      f[next] = true;
    }
    return new GroupFold(group, f);
  }

  private static void closeToPrefix(boolean[] f) {
    int last = -1;
    for (int i = 0; i < f.length; i++) {
      if (f[i]) {
        last = i;
      }
    }
    for (int i = 0; i <= last; i++) {
      f[i] = true;
    }
  }

  private boolean otherReachesThresholds(long k, long minHits) {
    if (foldedCount == folded.length) {
      return true; // whole group folds; nothing of it is published
    }
    Measures other = otherMeasures();
    return other.visitors() >= k && other.hits() >= minHits;
  }

  /** Parent minus "(other)" is 0 or at least k visitors (only checked where visitors overlap and the parent is given). */
  private boolean leavesNoSmallRest(long k, long parentVisitors) {
    if (group.disjointVisitors() || parentVisitors < 0 || !hasOtherRow()) {
      return true;
    }
    long rest = parentVisitors - otherMeasures().visitors();
    return rest <= 0 || rest >= k;
  }

  boolean isFolded(int i) {
    return folded[i];
  }

  boolean wholeGroupFolded() {
    return foldedCount == folded.length;
  }

  int foldedCount() {
    return foldedCount;
  }

  ChildGroup group() {
    return group;
  }

  /** Children published as their own rows, in group order. */
  List<Cell> publishedChildren() {
    List<Cell> out = new ArrayList<>();
    if (wholeGroupFolded()) {
      return out;
    }
    for (int i = 0; i < folded.length; i++) {
      if (!folded[i]) {
        out.add(group.children().get(i));
      }
    }
    return out;
  }

  /** True when an "(other)" row is published: some but not all children fold. */
  boolean hasOtherRow() {
    return foldedCount > 0 && !wholeGroupFolded();
  }

  /**
   * The measures of the folded children: additive sums and the exact distinct union of visitors
   * (a running sum where visitor sets are disjoint, the prefix union otherwise).
   */
  Measures otherMeasures() {
    Measures sum = Measures.ZERO;
    long visitorSum = 0;
    int prefixEnd = 0;
    for (int i = 0; i < folded.length; i++) {
      if (folded[i]) {
        Measures m = group.children().get(i).measures();
        visitorSum += m.visitors();
        sum = sum.plusAdditive(m, 0);
        prefixEnd = i + 1;
      }
    }
    long visitors = group.disjointVisitors() ? visitorSum : group.prefixUnion(prefixEnd);
    return new Measures(visitors, sum.hits(), sum.pageviews(), sum.bytes());
  }

  /** What the folded children cost: additive sums, visitors summed cell by cell. */
  Measures lost() {
    Measures sum = Measures.ZERO;
    for (int i = 0; i < folded.length; i++) {
      if (folded[i]) {
        sum = sum.plus(group.children().get(i).measures());
      }
    }
    return sum;
  }
}
