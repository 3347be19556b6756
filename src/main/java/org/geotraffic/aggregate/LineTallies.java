package org.geotraffic.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;

/**
 * Counts lines by outcome (and, for accepted lines, by geo source and crawler flag): the line
 * accounting of one input split or one shuffle partition. A handful of keys. Not thread-safe.
 */
public final class LineTallies {
  private final HashMap<LineTally.Key, long[]> counts = new HashMap<>();
  /** The last key's counter: consecutive lines mostly share an outcome, so most lines skip the map. */
  private LineOutcome lastOutcome;
  private GeoSource lastGeoSource;
  private boolean lastBot;
  private long[] lastCount;

  public void add(EnrichedEvent e) {
    add(e.outcome, e.geoSource, e.bot, 1);
  }

  public void add(LineTally t) {
    add(t.outcome(), t.geoSource(), t.bot(), t.lines());
  }

  private void add(LineOutcome outcome, GeoSource geoSource, boolean bot, long lines) {
    // One instance per outcome and geo source, so the same instance means the same key.
    if (lastCount == null || outcome != lastOutcome || geoSource != lastGeoSource || bot != lastBot) {
      lastCount = counts.computeIfAbsent(new LineTally.Key(outcome, geoSource, bot), k -> new long[1]);
      lastOutcome = outcome;
      lastGeoSource = geoSource;
      lastBot = bot;
    }
    lastCount[0] += lines;
  }

  public List<LineTally> list() {
    List<LineTally> out = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> out.add(new LineTally(k.outcome(), k.geoSource(), k.bot(), n[0])));
    return out;
  }
}
