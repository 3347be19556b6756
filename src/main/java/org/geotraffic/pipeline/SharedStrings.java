package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of one task's shuffle records as Java strings, each distinct value made once: the reduce side reads
 * millions of records that name a few thousand pages and a few hundred places. One String per value means no
 * garbage per record, and hash codes computed once (String caches its own) for the tables' maps. An open-addressing
 * table keyed by the UTF-8 bytes. Bounded: emptied when it holds {@link #MAX_ENTRIES} values. Not thread-safe: one
 * per task.
 */
final class SharedStrings {
  static final int MAX_ENTRIES = 1 << 16;
  /** Twice the entries: probes stay short. */
  private static final int SLOTS = MAX_ENTRIES * 2;
  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];
  private int size;

  /** The UTF-8 bytes {@code utf8[from, from + length)} as a String; the bytes are copied when kept. */
  String of(byte[] utf8, int from, int length) {
    int to = from + length;
    int slot = hash(utf8, from, to) & (SLOTS - 1);
    while (keys[slot] != null) {
      if (Arrays.equals(keys[slot], 0, keys[slot].length, utf8, from, to)) {
        return values[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (size >= MAX_ENTRIES) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
      slot = hash(utf8, from, to) & (SLOTS - 1);
    }
    String s = new String(utf8, from, length, StandardCharsets.UTF_8);
    keys[slot] = Arrays.copyOfRange(utf8, from, to);
    values[slot] = s;
    size++;
    return s;
  }

  private static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    // Spread the low bits, which pick the slot: neighbouring pages differ in their last byte.
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
