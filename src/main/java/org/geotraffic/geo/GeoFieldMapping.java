package org.geotraffic.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the country and the region are in the records of a database read as plain maps ({@link
 * DatabaseKind#FLAT}): IPinfo's free country database ({@code country}), ip-location-db ({@code country_code},
 * {@code state1}), or a GeoIP2-shaped database of a type GeoIP2's reader refuses ({@code country.iso_code},
 * {@code subdivisions.0.iso_code}).
 *
 * <p>A field is a path of map keys and list indexes separated by dots. The country value must be an ISO 3166-1
 * alpha-2 code (any case); anything else means "no location". The region value is read as {@link #regionKind}
 * says. Immutable and thread-safe.
 *
 * @param countryField path of the ISO 3166-1 alpha-2 code, e.g. {@code country_code}
 * @param regionField path of the first-level region, or null when the database has none
 * @param regionKind how to read the region value
 */
public record GeoFieldMapping(String countryField, String regionField, RegionKind regionKind)
    implements java.io.Serializable {

  /** The exceptionally reserved code some databases write for the United Kingdom, and its ISO 3166-1 code. */
  private static final String UNITED_KINGDOM_RESERVED = "UK";

  private static final String UNITED_KINGDOM = "GB";

  /** How a region value is written in the database. */
  public enum RegionKind {
    /** An ISO 3166-2 code with or without the country prefix ("US-CA" or "CA"). */
    ISO_CODE("iso-code"),
    /** An English (or ISO 3166-2) subdivision name ("California", "Bavaria"), mapped by {@link SubdivisionNames}. */
    NAME("name"),
    /** A valid ISO 3166-2 code is taken as a code, anything else as a name. */
    AUTO("auto");

    private final String key;

    RegionKind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The kind for a configuration value (iso-code, name, auto), or null. */
    public static RegionKind of(String key) {
      for (RegionKind k : values()) {
        if (k.key.equals(key)) {
          return k;
        }
      }
      return null;
    }
  }

  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  private static final Pattern REGION_CODE = Pattern.compile("[A-Z0-9]{1,3}");

  /** The mapping GeoIP2-shaped records need when read as maps. */
  public static final GeoFieldMapping GEOIP2 =
      new GeoFieldMapping("country.iso_code", "subdivisions.0.iso_code", RegionKind.ISO_CODE);

  public GeoFieldMapping {
    if (countryField == null || !PATH.matcher(countryField).matches()) {
      throw new IllegalArgumentException("not a field path (keys and list indexes joined by dots), '" + countryField + "'");
    }
    if (regionField != null && !PATH.matcher(regionField).matches()) {
      throw new IllegalArgumentException("not a field path (keys and list indexes joined by dots), '" + regionField + "'");
    }
    if (regionKind == null) {
      regionKind = RegionKind.AUTO;
    }
  }

  /** Human-readable form for the console and the run summary: "country=country_code, region=state1 (name)". */
  public String describe() {
    return "country=" + countryField + ", region=" + (regionField == null ? "(none)" : regionField + " (" + regionKind.key() + ")");
  }

  /**
   * The location in a record, or null when the record has no valid country. For the GeoIP2 shape a region without
   * {@code iso_code} falls back to the English name ({@code subdivisions.0.names.en}), as DB-IP Lite writes it.
   */
  public GeoLocation locate(Map<?, ?> record) {
    String country = countryOf(value(record, countryField));
    if (country == null) {
      return null;
    }
    if (regionField == null) {
      return GeoLocation.countryOnly(country);
    }
    Object raw = value(record, regionField);
    String region = regionOf(country, raw instanceof String s ? s : null, regionKind);
    if (region == null && this.equals(GEOIP2)) {
      Object name = value(record, "subdivisions.0.names.en");
      region = regionOf(country, name instanceof String s ? s : null, RegionKind.NAME);
    }
    return region == null ? GeoLocation.countryOnly(country) : new GeoLocation(country, region);
  }

  /**
   * An ISO 3166-1 alpha-2 country code from a database value, or null. {@code UK}, which ISO 3166 reserves
   * exceptionally for the United Kingdom and some databases write, is {@code GB}; the other reserved and pseudo
   * codes ({@code EU}, {@code AP}, ...) name no country and stay null, i.e. "(unknown)".
   */
  static String countryOf(Object value) {
    if (!(value instanceof String s) || s.length() != 2) {
      return null;
    }
    String cc = s.toUpperCase(Locale.ROOT);
    if (cc.equals(UNITED_KINGDOM_RESERVED)) {
      return UNITED_KINGDOM;
    }
    return Iso3166.isCountry(cc) ? cc : null;
  }

  /**
   * An ISO 3166-2 code with the country prefix from a database value, or null when it says nothing usable.
   * Codes are kept as the database writes them when they look like codes (MaxMind may use a code newer than our
   * ISO table); names must be known subdivisions of the country.
   */
  public static String regionOf(String country, String value, RegionKind kind) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (kind != RegionKind.NAME) {
      String upper = v.toUpperCase(Locale.ROOT);
      String code = upper.startsWith(country + "-") ? upper.substring(3) : upper;
      if (REGION_CODE.matcher(code).matches()
          && (kind == RegionKind.ISO_CODE || Iso3166.isSubdivision(country + "-" + code))) {
        return country + "-" + code;
      }
      if (kind == RegionKind.ISO_CODE) {
        return null;
      }
    }
    return SubdivisionNames.codeOf(country, v);
  }

  /** The value at a dotted path of map keys and list indexes, or null. */
  static Object value(Object root, String path) {
    Object current = root;
    int from = 0;
    while (current != null && from <= path.length()) {
      int dot = path.indexOf('.', from);
      String part = dot < 0 ? path.substring(from) : path.substring(from, dot);
      if (current instanceof Map<?, ?> m) {
        current = m.get(part);
      } else if (current instanceof List<?> l && isIndex(part)) {
        int i = Integer.parseInt(part);
        current = i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
      if (dot < 0) {
        return current;
      }
      from = dot + 1;
    }
    return current;
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 6 && s.chars().allMatch(Character::isDigit);
  }

  /**
   * Guesses the mapping from sample records: the GeoIP2 shape ({@code country} is a map with {@code iso_code}),
   * else a known flat field holding two-letter country codes, with a known region field beside it. Null when no
   * field fits.
   */
  static GeoFieldMapping detect(List<Map<?, ?>> samples) {
    if (samples.stream().anyMatch(r -> countryOf(value(r, "country.iso_code")) != null)) {
      return GEOIP2;
    }
    for (String field : List.of("country_code", "country", "country_iso_code", "countryCode", "country_short", "cc")) {
      if (samples.stream().anyMatch(r -> countryOf(value(r, field)) != null)) {
        String region = null;
        for (String candidate : List.of("region_code", "subdivision_1_iso_code", "state1", "region", "state", "subdivision",
            "region_name", "subdivision_1_name")) {
          if (samples.stream().anyMatch(r -> value(r, candidate) instanceof String s && !s.isBlank())) {
            region = candidate;
            break;
          }
        }
        return new GeoFieldMapping(field, region, RegionKind.AUTO);
      }
    }
    return null;
  }

  /** The top-level keys of sample records, for an error message that helps set geoip.fields.*. */
  static List<String> keysOf(List<Map<?, ?>> samples) {
    List<String> keys = new ArrayList<>();
    for (Map<?, ?> r : samples) {
      for (Object k : r.keySet()) {
        String key = String.valueOf(k);
        if (!keys.contains(key) && keys.size() < 20) {
          keys.add(key);
        }
      }
    }
    return keys;
  }
}
