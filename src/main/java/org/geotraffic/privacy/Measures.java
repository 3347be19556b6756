package org.geotraffic.privacy;

/**
 * The measures of one table cell. {@code hits}, {@code pageviews} and {@code bytes} are additive;
 * {@code visitors} (distinct keyed visitor hashes) is additive only where visitor sets are disjoint.
 */
public record Measures(long visitors, long hits, long pageviews, long bytes) {
  public static final Measures ZERO = new Measures(0, 0, 0, 0);

  /** Sums the additive measures and the given visitor count. */
  public Measures plusAdditive(Measures other, long newVisitors) {
    return new Measures(newVisitors, hits + other.hits, pageviews + other.pageviews, bytes + other.bytes);
  }
}
