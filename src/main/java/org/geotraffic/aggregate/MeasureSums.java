package org.geotraffic.aggregate;

import org.geotraffic.privacy.Measures;

/**
 * The running sums of one partial cell on the reduce side: the mutable counterpart of {@link Measures}, one
 * per map entry, updated in place (millions of updates per partition, so no new record per update).
 */
final class MeasureSums {
  long visitors;
  long hits;
  long pageviews;
  long bytes;

  /** Adds hits, page views and bytes (a visitor is counted by the caller, once per cell). */
  void addAdditive(long moreHits, long morePageviews, long moreBytes) {
    hits += moreHits;
    pageviews += morePageviews;
    bytes += moreBytes;
  }

  /** Adds all four measures (partial cells of disjoint visitor sets). */
  void add(long moreVisitors, long moreHits, long morePageviews, long moreBytes) {
    visitors += moreVisitors;
    addAdditive(moreHits, morePageviews, moreBytes);
  }

  Measures toMeasures() {
    return new Measures(visitors, hits, pageviews, bytes);
  }
}
