package org.geotraffic.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A list of page lines split the way a reader ranks pages: the top pages by page views, and the static
 * assets and other requests apart, by hits.
 *
 * <p>The report sees only published rows, not log lines, so it cannot look at a request's method, status or
 * file extension. It uses what the job decided with them ({@code parse.PageClassifier}): a page view is a
 * GET or POST answered 2xx or 304 for a path that is no static asset ({@code pages.asset-extensions}). A
 * line with no page view over the shown range is therefore an asset ({@code /img/logo.png}) or a request
 * that never made a page view (only errors, redirects, HEADs); ranked by visitors or hits, such lines would
 * head the list with 0 page views. The residual rows ("(other)", "(other pages)") stay in the pages list,
 * last and labelled as combinations, whatever their numbers.
 *
 * @param pages lines with page views, most page views first (ties: visitors, then the page), then the residuals
 * @param assets lines without page views, most hits first (ties: visitors, then the path)
 */
public record TopPages(List<ReportLine> pages, List<ReportLine> assets) {
  static final Comparator<ReportLine> PAGE_ORDER = Comparator.comparing(ReportLine::isBucket)
      .thenComparing(Comparator.comparingLong(ReportLine::pageviews).reversed())
      .thenComparing(Comparator.comparingLong(ReportLine::visitors).reversed())
      .thenComparing(ReportLine::code);
  static final Comparator<ReportLine> ASSET_ORDER = Comparator.comparingLong(ReportLine::hits).reversed()
      .thenComparing(Comparator.comparingLong(ReportLine::visitors).reversed())
      .thenComparing(ReportLine::code);

  public TopPages {
    pages = List.copyOf(pages);
    assets = List.copyOf(assets);
  }

  /** Splits and ranks {@code lines} (any order). */
  public static TopPages of(List<ReportLine> lines) {
    List<ReportLine> pages = new ArrayList<>();
    List<ReportLine> assets = new ArrayList<>();
    for (ReportLine l : lines) {
      (isAsset(l) ? assets : pages).add(l);
    }
    pages.sort(PAGE_ORDER);
    assets.sort(ASSET_ORDER);
    return new TopPages(pages, assets);
  }

  /** A line of a real path with no page view in the range; residual rows never are. */
  static boolean isAsset(ReportLine line) {
    return !line.isBucket() && line.pageviews() == 0;
  }
}
