package org.geotraffic.geo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a client host name (from logs written with reverse DNS on) to a country and region by its suffix alone,
 * never by DNS. In this order, the first that matches decides:
 *
 * <ol>
 *   <li>admin rules of {@link HostSuffixRules}, longest suffix first ({@code example.org → DE/DE-BE});
 *   <li>the longest of: regional suffixes ({@code regional-suffixes.tsv}: {@code ny.us → US-NY}, {@code on.ca →
 *       CA-ON}, {@code nsw.gov.au → AU-NSW}, {@code tokyo.jp → JP-13}, ...), the ccTLD exceptions
 *       ({@code country-suffixes.tsv}: {@code uk → GB}; ccTLDs sold worldwide such as {@code io}, {@code tv},
 *       {@code co}, {@code eu} → unknown, while their national second levels such as {@code gov.co} keep the country;
 *       internationalised ccTLDs such as {@code xn--p1ai → RU}), the generic-TLD opt-ins of the rules, and every
 *       ISO 3166-1 code as a ccTLD ({@code de → DE});
 *   <li>otherwise unknown: generic TLDs (com, net, org, ...), bare names without a dot ({@code localhost}), and
 *       anything that is not a valid host name.
 * </ol>
 *
 * <p>Matching is by whole labels, ASCII case-insensitive, a trailing dot is ignored. Callers check {@link
 * IpLiterals#parse} first: a string that is an IP literal is not a host name ({@code 1.2.3.4} ends in a numeric
 * label and maps to unknown here anyway). Lookups allocate nothing. Immutable and thread-safe; the built-in
 * tables are loaded once per JVM.
 */
public final class HostSuffixGeo {

  private final SuffixTable<GeoLocation> admin;
  private final SuffixTable<GeoLocation> builtIn;

  /** Built-in data only: no admin rules, no generic-TLD opt-ins. */
  public HostSuffixGeo() {
    this(HostSuffixRules.DEFAULTS);
  }

  public HostSuffixGeo(HostSuffixRules rules) {
    this.admin = new SuffixTable<>(rules.adminRules());
    Map<String, GeoLocation> table = new HashMap<>(Defaults.TABLE);
    if (!rules.regionalSuffixes()) {
      Defaults.REGIONAL.forEach((suffix, location) -> table.put(suffix, GeoLocation.countryOnly(location.country())));
    }
    rules.genericTlds().forEach((tld, country) -> table.put(tld, GeoLocation.countryOnly(country)));
    this.builtIn = new SuffixTable<>(table);
  }

  /**
   * Locates a host name.
   *
   * @param hostName a host name as logged, may be null
   * @return the location; {@link GeoLocation#UNKNOWN_LOCATION} when nothing matches or the name is not valid
   */
  public GeoLocation locate(String hostName) {
    if (!IpLiterals.looksLikeHostName(hostName)) {
      return GeoLocation.UNKNOWN_LOCATION;
    }
    int end = hostName.length();
    if (hostName.charAt(end - 1) == '.') {
      end--;
    }
    if (hostName.lastIndexOf('.', end - 1) < 0) {
      return GeoLocation.UNKNOWN_LOCATION; // a bare name says nothing about where it is
    }
    GeoLocation found = admin.longestSuffix(hostName, end);
    if (found == null) {
      found = builtIn.longestSuffix(hostName, end);
    }
    return found == null ? GeoLocation.UNKNOWN_LOCATION : found;
  }

  /** The built-in suffix table, loaded once per JVM. */
  static final class Defaults {
    static final Map<String, GeoLocation> REGIONAL = load("regional-suffixes.tsv", true);
    static final Map<String, GeoLocation> COUNTRY = load("country-suffixes.tsv", false);
    static final Map<String, GeoLocation> TABLE = buildTable();

    private static Map<String, GeoLocation> buildTable() {
      Map<String, GeoLocation> table = new HashMap<>(1024);
      for (String country : Iso3166.countries()) {
        table.put(country.toLowerCase(Locale.ROOT), GeoLocation.countryOnly(country));
      }
      table.putAll(COUNTRY);
      table.putAll(REGIONAL);
      return Map.copyOf(table);
    }

    /** Reads suffix TAB code [TAB note] rows; code is a subdivision (regional) or a country or (unknown). */
    private static Map<String, GeoLocation> load(String resource, boolean regional) {
      Map<String, GeoLocation> map = new HashMap<>(512);
      for (String[] parts : TsvResource.rows(HostSuffixGeo.class, resource, "host suffix data")) {
        map.put(parts[0], toLocation(parts[1], regional, resource));
      }
      return Map.copyOf(map);
    }

    private static GeoLocation toLocation(String code, boolean regional, String resource) {
      if (GeoLocation.UNKNOWN.equals(code)) {
        return GeoLocation.UNKNOWN_LOCATION;
      }
      if (Iso3166.isCountry(code)) {
        return GeoLocation.countryOnly(code);
      }
      if (regional && Iso3166.isSubdivision(code)) {
        return new GeoLocation(code.substring(0, code.indexOf('-')), code);
      }
      throw new IllegalStateException("Cannot load host suffix data: unknown code " + code + ", " + resource);
    }

    private Defaults() {}
  }
}
