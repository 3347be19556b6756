package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinePrecheckTest {
  /** The one-pass scan as it was before it was made faster: the oracle for the current one. */
  private static int referenceScan(String line, int maxLineLength) {
    if (line == null) {
      return LinePrecheck.BLANK;
    }
    int n = line.length();
    if (n > maxLineLength) {
      return LinePrecheck.TOO_LONG;
    }
    boolean blank = true;
    int firstBackslash = n;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c > ' ' && c < 0x7f) {
        blank = false;
        if (c == '\\' && i < firstBackslash) {
          firstBackslash = i;
        }
      } else if (c == ' ' || c == '\t') {
        // whitespace
      } else if (c < ' ' || (c >= 0x7f && c <= 0x9f) || c == '\uFFFD') {
        if (c == '\r' && i == n - 1) {
          continue;
        }
        return LinePrecheck.BINARY;
      } else {
        blank = false;
      }
    }
    return blank ? LinePrecheck.BLANK : firstBackslash;
  }

  private static final char[] ALPHABET = {
    'a', 'Z', '0', ' ', ' ', '\t', '\r', '\n', '\\', '"', '-', '~', 0x7f, 0x80, 0x9f, 0xa0, 0xe9, '\uFFFD',
    '\uFFFC', '\u4e2d', 0x00, 0x1f, '\uD83D', '\uDE00'
  };

  @Test
  void randomLines_sameCodeAsTheReferenceScan() {
    Random random = new Random(7);
    for (int round = 0; round < 200_000; round++) {
      int n = random.nextInt(12);
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        // Mostly blanks and printable text, so that blank lines and late special characters occur often.
        int pick = random.nextInt(4) == 0 ? random.nextInt(ALPHABET.length) : random.nextInt(6);
        b.append(ALPHABET[pick]);
      }
      String line = b.toString();
      int max = 1 + random.nextInt(14);
      assertEquals(referenceScan(line, max), LinePrecheck.scan(line, max), () -> "line " + escape(line) + ", max " + max);
      // As the enrich stage does it: the hint from the bytes, the line decoded from the same bytes.
      byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
      if (PrintableAscii.of(utf8, utf8.length)) {
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        assertTrue(decoded.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), () -> escape(decoded));
        assertEquals(referenceScan(decoded, max), LinePrecheck.scan(decoded, max, true), () -> "printable " + escape(decoded));
      }
    }
  }

  @Test
  void edgeCases_sameCodeAsTheReferenceScan() {
    String[] lines = {null, "", " ", "\t \t", "\r", " \r", "\r ", "a\r", "\r\r", "a\\b\\", "\\", " \\ ", "\u00a0",
      "a\u0085", "x\uFFFD", "ok line"};
    for (String line : lines) {
      assertEquals(referenceScan(line, 100), LinePrecheck.scan(line, 100), () -> escape(line));
    }
  }

  /** Test data only (synthetic), so it may appear in a failure message. */
  private static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return b.toString();
  }
}
