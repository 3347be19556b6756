package org.geotraffic.geo;

import java.util.Locale;
import java.util.Map;

/**
 * An immutable map from lower-case domain suffixes ("ny.us") to values, looked up by a range of a host name
 * without copying it: ASCII case-insensitive, open addressing, no allocation per lookup. Thread-safe once built.
 *
 * @param <V> value type
 */
final class SuffixTable<V> {
  private final String[] keys;
  private final Object[] values;
  private final int mask;

  SuffixTable(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, V> e : entries.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      int slot = hash(key, 0, key.length()) & mask;
      while (keys[slot] != null && !keys[slot].equals(key)) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = e.getValue();
    }
  }

  /** The value for {@code s[from, to)} compared ASCII case-insensitively, or null. */
  @SuppressWarnings("unchecked")
  V get(String s, int from, int to) {
    int len = to - from;
    int slot = hash(s, from, to) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.length() == len && key.regionMatches(true, 0, s, from, len)) {
        return (V) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  /**
   * The value of the longest suffix of {@code s[0, to)} made of whole labels, or null. Labels are separated by
   * dots; the whole range is the longest candidate, the last label the shortest.
   */
  V longestSuffix(String s, int to) {
    int from = 0;
    while (from < to) {
      V v = get(s, from, to);
      if (v != null) {
        return v;
      }
      int dot = s.indexOf('.', from);
      if (dot < 0 || dot >= to) {
        return null;
      }
      from = dot + 1;
    }
    return null;
  }

  private static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      h = 31 * h + c;
    }
    return h ^ (h >>> 16);
  }
}
