package org.geotraffic.report;

import java.util.Arrays;

/**
 * One row of a report table over the whole date range: a country, a region, a page or a page in a country.
 *
 * <p>Sums run over the days the row was published. On the other days of the range the row was not
 * published: it had fewer than k visitors that day (or was folded into an "other" row), so the true total
 * is the sum plus up to {@code kFewer - 1} on each of {@code daysFewer} days.
 *
 * @param kind {@link Labels#PLACE} or one of the bucket kinds
 * @param code the published key (country code, ISO 3166-2 code, page path)
 * @param label the words shown for it
 * @param parent the parent's code (the country of a region, the page of a page-in-country), else null
 * @param share visitors as a fraction of the parent's visitors over the same days, or null when unknown
 * @param daily visitors by date index of the report; -1 where not published
 * @param kFewer the largest k of the days not published (0 when every day was published)
 */
public record ReportLine(String kind, String code, String label, String parent, long visitors, long pageviews, long hits,
    long bytes, Double share, int daysPublished, int daysFewer, int kFewer, long[] daily) {

  public ReportLine {
    daily = daily == null ? null : daily.clone();
  }

  @Override
  public long[] daily() {
    return daily == null ? null : daily.clone();
  }

  public boolean isBucket() {
    return !Labels.PLACE.equals(kind);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportLine l && kind.equals(l.kind) && code.equals(l.code) && java.util.Objects.equals(parent, l.parent)
        && visitors == l.visitors && pageviews == l.pageviews && hits == l.hits && bytes == l.bytes
        && java.util.Objects.equals(share, l.share) && daysPublished == l.daysPublished && daysFewer == l.daysFewer
        && kFewer == l.kFewer && Arrays.equals(daily, l.daily) && label.equals(l.label);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, code, parent, visitors) * 31 + Arrays.hashCode(daily);
  }

  @Override
  public String toString() {
    return "ReportLine[" + code + (parent == null ? "" : " in " + parent) + ": visitors=" + visitors + ", pageviews=" + pageviews
        + ", hits=" + hits + ", daysFewer=" + daysFewer + " (k=" + kFewer + "), daily=" + Arrays.toString(daily) + "]";
  }
}
