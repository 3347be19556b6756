package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
  @Test
  void equalValuesGiveOneString_evenFromAReusedBuffer() {
    SharedStrings strings = new SharedStrings();
    byte[] buffer = "/pricing".getBytes(StandardCharsets.UTF_8);
    UTF8String view = UTF8String.fromBytes(buffer);
    String first = strings.of(view);
    assertEquals("/pricing", first);
    // The shuffle reuses its buffer for the next row: what was kept must not change with it.
    byte[] next = "/contact".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(next, 0, buffer, 0, next.length);
    assertEquals("/contact", strings.of(view));
    assertSame(first, strings.of(UTF8String.fromString("/pricing")));
    assertEquals("Zürich", strings.of(UTF8String.fromString("Zürich")));
    assertNull(strings.of(null));
  }

  @Test
  void boundedByEmptyingWhenFull() {
    SharedStrings strings = new SharedStrings();
    String kept = strings.of(UTF8String.fromString("/page-0"));
    for (int i = 1; i <= SharedStrings.MAX_ENTRIES; i++) {
      strings.of(UTF8String.fromString("/page-" + i));
    }
    // Emptied once full: the value is made again, equal but not the same instance.
    String again = strings.of(UTF8String.fromString("/page-0"));
    assertEquals(kept, again);
    assertNotSame(kept, again);
  }
}
