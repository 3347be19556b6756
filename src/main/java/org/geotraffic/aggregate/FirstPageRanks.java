package org.geotraffic.aggregate;

import java.util.Map;

/**
 * The fold-order rank (1-based) of every page of one (date, site), and the first rank of a visitor's
 * page set ({@link PartialTable#PAGE_SETS}): the smallest rank among its pages. Counting visitors by
 * first rank and summing over ranks gives the distinct visitors of every prefix of the fold order,
 * which the pages' "(other)" row needs.
 *
 * @param ranks page to rank
 */
public record FirstPageRanks(Map<String, Integer> ranks) {
  public int firstRank(String pageSet) {
    int first = Integer.MAX_VALUE;
    int from = 0;
    while (from <= pageSet.length()) {
      int end = pageSet.indexOf(VisitorTables.PAGE_SEPARATOR, from);
      if (end < 0) {
        end = pageSet.length();
      }
      Integer r = ranks.get(pageSet.substring(from, end));
      if (r == null) {
        throw new IllegalStateException("Cannot rank a page that the day's page tables do not have");
      }
      first = Math.min(first, r);
      from = end + 1;
    }
    return first;
  }
}
