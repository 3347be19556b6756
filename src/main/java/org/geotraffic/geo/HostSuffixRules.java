package org.geotraffic.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy {@link HostSuffixGeo} applies to host names, on top of its built-in ccTLD and regional-suffix data.
 *
 * <ul>
 *   <li>{@code adminRules}: suffix → location, e.g. {@code example.org → DE/DE-BE}. They win over everything else;
 *       among them the longest matching suffix wins. Keys are lower-case suffixes without leading or trailing dot.
 *   <li>{@code genericTlds}: an opt-in for generic TLDs, e.g. {@code edu, gov, mil → US}. Without one a generic TLD
 *       (com, net, org, edu, info, ...) maps to unknown: its registrants are anywhere. A key may also override a
 *       ccTLD's default.
 *   <li>{@code regionalSuffixes}: whether regional second-level domains ({@code ny.us}, {@code on.ca}) give a
 *       region; when false they give only their country.
 * </ul>
 *
 * @param adminRules suffix → location, copied
 * @param genericTlds top-level label → ISO 3166-1 country, copied
 * @param regionalSuffixes use the regional-suffix table
 */
public record HostSuffixRules(
    Map<String, GeoLocation> adminRules, Map<String, String> genericTlds, boolean regionalSuffixes) {

  /** No admin rules, no generic opt-ins, regional suffixes on. */
  public static final HostSuffixRules DEFAULTS = new HostSuffixRules(Map.of(), Map.of(), true);

  public HostSuffixRules {
    adminRules = Map.copyOf(adminRules);
    genericTlds = Map.copyOf(genericTlds);
  }

  /** A builder that validates every rule and reports all bad ones at once. */
  /**
   * Rules from configuration: admin rules ("suffix" to "CC" or "CC/CC-RR") and generic-TLD opt-ins
   * ("tld" to "CC"). Throws IllegalArgumentException naming every bad rule.
   */
  public static HostSuffixRules of(Map<String, String> adminRules, Map<String, String> genericTlds) {
    Builder b = builder();
    adminRules.forEach(b::adminRule);
    genericTlds.forEach(b::genericTld);
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects rules as configuration writes them; {@link #build()} checks them against ISO 3166. */
  public static final class Builder {
    private final Map<String, String> admin = new LinkedHashMap<>();
    private final Map<String, String> generic = new LinkedHashMap<>();
    private boolean regional = true;

    private Builder() {}

    /**
     * Adds an admin rule.
     *
     * @param suffix a domain suffix ("example.org"; a leading "*." or "." and a trailing "." are ignored)
     * @param location "CC", "CC/CC-RRR" (ISO 3166-1 / ISO 3166-2), "(internal)" or "(internal)/network-name"
     */
    public Builder adminRule(String suffix, String location) {
      admin.put(suffix, location);
      return this;
    }

    /** Maps a generic TLD ("edu") to a country ("US"). */
    public Builder genericTld(String tld, String country) {
      generic.put(tld, country);
      return this;
    }

    /** Whether regional second-level domains give a region (default true). */
    public Builder regionalSuffixes(boolean use) {
      regional = use;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming every bad rule: "Cannot parse host suffix rule: why, suffix = value"
     */
    public HostSuffixRules build() {
      List<String> errors = new ArrayList<>();
      Map<String, GeoLocation> rules = new LinkedHashMap<>();
      admin.forEach(
          (suffix, value) -> {
            String key = normaliseSuffix(suffix);
            String why = key == null ? "not a domain suffix" : null;
            GeoLocation location = null;
            if (why == null) {
              location = parseLocation(value);
              why = location == null ? whyBadLocation(value) : null;
            }
            if (why != null) {
              errors.add("Cannot parse host suffix rule: " + why + ", " + suffix + " = " + value);
            } else if (rules.containsKey(key)) {
              errors.add("Cannot parse host suffix rule: suffix given twice, " + suffix + " = " + value);
            } else {
              rules.put(key, location);
            }
          });
      Map<String, String> tlds = new LinkedHashMap<>();
      generic.forEach(
          (tld, country) -> {
            String key = normaliseSuffix(tld);
            if (key == null || key.indexOf('.') >= 0) {
              errors.add("Cannot parse generic TLD rule: not a single label, " + tld + " = " + country);
            } else if (!Iso3166.isCountry(country)) {
              errors.add("Cannot parse generic TLD rule: not an ISO 3166-1 alpha-2 code, " + tld + " = " + country);
            } else {
              tlds.put(key, country);
            }
          });
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", errors));
      }
      return new HostSuffixRules(rules, tlds, regional);
    }
  }

  /** Lower-case suffix without "*.", leading or trailing dot, or null when it is not a valid domain name. */
  static String normaliseSuffix(String suffix) {
    if (suffix == null) {
      return null;
    }
    String s = suffix.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("*.")) {
      s = s.substring(2);
    } else if (s.startsWith(".")) {
      s = s.substring(1);
    }
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return IpLiterals.looksLikeHostName(s) ? s : null;
  }

  private static GeoLocation parseLocation(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    int slash = v.indexOf('/');
    String country = slash < 0 ? v : v.substring(0, slash);
    String region = slash < 0 ? null : v.substring(slash + 1);
    if (GeoLocation.INTERNAL.equals(country)) {
      if (region == null) {
        return GeoLocation.INTERNAL_LOCATION;
      }
      return region.isBlank() ? null : new GeoLocation(GeoLocation.INTERNAL, region);
    }
    if (!Iso3166.isCountry(country)) {
      return null;
    }
    if (region == null) {
      return GeoLocation.countryOnly(country);
    }
    return Iso3166.isSubdivision(region) && region.startsWith(country + "-")
        ? new GeoLocation(country, region)
        : null;
  }

  private static String whyBadLocation(String value) {
    String v = value == null ? "" : value.trim();
    int slash = v.indexOf('/');
    String country = slash < 0 ? v : v.substring(0, slash);
    if (!GeoLocation.INTERNAL.equals(country) && !Iso3166.isCountry(country)) {
      return "not an ISO 3166-1 alpha-2 code or (internal)";
    }
    if (GeoLocation.INTERNAL.equals(country)) {
      return "empty internal network name";
    }
    return "not an ISO 3166-2 code of that country";
  }
}
