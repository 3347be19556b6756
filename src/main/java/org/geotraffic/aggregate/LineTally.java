package org.geotraffic.aggregate;

/**
 * A number of lines with one outcome: the line accounting ("accepted", "rejected:&lt;reason&gt;",
 * "filtered:&lt;reason&gt;"), how accepted lines were located, and whether they came from a crawler.
 *
 * @param geoSource null unless accepted
 */
public record LineTally(String outcome, String geoSource, boolean bot, long lines) implements java.io.Serializable {
  /** The key part, for summing. */
  record Key(String outcome, String geoSource, boolean bot) {}
}
