package org.geotraffic.parse;

/** Reads the safety-net counter of any parser of this package; for tests. */
final class InternalErrors {
  private InternalErrors() {}

  /** How many lines hit an unexpected exception in this parser (a bug), 0 for parsers without a counter. */
  static long of(LineParser p) {
    if (p instanceof TokenLineParser t) {
      return t.internalErrors();
    }
    if (p instanceof W3cLineParser w) {
      return w.internalErrors();
    }
    if (p instanceof JsonLineParser j) {
      return j.internalErrors();
    }
    if (p instanceof FallbackLineParser f) {
      return f.internalErrors();
    }
    return 0;
  }
}
