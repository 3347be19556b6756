package org.geotraffic.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a line's bytes are all printable ASCII (0x20-0x7E), eight at a time: nearly every line of a real
 * log is, and such a line needs no character-by-character check for control characters ({@link LinePrecheck}).
 * Tabs and every non-ASCII byte answer false; the parser then checks the line's characters as usual. Stateless.
 */
public final class PrintableAscii {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long SPACES = 0x20 * ONES;
  private static final long DELS = 0x7F * ONES;

  private PrintableAscii() {}

  /** True when bytes[0, length) are all in 0x20-0x7E (also for length 0). */
  public static boolean of(byte[] bytes, int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      long del = x ^ DELS;
      // A byte with its high bit set, a byte below 0x20 (x - 0x20 borrows into the high bit of a byte whose own
      // high bit is clear), or 0x7F (a zero byte in x ^ 0x7F...): each sets the high bit of its byte lane.
      if (((x | ((x - SPACES) & ~x) | ((del - ONES) & ~del)) & HIGH) != 0) {
        return false;
      }
    }
    for (; i < length; i++) {
      byte b = bytes[i];
      if (b < 0x20 || b == 0x7F) {
        return false;
      }
    }
    return true;
  }
}
