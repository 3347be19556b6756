package org.geotraffic.enrich;

/**
 * One line after the enrich step: either an outcome other than "accepted" with nothing else, or an
 * accepted request reduced to derived values only. No field can hold a client address, host name,
 * user name, user agent or query string: this is what may cross a shuffle.
 *
 * <p>Mutable and reused for every line of a partition ({@link LineEnricher#enrich} overwrites it), to
 * keep per-line allocation down. Not thread-safe.
 */
public final class EnrichedEvent {
  public LineOutcome outcome;
  /** How the location was found, null unless accepted. */
  public GeoSource geoSource;
  public String date;
  public String site;
  public String country;
  public String region;
  public String page;
  /** Keyed visitor hash; {@link LineEnricher#NO_VISITOR} for crawlers unless they are reported separately. */
  public long visitor;
  public boolean bot;
  public boolean pageView;
  public long bytes;

  void clear(LineOutcome outcome) {
    this.outcome = outcome;
    geoSource = null;
    date = null;
    site = null;
    country = null;
    region = null;
    page = null;
    visitor = 0;
    bot = false;
    pageView = false;
    bytes = 0;
  }

  public boolean accepted() {
    return outcome.accepted();
  }
}
