package org.geotraffic.aggregate;

/**
 * The partial tables the reduce side builds per shuffle partition and the day assembly sums
 * ({@link VisitorTables.TableCell}). Not published as they are: regions and page_countries become the
 * published tables of the same names, page sets become the pages' prefix unions and the per-country page sets.
 */
public enum PartialTable {
  /** key1 country, key2 region. */
  REGIONS,
  /** key1 page, key2 country. */
  PAGE_COUNTRIES,
  /**
   * key1: the distinct pages of one visitor in a (day, site, country), sorted, joined by
   * {@link VisitorTables#PAGE_SEPARATOR}; key2: the country, or for a visitor seen in several countries (rare: a
   * lookup error) the country after {@link VisitorTables#ALSO_ELSEWHERE}, with one more cell of its pages over all
   * countries under key2 {@link VisitorTables#ALL_COUNTRIES}: each visitor counts once per country and once in the
   * site's page sets. Visitors only.
   */
  PAGE_SETS
}
