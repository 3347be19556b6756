package org.geotraffic.geo;

import java.net.InetAddress;

/**
 * An IPv4 or IPv6 network in CIDR notation ("10.0.0.0/8", "2001:db8::/32"; a bare address is /32 or /128).
 *
 * <p>IPv4 and IPv6 share one 128-bit number space in which {@code a.b.c.d/n} is the IPv4-mapped network
 * {@code ::ffff:a.b.c.d/(96+n)}: so an IPv4-mapped IPv6 client ({@code ::ffff:10.1.2.3}) matches an IPv4 CIDR, as it
 * is the same host. Other IPv6 transition forms (6to4, Teredo) do not match IPv4 CIDRs; unwrap them with
 * {@link SpecialAddresses#unwrap} first if wanted.
 *
 * <p>Parsing is strict because the values come from configuration: no port, brackets or zone id, and no bits set
 * beyond the prefix ("10.0.0.1/8" is rejected: it is usually a typo for a /32 or a different network).
 *
 * @param high upper 64 bits of the network address in the shared space
 * @param low lower 64 bits of the network address in the shared space
 * @param prefixLength prefix length in the shared space, 0–128 (IPv4 /n is 96+n)
 */
public record Cidr(long high, long low, int prefixLength) {

  private static final long MAPPED_HIGH = 0L;
  private static final long MAPPED_LOW = 0x0000_ffff_0000_0000L;

  public Cidr {
    if (prefixLength < 0 || prefixLength > 128) {
      throw new IllegalArgumentException("Cannot build CIDR: prefix length out of range 0-128, " + prefixLength);
    }
    if ((high & ~maskHigh(prefixLength)) != 0 || (low & ~maskLow(prefixLength)) != 0) {
      throw new IllegalArgumentException("Cannot build CIDR: bits set beyond the prefix length, /" + prefixLength);
    }
  }

  /**
   * Parses CIDR notation.
   *
   * @throws IllegalArgumentException "Cannot parse CIDR: <why>, <value>"
   */
  public static Cidr parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("Cannot parse CIDR: missing value, null");
    }
    String s = value.trim();
    int slash = s.indexOf('/');
    int addressEnd = slash < 0 ? s.length() : slash;
    if (addressEnd == 0) {
      throw error("no address before the prefix length", value);
    }
    for (int i = 0; i < addressEnd; i++) {
      char c = s.charAt(i);
      if (c == '[' || c == ']' || c == '%') {
        throw error("brackets and zone ids are not allowed", value);
      }
    }
    byte[] bytes = new byte[16];
    int kind = IpLiterals.parseInto(s, 0, addressEnd, bytes);
    if (kind == IpLiterals.NONE || (kind == IpLiterals.V4 && s.lastIndexOf(':', addressEnd - 1) >= 0)) {
      throw error("not an IP address", value);
    }
    int max = kind == IpLiterals.V4 ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String digits = s.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw error("prefix length is not a number", value);
      }
      prefix = Integer.parseInt(digits);
      if (prefix > max) {
        throw error("prefix length out of range 0-" + max, value);
      }
    }
    int shared = kind == IpLiterals.V4 ? prefix + 96 : prefix;
    long high = highOf(bytes);
    long low = lowOf(bytes);
    if ((high & ~maskHigh(shared)) != 0 || (low & ~maskLow(shared)) != 0) {
      throw error("address has bits set beyond the prefix length", value);
    }
    return new Cidr(high, low, shared);
  }

  /** Whether the address lies in this network (an IPv4-mapped IPv6 address counts as its IPv4 address). */
  public boolean contains(InetAddress address) {
    byte[] b = address.getAddress();
    long h = b.length == 4 ? MAPPED_HIGH : highOf(b);
    long l = b.length == 4 ? MAPPED_LOW | v4Bits(b) : lowOf(b);
    return contains(h, l);
  }

  boolean contains(long h, long l) {
    return (h & maskHigh(prefixLength)) == high && (l & maskLow(prefixLength)) == low;
  }

  /** Whether this is an IPv4 network (in the IPv4-mapped part of the shared space). */
  public boolean isIpv4() {
    return prefixLength >= 96 && high == MAPPED_HIGH && (low & 0xffff_ffff_0000_0000L) == MAPPED_LOW;
  }

  /** Last address of the network, upper 64 bits. */
  long lastHigh() {
    return high | ~maskHigh(prefixLength);
  }

  /** Last address of the network, lower 64 bits. */
  long lastLow() {
    return low | ~maskLow(prefixLength);
  }

  /** CIDR notation: "10.0.0.0/8" for IPv4, "2001:db8:0:0:0:0:0:0/32" (JDK style) for IPv6. */
  @Override
  public String toString() {
    if (isIpv4()) {
      return ((low >>> 24) & 0xff) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "." + (low & 0xff)
          + "/" + (prefixLength - 96);
    }
    StringBuilder sb = new StringBuilder(40);
    for (int g = 0; g < 8; g++) {
      long word = g < 4 ? high : low;
      int shift = 48 - 16 * (g % 4);
      if (g > 0) {
        sb.append(':');
      }
      sb.append(Long.toHexString((word >>> shift) & 0xffff));
    }
    return sb.append('/').append(prefixLength).toString();
  }

  static long maskHigh(int prefix) {
    return prefix == 0 ? 0L : prefix >= 64 ? -1L : -1L << (64 - prefix);
  }

  static long maskLow(int prefix) {
    return prefix <= 64 ? 0L : -1L << (128 - prefix);
  }

  static long highOf(byte[] b16) {
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (b16[i] & 0xff);
    }
    return h;
  }

  static long lowOf(byte[] b16) {
    long l = 0;
    for (int i = 8; i < 16; i++) {
      l = (l << 8) | (b16[i] & 0xff);
    }
    return l;
  }

  /** The shared-space upper bits of any address (IPv4 as mapped). */
  static long highOfAddress(byte[] b) {
    return b.length == 4 ? MAPPED_HIGH : highOf(b);
  }

  /** The shared-space lower bits of any address (IPv4 as mapped). */
  static long lowOfAddress(byte[] b) {
    return b.length == 4 ? MAPPED_LOW | v4Bits(b) : lowOf(b);
  }

  private static long v4Bits(byte[] b) {
    return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
  }

  private static IllegalArgumentException error(String why, String value) {
    return new IllegalArgumentException("Cannot parse CIDR: " + why + ", " + value);
  }
}
