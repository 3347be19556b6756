package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
  @Test
  void equalValuesGiveOneString_evenFromAReusedBuffer() {
    SharedStrings strings = new SharedStrings();
    byte[] buffer = "xx/pricingyy".getBytes(StandardCharsets.UTF_8);
    String first = strings.of(buffer, 2, 8);
    assertEquals("/pricing", first);
    // A record's bytes may be reused for the next: what was kept must not change with them.
    byte[] next = "/contact".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(next, 0, buffer, 2, next.length);
    assertEquals("/contact", strings.of(buffer, 2, 8));
    assertSame(first, strings.of("/pricing".getBytes(StandardCharsets.UTF_8), 0, 8));
    byte[] zurich = "Zürich".getBytes(StandardCharsets.UTF_8);
    assertEquals("Zürich", strings.of(zurich, 0, zurich.length));
    assertEquals("", strings.of(zurich, 3, 0));
  }

  @Test
  void boundedByEmptyingWhenFull() {
    SharedStrings strings = new SharedStrings();
    String kept = of(strings, "/page-0");
    for (int i = 1; i <= SharedStrings.MAX_ENTRIES; i++) {
      of(strings, "/page-" + i);
    }
    // Emptied once full: the value is made again, equal but not the same instance.
    String again = of(strings, "/page-0");
    assertEquals(kept, again);
    assertNotSame(kept, again);
    assertSame(again, of(strings, "/page-0"));
  }

  private static String of(SharedStrings strings, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return strings.of(b, 0, b.length);
  }
}
