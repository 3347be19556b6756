package org.geotraffic.geo.mmdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place in the GeoIP2 record schema, turned into the maps a GeoIP2 City or Country database stores:
 * {@code continent{code, names{en}}}, {@code country{iso_code, names{en}}},
 * {@code subdivisions[{iso_code, names{en}}]} and {@code city{names{en}}}. Any component may be null; its
 * key is then left out, as MaxMind leaves out what it does not know.
 *
 * <p>Subdivision codes are MaxMind's, without the country prefix ({@code ENG}, not {@code GB-ENG}).
 *
 * @param continentCode two-letter continent code ({@code EU}), or null
 * @param continentName English continent name, or null
 * @param countryIso ISO 3166-1 alpha-2 code, or null
 * @param countryName English country name, or null
 * @param subdivisionIso subdivision code without country prefix, or null
 * @param subdivisionName English subdivision name, or null
 * @param cityName English city name, or null
 */
public record GeoIp2Place(
    String continentCode,
    String continentName,
    String countryIso,
    String countryName,
    String subdivisionIso,
    String subdivisionName,
    String cityName) {

  /** The record of a GeoIP2 City database: continent, country, subdivisions, city. */
  public Map<String, Object> cityRecord() {
    Map<String, Object> record = countryRecord();
    Map<String, Object> subdivision = component("iso_code", subdivisionIso, subdivisionName);
    if (!subdivision.isEmpty()) {
      record.put("subdivisions", List.of(subdivision));
    }
    Map<String, Object> city = component(null, null, cityName);
    if (!city.isEmpty()) {
      record.put("city", city);
    }
    return record;
  }

  /** The record of a GeoIP2 Country database: continent and country only. */
  public Map<String, Object> countryRecord() {
    Map<String, Object> record = new LinkedHashMap<>();
    Map<String, Object> continent = component("code", continentCode, continentName);
    if (!continent.isEmpty()) {
      record.put("continent", continent);
    }
    Map<String, Object> country = component("iso_code", countryIso, countryName);
    if (!country.isEmpty()) {
      record.put("country", country);
    }
    return record;
  }

  private static Map<String, Object> component(String codeKey, String code, String englishName) {
    Map<String, Object> component = new LinkedHashMap<>();
    if (code != null) {
      component.put(codeKey, code);
    }
    if (englishName != null) {
      component.put("names", Map.of("en", englishName));
    }
    return component;
  }
}
