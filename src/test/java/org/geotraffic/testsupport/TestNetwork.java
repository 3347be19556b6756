package org.geotraffic.testsupport;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.geotraffic.geo.IpLiterals;

/**
 * A CIDR network of test data as numbers, for tests that probe addresses in, at the edges of and around it.
 *
 * @param low the first address
 * @param size the number of addresses
 * @param bytes 4 (IPv4) or 16 (IPv6)
 */
public record TestNetwork(BigInteger low, BigInteger size, int bytes) {
  /** {@code "192.0.2.0/24"}, {@code "2001:db8::/32"}. */
  public static TestNetwork parse(String cidr) {
    int slash = cidr.indexOf('/');
    byte[] first = IpLiterals.parse(cidr.substring(0, slash)).getAddress();
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    return new TestNetwork(new BigInteger(1, first), BigInteger.ONE.shiftLeft(first.length * 8 - prefix), first.length);
  }

  /** The address {@code offset} after the first (negative: before it), wrapped around the address space. */
  public InetAddress at(BigInteger offset) {
    return address(low.add(offset), bytes);
  }

  /** The address of this number, taken modulo the address space of {@code bytes} (4 or 16) bytes. */
  public static InetAddress address(BigInteger value, int bytes) {
    byte[] raw = value.mod(BigInteger.ONE.shiftLeft(bytes * 8)).toByteArray();
    byte[] out = new byte[bytes];
    int n = Math.min(raw.length, bytes);
    System.arraycopy(raw, raw.length - n, out, bytes - n, n);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes", e);
    }
  }
}
