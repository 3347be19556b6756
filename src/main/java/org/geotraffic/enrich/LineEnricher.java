package org.geotraffic.enrich;

import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoLocation;
import org.geotraffic.geo.ProxyChain;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.parse.BotDecisionCache;
import org.geotraffic.parse.BotDetector;
import org.geotraffic.parse.EventDates;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.LineParser;
import org.geotraffic.parse.LineParsers;
import org.geotraffic.parse.LogEntry;
import org.geotraffic.parse.PageClassifier;
import org.geotraffic.parse.ParseResult;
import org.geotraffic.parse.RejectReason;

/**
 * The enrich step for one line: parse, pick the real client behind proxies, locate it, hash it into a
 * visitor id — and drop it. The raw client, user, user agent and query string exist only inside
 * {@link #enrich}; what comes out ({@link EnrichedEvent}) holds derived values only.
 *
 * <p>Plain Java (the Spark stage wraps it). Not thread-safe: one per partition.
 */
public final class LineEnricher {
  /** The visitor id of requests that count as nobody's visit (crawlers, unless reported separately). */
  public static final long NO_VISITOR = 0L;
  /** Appended to the site of crawler traffic when bots.report-separately is on. */
  public static final String BOT_SITE_SUFFIX = " (bots)";
  private final LineParser parser;
  private final ProxyChain proxyChain;
  private final ClientLocator locator;
  private final VisitorHasher hasher;
  private final BotDecisionCache bots;
  private final PageClassifier pages;
  private final EventDates dates;
  private final String defaultSite;
  private final String windowFrom;
  private final String windowTo;
  private final boolean reportBotsSeparately;
  private final EnrichedEvent event = new EnrichedEvent();

  public LineEnricher(EnrichSettings s, GeoDatabase database) {
    this.parser = LineParsers.create(s.inputFormat(), s.maxLineLength());
    this.proxyChain = ClientLocator.proxyChain(s);
    this.locator = ClientLocator.create(s, database);
    this.hasher = new VisitorHasher(s.visitorSecret());
    this.bots = new BotDecisionCache(new BotDetector(s.botPatterns()));
    this.pages = new PageClassifier(s.assetExtensions(), s.viewMethods(), s.maxPageLength());
    this.dates = new EventDates(s.timeZone());
    this.defaultSite = s.defaultSite();
    this.windowFrom = s.windowFrom();
    this.windowTo = s.windowTo();
    this.reportBotsSeparately = s.reportBotsSeparately();
  }

  /** Called before the first line of each input file (W3C headers are per file). */
  public void startFile() {
    parser.startFile();
  }

  /** Enriches one line into the shared event (overwritten by the next call). Never throws on data. */
  public EnrichedEvent enrich(String line) {
    return enrich(line, false);
  }

  /**
   * {@link #enrich(String)} for a line whose bytes the caller found to be printable ASCII ({@link
   * org.geotraffic.parse.PrintableAscii}) when printableAscii is true; the result is the same, only cheaper.
   */
  public EnrichedEvent enrich(String line, boolean printableAscii) {
    ParseResult result;
    try {
      result = parser.parse(line, printableAscii);
    } catch (RuntimeException e) {
      // Parsers must not throw; if one does, the line is still accounted for and nothing of it printed.
      result = ParseResult.rejected(RejectReason.MALFORMED);
    }
    if (!result.isAccepted()) {
      event.clear(result.rejectReason() != null ? LineOutcome.rejected(result.rejectReason()) : LineOutcome.filtered(result.filterReason()));
      return event;
    }
    LogEntry entry = result.entry();
    String date = dates.dateOf(entry.epochSecond());
    if ((windowFrom != null && date.compareTo(windowFrom) < 0) || (windowTo != null && date.compareTo(windowTo) > 0)) {
      event.clear(LineOutcome.filtered(FilterReason.OUT_OF_WINDOW));
      return event;
    }
    String client = proxyChain.clientOf(entry.client(), entry.forwardedFor());
    GeoLocation location = client == null ? null : locator.locate(client);
    if (location == null) {
      event.clear(LineOutcome.rejected(RejectReason.BAD_CLIENT));
      return event;
    }
    event.clear(LineOutcome.ACCEPTED);
    event.geoSource = locator.lastSource();
    event.date = date;
    event.site = entry.site() == null || entry.site().isEmpty() ? defaultSite : entry.site();
    event.country = location.country();
    event.region = location.region();
    event.page = pages.page(entry.target());
    event.bot = bots.isBot(entry.userAgent());
    // A crawler is never a visitor of the site's own tables. Reported separately, it gets a site of its
    // own in which its (client, user agent) does count as a visitor, under the same suppression.
    boolean counted = !event.bot || reportBotsSeparately;
    if (event.bot && reportBotsSeparately) {
      event.site = event.site + BOT_SITE_SUFFIX;
    }
    event.visitor = counted ? hasher.visitorId(client, entry.userAgent()) : NO_VISITOR;
    event.pageView = counted && pages.isPageView(entry.method(), entry.status(), event.page);
    event.bytes = entry.bytes();
    return event;
  }
}
