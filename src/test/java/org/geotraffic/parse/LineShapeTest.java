package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineShapeTest {
  @Test
  void lettersAndDigits_areMasked_punctuationKept() {
    assertEquals("999.99.999.99 - aaaaa [99/Aaa/9999:99:99:99 +9999] \"AAA /a?a=a%99a AAAA/9.9\" 999 -",
        LineShape.of("198.51.100.23 - alice [17/May/2015:12:05:47 +0200] \"GET /x?t=s%40x HTTP/1.1\" 201 -"));
  }

  @Test
  void ipv6AndHostNames_leaveNoTrace() {
    String shape = LineShape.of("2001:db8::1 canary-host.example.de Mozilla/5.0 token=SECRET");
    assertEquals("9999:aa9::9 aaaaaa-aaaa.aaaaaaa.aa Aaaaaaa/9.9 aaaaa=AAAAAA", shape);
  }

  @Test
  void controlAndReplacementCharacters_showAsQuestionMarks() {
    assertEquals("??a", LineShape.of("\u0016\ufffdx"));
  }

  @Test
  void longLine_isCutWithItsLength() {
    String shape = LineShape.of("x".repeat(1_000_000));
    assertTrue(shape.endsWith("… (1000000 chars)"));
    assertEquals(LineShape.MAX_LENGTH + "… (1000000 chars)".length(), shape.length());
    assertFalse(shape.contains("x"));
  }
}
