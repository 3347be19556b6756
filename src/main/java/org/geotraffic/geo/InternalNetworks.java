package org.geotraffic.geo;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configured internal networks, CIDR → name ("10.20.0.0/16 → office-berlin"), with a longest-prefix lookup fast
 * enough for every log line (sorted disjoint ranges, bisection). IPv4-mapped IPv6 addresses match IPv4 networks.
 * Immutable, thread-safe.
 */
public final class InternalNetworks {

  /** No internal networks. */
  public static final InternalNetworks NONE = of(Map.of());

  private final Map<Cidr, String> networks;
  private final AddressRanges<String> ranges;

  private InternalNetworks(Map<Cidr, String> networks) {
    this.networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    List<Cidr> cidrs = new ArrayList<>(networks.keySet());
    List<String> names = new ArrayList<>(networks.values());
    this.ranges = AddressRanges.build(cidrs, names);
  }

  /**
   * From parsed networks.
   *
   * @throws IllegalArgumentException when a name is null or blank
   */
  public static InternalNetworks of(Map<Cidr, String> networks) {
    networks.forEach(
        (cidr, name) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Cannot build internal networks: empty name, " + cidr);
          }
        });
    return new InternalNetworks(networks);
  }

  /**
   * Parses CIDR → name pairs as configuration writes them.
   *
   * @throws IllegalArgumentException naming every bad entry at once: "Cannot parse CIDR: why, value", or
   *     "Cannot parse internal network: ..." for a blank name or a network given twice with different names
   */
  public static InternalNetworks parse(Map<String, String> cidrToName) {
    Map<Cidr, String> parsed = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    cidrToName.forEach(
        (value, name) -> {
          Cidr cidr;
          try {
            cidr = Cidr.parse(value);
          } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return;
          }
          if (name == null || name.isBlank()) {
            errors.add("Cannot parse internal network: empty name, " + value);
            return;
          }
          String before = parsed.putIfAbsent(cidr, name.trim());
          if (before != null && !before.equals(name.trim())) {
            errors.add("Cannot parse internal network: same network named " + before + " and " + name.trim() + ", " + value);
          }
        });
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return new InternalNetworks(parsed);
  }

  /** The name of the most specific network holding the address, or null when none does. */
  public String nameOf(InetAddress address) {
    byte[] b = address.getAddress();
    return ranges.get(Cidr.highOfAddress(b), Cidr.lowOfAddress(b));
  }

  /** The networks as given. */
  public Map<Cidr, String> networks() {
    return networks;
  }
}
