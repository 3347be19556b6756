package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Whether the releases a new one is audited against describe the same lines as the new release's slices:
 * every row of every earlier release whose slices lie inside the new release's must recompute, in its
 * additive measures (hits, page views, and bytes where the table publishes them), from this run's tables of
 * those slices. The linked audit reasons with this run's tables; if an earlier release was made from other
 * lines (a file missing from this run's input, a log rewritten in place) or another configuration or geo
 * database (visitors moved between countries), its rows would differ, and differencing them against the new
 * release would reveal what the audit never saw. Such a run is refused instead.
 *
 * <p>Visitor counts are not compared: they do not add up over slices. Hits are the most sensitive measure:
 * every line is one, so any line read differently changes some row's hits. Pure Java; stateless.
 */
public final class ReleaseRecompute {
  private ReleaseRecompute() {}

  /** How many rows of earlier releases inside the new one do not recompute from its slices' tables (0: consistent). */
  public static int mismatches(LinkedDay day) {
    List<UnsuppressedDay> tables = new ArrayList<>();
    tables.add(day.truth());
    tables.addAll(day.sliceTruths().values());
    CellSpace space = new CellSpace(tables);
    int mismatched = 0;
    for (LinkedRelease r : day.linked()) {
      if (r.slices().isEmpty() || !day.slices().containsAll(r.slices())) {
        continue;
      }
      for (ReleaseBlocks.Block b : new ReleaseBlocks(r.rows()).blocks()) {
        BitSet cells = space.cells(b.keys());
        long hits = 0;
        long pageviews = 0;
        long bytes = 0;
        for (Slice s : r.slices()) {
          UnsuppressedDay t = day.sliceTruths().get(s);
          if (t != null) {
            CellSpace.Additive c = space.additive(t, b.keys().side(), cells);
            hits += c.hits();
            pageviews += c.pageviews();
            bytes += c.bytes();
          }
        }
        Measures m = b.row().measures();
        boolean bytesPublished = b.table() != Table.PAGE_COUNTRIES;
        if (hits != m.hits() || pageviews != m.pageviews() || (bytesPublished && bytes != m.bytes())) {
          mismatched++;
        }
      }
    }
    return mismatched;
  }
}
