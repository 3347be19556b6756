package org.geotraffic.parse;

/** Reads the status and byte-count fields in place, without substrings. Stateless. */
final class NumericField {
  private NumericField() {}

  /** A three-digit status 100..599, or -1. */
  static int status(String s, int start, int end) {
    if (end - start != 3) {
      return -1;
    }
    int a = s.charAt(start) - '0';
    int b = s.charAt(start + 1) - '0';
    int c = s.charAt(start + 2) - '0';
    if (a < 1 || a > 5 || b < 0 || b > 9 || c < 0 || c > 9) {
      return -1;
    }
    return a * 100 + b * 10 + c;
  }

  /** A byte count: "-" or "" is 0, else up to 18 digits; -1 when neither. */
  static long bytes(String s, int start, int end) {
    if (FieldText.isAbsent(s, start, end)) {
      return 0;
    }
    if (end - start > 18) {
      return -1;
    }
    long v = 0;
    for (int i = start; i < end; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
