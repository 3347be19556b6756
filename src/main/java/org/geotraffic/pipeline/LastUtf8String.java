package org.geotraffic.pipeline;

import org.apache.spark.unsafe.types.UTF8String;

/**
 * The UTF8String of the last value asked for, encoded again only when the value changes: for row writers
 * whose column repeats from row to row (a site, a country). Not thread-safe: one per column and task.
 */
final class LastUtf8String {
  private String last;
  private UTF8String lastUtf8;

  /** The value as a UTF8String (null for null). */
  UTF8String of(String s) {
    if (s == null) {
      return null;
    }
    if (!s.equals(last)) {
      last = s;
      lastUtf8 = UTF8String.fromString(s);
    }
    return lastUtf8;
  }

  /** A value that seldom repeats, encoded every time (null for null). */
  static UTF8String nullable(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
