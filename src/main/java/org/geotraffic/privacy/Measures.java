package org.geotraffic.privacy;

/**
 * The measures of one table cell. {@code hits}, {@code pageviews} and {@code bytes} are additive;
 * {@code visitors} (distinct keyed visitor hashes) is additive only where visitor sets are disjoint.
 */
public record Measures(long visitors, long hits, long pageviews, long bytes) implements java.io.Serializable {
  public static final Measures ZERO = new Measures(0, 0, 0, 0);

  /** Sums the additive measures and the given visitor count. */
  public Measures plusAdditive(Measures other, long newVisitors) {
    return new Measures(newVisitors, hits + other.hits, pageviews + other.pageviews, bytes + other.bytes);
  }

  /** Sums all four measures; visitors only make sense summed where visitor sets are disjoint. */
  public Measures plus(Measures other) {
    return new Measures(visitors + other.visitors, hits + other.hits, pageviews + other.pageviews, bytes + other.bytes);
  }

  /** Subtracts all four measures. */
  public Measures minus(Measures other) {
    return new Measures(visitors - other.visitors, hits - other.hits, pageviews - other.pageviews, bytes - other.bytes);
  }

  /** True when hits, page views and bytes are all zero (visitors ignored). */
  public boolean additiveZero() {
    return hits == 0 && pageviews == 0 && bytes == 0;
  }

  /** True when hits, page views and bytes equal the other's (visitors ignored). */
  public boolean additiveEquals(Measures other) {
    return hits == other.hits && pageviews == other.pageviews && bytes == other.bytes;
  }
}
