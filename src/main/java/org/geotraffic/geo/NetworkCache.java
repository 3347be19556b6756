package org.geotraffic.geo;

/**
 * The database's answers by network, shared by the lookups of one {@link GeoDatabase}. A MaxMind DB answers
 * for a whole network (the search tree's leaf: every address in it has the same record), and clients cluster in
 * few networks, so the answer for one address serves the next addresses of its network without walking the tree
 * and decoding the record again (benchmark, 2M lines: 78% of IPv4 and 83% of IPv6 lookups).
 *
 * <p>Direct-mapped: IPv4 by /16 (one slot each), IPv6 by a hash of the /32; a new network replaces the slot's
 * old one. Only networks of at least 256 addresses are kept (IPv4 up to a /24, IPv6 up to a /64, which may still
 * be one subscriber's), never a single address. It lives in the executor's memory for the run and is never written.
 *
 * <p>Thread-safe without locks: entries are immutable records, and a slot read while another thread replaces it
 * gives the old entry or the new one, each correct for the networks it names (a miss only costs a lookup).
 */
final class NetworkCache {
  static final int MAX_V4_PREFIX = 24;
  static final int MAX_V6_PREFIX = 64;
  private static final int V6_SLOT_BITS = 14;

  private final Entry[] v4 = new Entry[1 << 16];
  private final Entry[] v6 = new Entry[1 << V6_SLOT_BITS];

  /**
   * One network's answer.
   *
   * @param network the network's first address, its top 64 bits (IPv4: in the high 32)
   * @param location the answer; null when the database has no record with a country there
   */
  record Entry(long network, int prefixLength, GeoLocation location) {
    boolean contains(long top) {
      return (top & mask(prefixLength)) == network;
    }
  }

  /** The cached answer for the network of this address (4 or 16 bytes), or null when none is cached. */
  Entry find(byte[] address) {
    long top = top64(address);
    Entry e = address.length == 4 ? v4[v4Slot(top)] : v6[v6Slot(top)];
    return e != null && e.contains(top) ? e : null;
  }

  /**
   * Remembers the database's answer for the network of prefixLength bits that holds the address (4 or 16
   * bytes); smaller networks, and prefix lengths out of range, are not kept.
   */
  void put(byte[] address, int prefixLength, GeoLocation location) {
    boolean isV4 = address.length == 4;
    if (prefixLength < 0 || prefixLength > (isV4 ? MAX_V4_PREFIX : MAX_V6_PREFIX)) {
      return;
    }
    long top = top64(address);
    Entry e = new Entry(top & mask(prefixLength), prefixLength, location);
    if (isV4) {
      v4[v4Slot(top)] = e;
    } else {
      v6[v6Slot(top)] = e;
    }
  }

  private static int v4Slot(long top) {
    return (int) (top >>> 48);
  }

  private static int v6Slot(long top) {
    return (int) (((top >>> 32) * 0x9E3779B97F4A7C15L) >>> (64 - V6_SLOT_BITS));
  }

  /** The address's first 64 bits (an IPv4 address's 32 in the high half). */
  static long top64(byte[] address) {
    long top = 0;
    int n = Math.min(address.length, 8);
    for (int i = 0; i < n; i++) {
      top = (top << 8) | (address[i] & 0xFF);
    }
    return top << (8 * (8 - n));
  }

  static long mask(int prefixLength) {
    return prefixLength == 0 ? 0L : -1L << (64 - prefixLength);
  }
}
