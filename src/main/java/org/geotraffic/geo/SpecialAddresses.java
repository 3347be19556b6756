package org.geotraffic.geo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Classifies addresses by the IANA special-purpose registries (RFC 6890 and successors), and unwraps IPv6
 * transition addresses that carry a client's IPv4 address.
 *
 * <p>This says what kind of network an address is in, not where it is: the locator applies configured internal
 * networks first, then the geolocation database, and only then this class, so that a test database may map
 * documentation ranges to places.
 *
 * <p>{@link #unwrap} turns these into their IPv4 address:
 *
 * <ul>
 *   <li>IPv4-mapped {@code ::ffff:a.b.c.d} (RFC 4291): the same host seen through a dual-stack socket;
 *   <li>6to4 {@code 2002:AABB:CCDD::/16} (RFC 3056): the IPv4 address of the client's own 6to4 router;
 *   <li>Teredo {@code 2001:0::/32} (RFC 4380): the client's public IPv4 address, stored inverted in the last 32 bits;
 *   <li>NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052): the IPv4 host behind the translator.
 * </ul>
 *
 * IPv4-compatible addresses {@code ::a.b.c.d} are <em>not</em> unwrapped: RFC 4291 deprecated them, nothing sends from
 * them today, and {@code ::1} would otherwise read as 0.0.0.1. They classify as {@link AddressClass#RESERVED}.
 *
 * <p>Stateless and thread-safe; no DNS.
 */
public final class SpecialAddresses {

  // IPv4 ranges as {network, prefix length}; checked in order, first match wins.
  private static final int[][] V4_INTERNAL = {
    {0x0A000000, 8}, // 10/8 private, RFC 1918
    {0x64400000, 10}, // 100.64/10 shared address space (CGNAT), RFC 6598
    {0x7F000000, 8}, // 127/8 loopback
    {0xA9FE0000, 16}, // 169.254/16 link-local
    {0xAC100000, 12}, // 172.16/12 private, RFC 1918
    {0xC0A80000, 16}, // 192.168/16 private, RFC 1918
  };

  private static final int[][] V4_RESERVED = {
    {0x00000000, 8}, // 0/8 "this network", incl. unspecified 0.0.0.0
    {0xC0000000, 24}, // 192.0.0/24 IETF protocol assignments
    {0xC0000200, 24}, // 192.0.2/24 documentation TEST-NET-1
    {0xC0586300, 24}, // 192.88.99/24 deprecated 6to4 relay anycast, RFC 7526
    {0xC6120000, 15}, // 198.18/15 benchmarking, RFC 2544
    {0xC6336400, 24}, // 198.51.100/24 documentation TEST-NET-2
    {0xCB007100, 24}, // 203.0.113/24 documentation TEST-NET-3
    {0xE0000000, 4}, // 224/4 multicast
    {0xF0000000, 4}, // 240/4 reserved, incl. limited broadcast 255.255.255.255
  };

  private SpecialAddresses() {}

  /**
   * Classifies an address; transition addresses (see {@link #unwrap}) are classified by their IPv4 address.
   *
   * @param address an IPv4 or IPv6 address, not null
   */
  public static AddressClass classify(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return classifyV4(v4At(b, 0));
    }
    int embedded = embeddedOffset(b);
    if (embedded >= 0) {
      int v4 = v4At(b, embedded);
      return classifyV4(embedded == TEREDO ? ~v4 : v4);
    }
    return classifyV6(b);
  }

  /**
   * The IPv4 address carried by an IPv4-mapped, 6to4, Teredo or NAT64 well-known-prefix IPv6 address; any other
   * address is returned as it is (same instance).
   */
  public static InetAddress unwrap(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    int at = embeddedOffset(b);
    if (at < 0) {
      return address;
    }
    int bits = at == TEREDO ? ~v4At(b, at) : v4At(b, at);
    byte[] v4 = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Cannot build an IPv4 address: wrong byte count", e);
    }
  }

  /** Marker offset for Teredo (embedded address at byte 12, stored inverted). */
  private static final int TEREDO = 112;

  /** Offset of the embedded IPv4 address in a 16-byte address, {@link #TEREDO}, or -1 for none. */
  private static int embeddedOffset(byte[] b) {
    if (isMapped(b)) {
      return 12;
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return 2; // 6to4 2002::/16
    }
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
      return TEREDO; // Teredo 2001:0::/32
    }
    if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12)) {
      return 12; // NAT64 well-known prefix 64:ff9b::/96
    }
    return -1;
  }

  private static boolean isMapped(byte[] b) {
    return zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static AddressClass classifyV4(int a) {
    if (inAny(a, V4_INTERNAL)) {
      return AddressClass.INTERNAL;
    }
    if (inAny(a, V4_RESERVED)) {
      return AddressClass.RESERVED;
    }
    return AddressClass.PUBLIC;
  }

  private static AddressClass classifyV6(byte[] b) {
    int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    if (zero(b, 0, 15) && b[15] == 1) {
      return AddressClass.INTERNAL; // ::1 loopback
    }
    if ((first & 0xfe00) == 0xfc00 // fc00::/7 unique local
        || (first & 0xffc0) == 0xfe80 // fe80::/10 link-local
        || (first & 0xffc0) == 0xfec0) { // fec0::/10 deprecated site-local, still never routed
      return AddressClass.INTERNAL;
    }
    int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    int third = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
    if (first == 0x0064 && second == 0xff9b && third == 0x0001) {
      return AddressClass.INTERNAL; // 64:ff9b:1::/48 local-use NAT64, RFC 8215
    }
    if ((first & 0xe000) != 0x2000) {
      return AddressClass.RESERVED; // outside 2000::/3: ::, IPv4-compatible, 100::/64, ff00::/8, 5f00::/16, unassigned
    }
    if ((first == 0x2001 && second == 0x0db8) // 2001:db8::/32 documentation
        || (first == 0x2001 && second < 0x0200) // 2001::/23 IETF protocol assignments (Teredo unwrapped before)
        || (first == 0x3fff && second < 0x1000)) { // 3fff::/20 documentation, RFC 9637
      return AddressClass.RESERVED;
    }
    return AddressClass.PUBLIC;
  }

  private static boolean inAny(int address, int[][] ranges) {
    for (int[] r : ranges) {
      int mask = -1 << (32 - r[1]);
      if ((address & mask) == r[0]) {
        return true;
      }
    }
    return false;
  }

  private static int v4At(byte[] b, int at) {
    int i = at == TEREDO ? 12 : at;
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
