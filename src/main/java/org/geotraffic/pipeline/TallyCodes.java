package org.geotraffic.pipeline;

import org.apache.spark.unsafe.types.UTF8String;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;

/** A tally's outcome and geo source in the string columns of the Catalyst row path: their numbers, never their names. */
final class TallyCodes {
  private TallyCodes() {}

  static UTF8String outcome(LineOutcome o) {
    return UTF8String.fromString(Integer.toString(o.index()));
  }

  static LineOutcome outcome(String code) {
    return LineOutcome.ofIndex(Integer.parseInt(code));
  }

  static UTF8String geoSource(GeoSource g) {
    return g == null ? null : UTF8String.fromString(Integer.toString(g.ordinal()));
  }

  static GeoSource geoSource(String code) {
    return GeoSource.values()[Integer.parseInt(code)];
  }
}
