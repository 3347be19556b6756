package org.geotraffic.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Disjoint, sorted address ranges in the 128-bit space of {@link Cidr}, each with a value; a lookup is a binary
 * search without allocation. Built from CIDRs, which are always nested or disjoint: where they nest, the most
 * specific (longest prefix) wins. Adjacent ranges with equal values are merged. Immutable, thread-safe.
 *
 * @param <V> value type
 */
final class AddressRanges<V> {
  private final long[] startHigh;
  private final long[] startLow;
  private final long[] endHigh;
  private final long[] endLow;
  private final Object[] values;

  private AddressRanges(List<long[]> bounds, List<Object> vals) {
    int n = bounds.size();
    startHigh = new long[n];
    startLow = new long[n];
    endHigh = new long[n];
    endLow = new long[n];
    for (int i = 0; i < n; i++) {
      long[] r = bounds.get(i);
      startHigh[i] = r[0];
      startLow[i] = r[1];
      endHigh[i] = r[2];
      endLow[i] = r[3];
    }
    values = vals.toArray();
  }

  /** Builds from CIDRs and their values (same order); an identical CIDR listed twice keeps the later value. */
  static <V> AddressRanges<V> build(List<Cidr> cidrs, List<V> cidrValues) {
    Integer[] order = new Integer[cidrs.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        (a, b) -> {
          Cidr x = cidrs.get(a);
          Cidr y = cidrs.get(b);
          int c = compare(x.high(), x.low(), y.high(), y.low());
          if (c == 0) {
            c = Integer.compare(x.prefixLength(), y.prefixLength());
          }
          return c != 0 ? c : Integer.compare(a, b);
        });
    Builder b = new Builder();
    List<Integer> stack = new ArrayList<>();
    for (int idx : order) {
      Cidr c = cidrs.get(idx);
      while (!stack.isEmpty() && endsBefore(last(cidrs, stack), c)) {
        Cidr top = last(cidrs, stack);
        b.emitUpTo(top.lastHigh(), top.lastLow(), cidrValues.get(stack.remove(stack.size() - 1)));
      }
      if (!stack.isEmpty()) {
        b.emitBefore(c.high(), c.low(), cidrValues.get(stack.get(stack.size() - 1)));
      }
      b.moveTo(c.high(), c.low());
      stack.add(idx);
    }
    while (!stack.isEmpty()) {
      Cidr top = last(cidrs, stack);
      b.emitUpTo(top.lastHigh(), top.lastLow(), cidrValues.get(stack.remove(stack.size() - 1)));
    }
    return new AddressRanges<>(b.bounds, b.vals);
  }

  /** The value of the range holding the address, or null. */
  @SuppressWarnings("unchecked")
  V get(long high, long low) {
    int lo = 0;
    int hi = startHigh.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(startHigh[mid], startLow[mid], high, low) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0 && compare(high, low, endHigh[found], endLow[found]) <= 0) {
      return (V) values[found];
    }
    return null;
  }

  int size() {
    return values.length;
  }

  static int compare(long h1, long l1, long h2, long l2) {
    int c = Long.compareUnsigned(h1, h2);
    return c != 0 ? c : Long.compareUnsigned(l1, l2);
  }

  private static boolean endsBefore(Cidr outer, Cidr next) {
    return compare(outer.lastHigh(), outer.lastLow(), next.high(), next.low()) < 0;
  }

  private static Cidr last(List<Cidr> cidrs, List<Integer> stack) {
    return cidrs.get(stack.get(stack.size() - 1));
  }

  /** Emits ranges from a cursor that only moves forward. */
  private static final class Builder {
    final List<long[]> bounds = new ArrayList<>();
    final List<Object> vals = new ArrayList<>();
    long curHigh;
    long curLow;
    boolean exhausted;

    void moveTo(long h, long l) {
      curHigh = h;
      curLow = l;
    }

    /** Emits [cursor, end] with value and moves the cursor past end. */
    void emitUpTo(long endH, long endL, Object value) {
      if (exhausted || compare(curHigh, curLow, endH, endL) > 0) {
        return;
      }
      add(curHigh, curLow, endH, endL, value);
      if (endH == -1L && endL == -1L) {
        exhausted = true;
      } else {
        curLow = endL + 1;
        curHigh = curLow == 0 ? endH + 1 : endH;
      }
    }

    /** Emits [cursor, start - 1] with value when that range is not empty. */
    void emitBefore(long startH, long startL, Object value) {
      if (exhausted || compare(curHigh, curLow, startH, startL) >= 0) {
        return;
      }
      long endL = startL - 1;
      long endH = startL == 0 ? startH - 1 : startH;
      add(curHigh, curLow, endH, endL, value);
    }

    private void add(long sh, long sl, long eh, long el, Object value) {
      int n = bounds.size();
      if (n > 0 && Objects.equals(vals.get(n - 1), value)) {
        long[] prev = bounds.get(n - 1);
        long nextL = prev[3] + 1;
        long nextH = nextL == 0 ? prev[2] + 1 : prev[2];
        if (nextH == sh && nextL == sl) {
          prev[2] = eh;
          prev[3] = el;
          return;
        }
      }
      bounds.add(new long[] {sh, sl, eh, el});
      vals.add(value);
    }
  }
}
