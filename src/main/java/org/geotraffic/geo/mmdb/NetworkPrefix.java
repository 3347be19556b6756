package org.geotraffic.geo.mmdb;

/**
 * A network as a path in the 128-bit MaxMind DB search tree: the address as two big-endian 64-bit halves and
 * the number of leading bits that identify it.
 *
 * <p>IPv4 networks are placed under {@code ::/96} ({@code ::a.b.c.d}, prefix {@code 96 + len}), which is
 * where MaxMind DB readers look up IPv4 addresses in an {@code ip_version 6} tree.
 *
 * <p>Parsing accepts address literals only and never resolves names: strict dotted-quad IPv4 (no leading
 * zeros, which some parsers read as octal) and RFC 4291 IPv6 text, including {@code ::} and a trailing
 * dotted quad. Host bits must be zero, so a typo such as {@code 192.0.2.1/24} is rejected instead of being
 * silently widened.
 *
 * @param high the first 64 bits of the address
 * @param low the last 64 bits of the address
 * @param bits prefix length in the 128-bit tree, 0 to 128
 */
record NetworkPrefix(long high, long low, int bits) {

  NetworkPrefix {
    if (bits < 0 || bits > 128) {
      throw new IllegalArgumentException("prefix length must be 0 to 128, got " + bits);
    }
  }

  /** Bit {@code index} of the address, counted from the most significant bit (0) to the least (127). */
  int bit(int index) {
    long half = index < 64 ? high : low;
    return (int) (half >>> (63 - (index & 63))) & 1;
  }

  /**
   * Parses {@code address/length}.
   *
   * @throws IllegalArgumentException "Cannot insert network: &lt;why&gt;, &lt;cidr&gt;"
   */
  static NetworkPrefix parse(String cidr) {
    if (cidr == null) {
      throw new IllegalArgumentException("Cannot insert network: no network given, null");
    }
    int slash = cidr.indexOf('/');
    if (slash < 0 || cidr.indexOf('/', slash + 1) >= 0) {
      throw invalid("expected address/prefix-length", cidr);
    }
    String address = cidr.substring(0, slash);
    String length = cidr.substring(slash + 1);
    boolean ipv4 = address.indexOf(':') < 0;
    int maxLength = ipv4 ? 32 : 128;
    int prefixLength = parsePrefixLength(length, maxLength, cidr);
    long high;
    long low;
    if (ipv4) {
      high = 0;
      low = parseIpv4(address, cidr) & 0xFFFF_FFFFL;
    } else {
      long[] halves = parseIpv6(address, cidr);
      high = halves[0];
      low = halves[1];
    }
    int treeBits = ipv4 ? 96 + prefixLength : prefixLength;
    if (hasHostBits(high, low, treeBits)) {
      throw invalid("host bits are set after the first " + prefixLength + " bits", cidr);
    }
    return new NetworkPrefix(high, low, treeBits);
  }

  private static int parsePrefixLength(String text, int maxLength, String cidr) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw invalid("prefix length must be a decimal number from 0 to " + maxLength, cidr);
    }
    int value = Integer.parseInt(text);
    if (value > maxLength) {
      throw invalid("prefix length must be a decimal number from 0 to " + maxLength, cidr);
    }
    return value;
  }

  private static boolean hasHostBits(long high, long low, int bits) {
    if (bits >= 128) {
      return false;
    }
    if (bits >= 64) {
      return (low & (-1L >>> (bits - 64))) != 0;
    }
    return low != 0 || (high & (-1L >>> bits)) != 0;
  }

  private static int parseIpv4(String text, String cidr) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw invalid("not an IPv4 or IPv6 address literal", cidr);
    }
    int value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0')) {
        throw invalid("not an IPv4 or IPv6 address literal", cidr);
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw invalid("IPv4 octet out of range 0-255", cidr);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static long[] parseIpv6(String text, String cidr) {
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      throw invalid("an IPv6 address may contain '::' only once", cidr);
    }
    int[] groups = new int[8];
    if (doubleColon < 0) {
      int count = parseGroups(text, groups, 0, cidr);
      if (count != 8) {
        throw invalid("an IPv6 address without '::' needs 8 groups", cidr);
      }
    } else {
      int[] head = new int[8];
      int[] tail = new int[8];
      int headCount = parseGroups(text.substring(0, doubleColon), head, 0, cidr);
      int tailCount = parseGroups(text.substring(doubleColon + 2), tail, 0, cidr);
      if (headCount + tailCount > 7) {
        throw invalid("too many groups around '::'", cidr);
      }
      System.arraycopy(head, 0, groups, 0, headCount);
      System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | groups[i];
      low = (low << 16) | groups[i + 4];
    }
    return new long[] {high, low};
  }

  /** Parses colon-separated hex groups (the last may be a dotted quad, counting as two); returns the count. */
  private static int parseGroups(String text, int[] groups, int start, String cidr) {
    if (text.isEmpty()) {
      return 0;
    }
    String[] parts = text.split(":", -1);
    int count = start;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.indexOf('.') >= 0) {
        if (count > 6) {
          throw invalid("too many groups in IPv6 address", cidr);
        }
        int v4 = parseIpv4(part, cidr);
        groups[count++] = v4 >>> 16;
        groups[count++] = v4 & 0xFFFF;
        continue;
      }
      if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(NetworkPrefix::isHexDigit)) {
        throw invalid("not an IPv4 or IPv6 address literal", cidr);
      }
      if (count > 7) {
        throw invalid("too many groups in IPv6 address", cidr);
      }
      groups[count++] = Integer.parseInt(part, 16);
    }
    return count;
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static IllegalArgumentException invalid(String why, String cidr) {
    return new IllegalArgumentException("Cannot insert network: " + why + ", " + cidr);
  }
}
