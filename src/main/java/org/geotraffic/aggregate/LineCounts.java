package org.geotraffic.aggregate;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;

/**
 * Where every line went: read = accepted + rejected (by reason) + filtered (by reason).
 *
 * @param bots accepted lines from crawlers (counted as hits, never as visitors or page views)
 * @param geoSources accepted lines by how their location was found
 */
public record LineCounts(
    long read, long accepted, Map<RejectReason, Long> rejected, Map<FilterReason, Long> filtered, long bots,
    Map<GeoSource, Long> geoSources) {
  public LineCounts {
    rejected = copy(rejected, RejectReason.class);
    filtered = copy(filtered, FilterReason.class);
    geoSources = copy(geoSources, GeoSource.class);
  }

  private static <E extends Enum<E>> Map<E, Long> copy(Map<E, Long> counts, Class<E> type) {
    Map<E, Long> copy = new EnumMap<>(type);
    copy.putAll(counts);
    return copy;
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

  /** Rejected lines by the reason's run-summary key ({@code lines.rejected.<key>}), sorted by key. */
  public Map<String, Long> rejectedByKey() {
    return byKey(rejected, RejectReason::key);
  }

  /** Filtered lines by the reason's run-summary key ({@code lines.filtered.<key>}), sorted by key. */
  public Map<String, Long> filteredByKey() {
    return byKey(filtered, FilterReason::key);
  }

  /** Accepted lines by the geo source's run-summary key ({@code geo.<key>}), sorted by key. */
  public Map<String, Long> geoSourcesByKey() {
    return byKey(geoSources, GeoSource::key);
  }

  private static <E> Map<String, Long> byKey(Map<E, Long> counts, Function<E, String> key) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((e, n) -> out.put(key.apply(e), n));
    return out;
  }
}
