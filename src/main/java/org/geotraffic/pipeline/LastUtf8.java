package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of the last value asked for, encoded again only when the value changes: for record writers whose
 * field repeats from record to record (a site, a country). The bytes are only read, never changed. Not
 * thread-safe: one per field and task.
 */
final class LastUtf8 {
  private String last;
  private byte[] lastUtf8;

  /** The value's UTF-8 bytes (null for null). */
  byte[] of(String s) {
    if (s == null) {
      return null;
    }
    if (!s.equals(last)) {
      last = s;
      lastUtf8 = s.getBytes(StandardCharsets.UTF_8);
    }
    return lastUtf8;
  }
}
