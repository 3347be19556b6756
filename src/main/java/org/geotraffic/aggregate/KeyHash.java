package org.geotraffic.aggregate;

/**
 * Hash codes for the aggregates' composite keys of strings. A record's own hashCode combines its
 * components as 31 * a + b, and the strings here are alike: two-letter countries differ in hash by
 * less than 800, neighbouring pages ("/widget-41", "/widget-42") by 1. So (page, country) pairs
 * collided in full, HashMap bins turned into trees of equal hashes, and lookups walked them (10M
 * benchmark lines, JFR: HashMap$TreeNode.getTreeNode was the top frame, 7.3% of task samples).
 * Multiplying by an odd constant with well-spread bits before each addition keeps small differences
 * of one component from cancelling those of the next.
 */
public final class KeyHash {
  /** 2^32 / golden ratio, odd. */
  private static final int MIX = 0x9E3779B9;

  private KeyHash() {}

  public static int of(Object a, Object b) {
    return (a == null ? 0 : a.hashCode()) * MIX + (b == null ? 0 : b.hashCode());
  }

  public static int of(Object a, Object b, Object c) {
    return of(a, b) * MIX + (c == null ? 0 : c.hashCode());
  }
}
