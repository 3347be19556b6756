package org.geotraffic.aggregate;

import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;

/**
 * A number of lines with one outcome: the line accounting, how accepted lines were located, and whether they
 * came from a crawler.
 *
 * @param geoSource null unless accepted
 */
public record LineTally(LineOutcome outcome, GeoSource geoSource, boolean bot, long lines) implements java.io.Serializable {
  /** The key part, for summing. */
  record Key(LineOutcome outcome, GeoSource geoSource, boolean bot) {}
}
