package org.geotraffic.aggregate;

import java.io.Serializable;
import java.util.Map;

/**
 * The fold-order rank (1-based) of every page of every (date, site), and the first rank of a visitor's
 * page set ({@link VisitorTables#PAGE_SETS}): the smallest rank among its pages. Counting visitors by
 * first rank and summing over ranks gives the distinct visitors of every prefix of the fold order,
 * which the pages' "(other)" row needs.
 *
 * @param bySite date, then site, then page to rank
 */
public record FirstPageRanks(Map<String, Map<String, Map<String, Integer>>> bySite) implements Serializable {
  public int firstRank(String date, String site, String pageSet) {
    Map<String, Integer> ranks = bySite.getOrDefault(date, Map.of()).getOrDefault(site, Map.of());
    int first = Integer.MAX_VALUE;
    int from = 0;
    while (from <= pageSet.length()) {
      int end = pageSet.indexOf(VisitorTables.PAGE_SEPARATOR, from);
      if (end < 0) {
        end = pageSet.length();
      }
      Integer r = ranks.get(pageSet.substring(from, end));
      if (r == null) {
        throw new IllegalStateException("Cannot rank a page of " + date + " that the page tables do not have");
      }
      first = Math.min(first, r);
      from = end + 1;
    }
    return first;
  }
}
