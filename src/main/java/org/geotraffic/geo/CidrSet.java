package org.geotraffic.geo;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks (e.g. trusted proxies) with a membership test fast enough for every log line:
 * the networks are merged into sorted disjoint ranges and searched by bisection, without allocation for
 * {@link #containsLiteral}. IPv4-mapped IPv6 addresses match IPv4 networks (see {@link Cidr}). Immutable, thread-safe.
 */
public final class CidrSet {

  /** The set with no networks. */
  public static final CidrSet EMPTY = of(List.of());

  private final List<Cidr> cidrs;
  private final AddressRanges<Boolean> ranges;

  private CidrSet(List<Cidr> cidrs) {
    this.cidrs = Collections.unmodifiableList(new ArrayList<>(cidrs));
    this.ranges = AddressRanges.build(this.cidrs, Collections.nCopies(this.cidrs.size(), Boolean.TRUE));
  }

  /** A set of the given networks; overlaps and duplicates are fine. */
  public static CidrSet of(Collection<Cidr> cidrs) {
    return new CidrSet(new ArrayList<>(cidrs));
  }

  /**
   * Parses CIDR strings.
   *
   * @throws IllegalArgumentException naming every bad value at once, "Cannot parse CIDR: why, value; ..."
   */
  public static CidrSet parse(Collection<String> values) {
    List<Cidr> parsed = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String value : values) {
      try {
        parsed.add(Cidr.parse(value));
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return new CidrSet(parsed);
  }

  /** Whether any network holds the address. */
  public boolean contains(InetAddress address) {
    byte[] b = address.getAddress();
    return ranges.get(Cidr.highOfAddress(b), Cidr.lowOfAddress(b)) != null;
  }

  /**
   * Whether {@code s[from, to)} is an IP literal (any form {@link IpLiterals} accepts) that some network holds; false
   * for host names and garbage.
   */
  public boolean containsLiteral(String s, int from, int to) {
    if (ranges.size() == 0) {
      return false;
    }
    byte[] bytes = new byte[16];
    if (IpLiterals.parseInto(s, from, to, bytes) == IpLiterals.NONE) {
      return false;
    }
    return ranges.get(Cidr.highOf(bytes), Cidr.lowOf(bytes)) != null;
  }

  /** Whether the set has no networks. */
  public boolean isEmpty() {
    return cidrs.isEmpty();
  }

  /** The networks as given. */
  public List<Cidr> cidrs() {
    return cidrs;
  }

  @Override
  public String toString() {
    return "CidrSet" + cidrs;
  }
}
