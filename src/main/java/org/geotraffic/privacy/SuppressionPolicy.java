package org.geotraffic.privacy;

import java.util.EnumMap;
import java.util.Map;

/**
 * Thresholds of the suppressor. A cell is publishable only with at least {@code minVisitors(table)}
 * distinct visitors and at least {@code minHits} hits.
 *
 * @param minVisitors default k for every table (suppression.min-visitors)
 * @param minVisitorsByTable per-table overrides of k (suppression.min-visitors.&lt;table&gt;)
 * @param minHits optional hit threshold (suppression.min-hits), 0 to disable
 */
public record SuppressionPolicy(int minVisitors, Map<Table, Integer> minVisitorsByTable, long minHits) implements java.io.Serializable {
  public SuppressionPolicy {
    if (minVisitors < 1) {
      throw new IllegalArgumentException("minVisitors must be >= 1, got " + minVisitors);
    }
    minVisitorsByTable = minVisitorsByTable.isEmpty() ? Map.of() : new EnumMap<>(minVisitorsByTable);
  }

  public static SuppressionPolicy of(int minVisitors) {
    return new SuppressionPolicy(minVisitors, Map.of(), 0);
  }

  /** k for the given table. */
  public int minVisitors(Table table) {
    return minVisitorsByTable.getOrDefault(table, minVisitors);
  }
}
