package org.geotraffic.aggregate;

/**
 * The sums of some lines of one (day, site, location, page, visitor), usually one line. Derived
 * values only; this is what crosses the shuffle. Mutable, so a reader can reuse one instance per row.
 *
 * <p>{@code visitor} is {@link org.geotraffic.enrich.LineEnricher#NO_VISITOR} for lines that count as
 * nobody's visit (crawlers): such cells carry hits and bytes, never visitors.
 */
public final class VisitorCell {
  /** Days since 1970-01-01 (UTC calendar of the event's date). */
  public int day;
  public String site;
  public String country;
  public String region;
  public String page;
  public long visitor;
  public long hits;
  public long pageviews;
  public long bytes;
  /**
   * The line's slice when the run audits against earlier releases ({@link Slices#of}: its own day and input
   * batch), else {@link Slices#NONE}: the reduce side then also counts the slice's tables.
   */
  public int slice = Slices.NONE;

  public VisitorCell set(int day, String site, String country, String region, String page, long visitor, long hits, long pageviews,
      long bytes) {
    this.day = day;
    this.site = site;
    this.country = country;
    this.region = region;
    this.page = page;
    this.visitor = visitor;
    this.hits = hits;
    this.pageviews = pageviews;
    this.bytes = bytes;
    this.slice = Slices.NONE;
    return this;
  }

  /** Sets the slice (after {@link #set}, which clears it). */
  public VisitorCell inSlice(int slice) {
    this.slice = slice;
    return this;
  }
}
