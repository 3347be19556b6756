package org.geotraffic.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where every line went: read = accepted + rejected (by reason) + filtered (by reason).
 *
 * @param bots accepted lines from crawlers (counted as hits, never as visitors or page views)
 * @param geoSources accepted lines by how their location was found
 */
public record LineCounts(
    long read, long accepted, Map<String, Long> rejected, Map<String, Long> filtered, long bots, Map<String, Long> geoSources) {
  public LineCounts {
    rejected = new TreeMap<>(rejected);
    filtered = new TreeMap<>(filtered);
    geoSources = new TreeMap<>(geoSources);
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long filteredTotal() {
    return filtered.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The accounting identity every run must satisfy. */
  public boolean balanced() {
    return read == accepted + rejectedTotal() + filteredTotal();
  }
}
