package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time check gives what a byte-by-byte check gives, at every position and length. */
class PrintableAsciiTest {
  private static boolean reference(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      int v = b[i] & 0xFF;
      if (v < 0x20 || v > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** The bytes around each edge of the range, and some in the middle of each side. */
  private static final int[] EDGES = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0x9F,
      0xA0, 0xC3, 0xFE, 0xFF};

  @Test
  void oneOddByteAnywhere_inLinesOf0To40Bytes() {
    for (int length = 0; length <= 40; length++) {
      byte[] line = new byte[length + 3]; // longer than length: bytes past it must not count
      Arrays.fill(line, (byte) 'a');
      line[length] = 0x00;
      assertTrue(PrintableAscii.of(line, length), "all 'a', length " + length);
      for (int at = 0; at < length; at++) {
        for (int v : EDGES) {
          line[at] = (byte) v;
          assertEquals(reference(line, length), PrintableAscii.of(line, length), "byte " + v + " at " + at + " of " + length);
        }
        line[at] = 'a';
      }
    }
  }

  @Test
  void randomBytes_sameAsByteByByte() {
    Random random = new Random(11);
    for (int round = 0; round < 200_000; round++) {
      byte[] line = new byte[random.nextInt(70)];
      for (int i = 0; i < line.length; i++) {
        // Mostly printable, so that whole words pass and the odd byte is often alone in its word.
        line[i] = (byte) (random.nextInt(8) == 0 ? EDGES[random.nextInt(EDGES.length)] : 0x20 + random.nextInt(0x5F));
      }
      int length = line.length == 0 ? 0 : random.nextInt(line.length + 1);
      assertEquals(reference(line, length), PrintableAscii.of(line, length), () -> Arrays.toString(line) + " " + length);
    }
  }

  @Test
  void aLogLine_tabsAndUtf8_areNotPrintableAscii() {
    byte[] line = "203.0.113.9 - - [24/Nov/2026:10:00:00 +0100] \"GET / HTTP/1.1\" 200 5".getBytes(StandardCharsets.UTF_8);
    assertTrue(PrintableAscii.of(line, line.length));
    byte[] tab = "a\tb".getBytes(StandardCharsets.UTF_8);
    assertFalse(PrintableAscii.of(tab, tab.length));
    byte[] utf8 = "Zürich".getBytes(StandardCharsets.UTF_8);
    assertFalse(PrintableAscii.of(utf8, utf8.length));
  }
}
