package org.geotraffic.geo;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ISO 3166 reference data: country codes with English names and continents, and subdivision codes with their
 * names and parents. Used to validate every code the job emits or reads from configuration, and to label reports.
 *
 * <p>Data: {@code iso3166-countries.tsv} and {@code iso3166-subdivisions.tsv} beside this class, derived from
 * Debian iso-codes 4.15.0 (LGPL-2.1-or-later) and, for continents, the npm package countries-list 3.4.1 (MIT); each
 * file's header names its source. Codes are upper case; lookups are exact (no case folding) because codes are
 * compared as keys elsewhere too. XK (Kosovo) counts as a country: MaxMind databases emit it.
 *
 * <p>Loaded once per JVM on first use (holder idiom), immutable afterwards, thread-safe.
 */
public final class Iso3166 {

  /** Two-letter continent codes as MaxMind and countries-list use them. */
  public static final Set<String> CONTINENTS =
      Collections.unmodifiableSet(new TreeSet<>(Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA")));

  private Iso3166() {}

  /** {@code code} is an ISO 3166-1 alpha-2 country code ("DE"), or XK. */
  public static boolean isCountry(String code) {
    return code != null && Data.COUNTRIES.containsKey(code);
  }

  /** {@code code} is an ISO 3166-2 subdivision code with its country prefix ("US-NY", "GB-ENG", "JP-13"). */
  public static boolean isSubdivision(String code) {
    return code != null && Data.SUBDIVISIONS.containsKey(code);
  }

  /** English short name ("Germany", "Bolivia"), or null for an unknown code. */
  public static String countryName(String country) {
    String[] row = country == null ? null : Data.COUNTRIES.get(country);
    return row == null ? null : row[1];
  }

  /** Continent code (one of {@link #CONTINENTS}) of a country, or null for an unknown code. */
  public static String continentOf(String country) {
    String[] row = country == null ? null : Data.COUNTRIES.get(country);
    return row == null ? null : row[0];
  }

  /** ISO 3166-2 name of a subdivision ("New York", "Bayern", "Tokyo"), or null for an unknown code. */
  public static String subdivisionName(String code) {
    String[] row = code == null ? null : Data.SUBDIVISIONS.get(code);
    return row == null ? null : row[0];
  }

  /** Parent subdivision ("IT-RM" → "IT-62"), or null for a first-level subdivision or an unknown code. */
  public static String parentOf(String code) {
    String[] row = code == null ? null : Data.SUBDIVISIONS.get(code);
    return row == null ? null : row[1];
  }

  /** All country codes, sorted. */
  public static Set<String> countries() {
    return Data.COUNTRY_CODES;
  }

  /** All subdivision codes, sorted. */
  public static Set<String> subdivisions() {
    return Data.SUBDIVISION_CODES;
  }

  /** Loaded by the JVM on first access to a field, exactly once. */
  private static final class Data {
    static final Map<String, String[]> COUNTRIES = load("iso3166-countries.tsv", 3);
    static final Map<String, String[]> SUBDIVISIONS = load("iso3166-subdivisions.tsv", 3);
    static final Set<String> COUNTRY_CODES = Collections.unmodifiableSet(new TreeSet<>(COUNTRIES.keySet()));
    static final Set<String> SUBDIVISION_CODES = Collections.unmodifiableSet(new TreeSet<>(SUBDIVISIONS.keySet()));

    /** Reads code TAB value TAB value rows; an empty last column becomes null. */
    private static Map<String, String[]> load(String resource, int columns) {
      Map<String, String[]> map = new HashMap<>(8192);
      for (String[] parts : TsvResource.rows(Iso3166.class, resource, "ISO 3166 data")) {
        if (parts.length != columns) {
          throw new IllegalStateException("Cannot load ISO 3166 data: expected " + columns + " columns, " + resource);
        }
        String last = parts[2].isEmpty() ? null : parts[2];
        map.put(parts[0], new String[] {parts[1], last});
      }
      return Collections.unmodifiableMap(map);
    }
  }
}
