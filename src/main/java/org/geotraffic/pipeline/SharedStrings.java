package org.geotraffic.pipeline;

import java.util.HashMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Spark's strings of one task as Java strings, each distinct value made once: the reduce side reads
 * millions of cells that name a few thousand pages and a few hundred places. One String per value
 * means no garbage per row, and hash codes computed once (String caches its own) for the tables'
 * maps. Bounded: emptied when it holds {@link #MAX_ENTRIES} values. Not thread-safe: one per task.
 */
final class SharedStrings {
  static final int MAX_ENTRIES = 1 << 16;
  private final HashMap<UTF8String, String> known = new HashMap<>();

  /** The value as a String (null for null); {@code s} may be a view of a reused buffer: it is copied when kept. */
  String of(UTF8String s) {
    if (s == null) {
      return null;
    }
    String v = known.get(s);
    if (v == null) {
      v = s.toString();
      if (known.size() >= MAX_ENTRIES) {
        known.clear();
      }
      // copy(), not clone(): clone() shares a byte array that the view spans whole.
      known.put(s.copy(), v);
    }
    return v;
  }
}
