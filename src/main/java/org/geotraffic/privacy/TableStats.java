package org.geotraffic.privacy;

/**
 * What suppression cost one table of one day.
 *
 * @param candidateCells cells before suppression
 * @param publishedCells rows published, "other" rows included
 * @param hiddenCells candidate cells not published on their own (folded into "other" or dropped)
 * @param lost measures of the hidden cells (hits, page views and bytes are sums; visitors a sum of
 *     the hidden cells' counts)
 */
public record TableStats(long candidateCells, long publishedCells, long hiddenCells, Measures lost) implements java.io.Serializable {
  public static final TableStats EMPTY = new TableStats(0, 0, 0, Measures.ZERO);

  public TableStats plus(TableStats o) {
    return new TableStats(
        candidateCells + o.candidateCells,
        publishedCells + o.publishedCells,
        hiddenCells + o.hiddenCells,
        new Measures(
            lost.visitors() + o.lost.visitors(),
            lost.hits() + o.lost.hits(),
            lost.pageviews() + o.lost.pageviews(),
            lost.bytes() + o.lost.bytes()));
  }
}
