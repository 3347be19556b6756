package org.geotraffic.privacy;

import java.util.Map;

/**
 * Everything aggregated for one (date, site), before suppression: the input of the suppressor.
 *
 * @param regionsByCountry children of each country row (key: country code)
 * @param countriesByPage children of each page row (key: page), i.e. the rows of page_countries
 * @param pageSets the distinct page sets of each country's visitors, for exact distinct counts over a country's pages
 */
public record UnsuppressedDay(
    String date,
    String site,
    Measures totals,
    ChildGroup countries,
    Map<String, ChildGroup> regionsByCountry,
    ChildGroup pages,
    Map<String, ChildGroup> countriesByPage,
    CountryPageSets pageSets) implements java.io.Serializable {
  public UnsuppressedDay {
    regionsByCountry = Map.copyOf(regionsByCountry);
    countriesByPage = Map.copyOf(countriesByPage);
    java.util.Objects.requireNonNull(pageSets, "pageSets");
  }
}
