package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CidrSetTest {

  private static final CidrSet PRIVATE =
      CidrSet.parse(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "fc00::/7", "::1"));

  @Test
  void members_areFound() {
    for (String member : List.of("10.0.0.1", "10.255.255.255", "172.31.0.1", "192.168.1.1", "127.0.0.1", "fd00::1", "::1", "::ffff:10.0.0.2")) {
      assertTrue(PRIVATE.contains(IpLiterals.parse(member)), member);
    }
  }

  @Test
  void nonMembers_areNotFound() {
    for (String other : List.of("11.0.0.0", "9.255.255.255", "172.32.0.0", "85.181.35.98", "fe80::1", "::2", "2001:db8::1", "0.0.0.0")) {
      assertFalse(PRIVATE.contains(IpLiterals.parse(other)), other);
    }
  }

  @Test
  void literalRange_isTestedWithoutParsingAnAddressObject() {
    String s = "x 10.0.0.2:8080 y";
    assertTrue(PRIVATE.containsLiteral(s, 2, 15));
    assertTrue(PRIVATE.containsLiteral("[::1]:443", 0, 9));
    assertFalse(PRIVATE.containsLiteral("proxy.example.com", 0, 17));
    assertFalse(CidrSet.EMPTY.containsLiteral("10.0.0.1", 0, 8));
  }

  @Test
  void overlappingAndNestedCidrs_areMerged() {
    CidrSet set = CidrSet.parse(List.of("10.0.0.0/16", "10.0.0.0/8", "10.1.0.0/16", "10.0.0.0/8", "11.0.0.0/8"));
    assertTrue(set.contains(IpLiterals.parse("10.200.0.1")));
    assertTrue(set.contains(IpLiterals.parse("11.255.255.255")));
    assertFalse(set.contains(IpLiterals.parse("12.0.0.0")));
  }

  @Test
  void fullSpace_containsEverything() {
    CidrSet set = CidrSet.parse(List.of("::/0", "ffff::/16"));
    assertTrue(set.contains(IpLiterals.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
    assertTrue(set.contains(IpLiterals.parse("0.0.0.0")));
  }

  @Test
  void everyBadValue_isReportedAtOnce() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CidrSet.parse(List.of("10.0.0.0/8", "10.0.0.1/8", "nope")));
    assertEquals(
        "Cannot parse CIDR: address has bits set beyond the prefix length, 10.0.0.1/8; "
            + "Cannot parse CIDR: not an IP address, nope",
        e.getMessage());
  }

  @Test
  void randomSets_agreeWithLinearScan() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<Cidr> cidrs = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(12); i++) {
        int prefix = 96 + random.nextInt(33);
        long bits = (random.nextInt() & 0xffffffffL) & (prefix == 96 ? 0 : (-1L << (128 - prefix)) & 0xffffffffL);
        // keep addresses within a small /16 so that CIDRs overlap often
        bits = (bits & 0x0000ffffL) | 0x0a000000L;
        bits &= prefix == 96 ? 0 : (-1L << (128 - prefix)) & 0xffffffffL;
        cidrs.add(new Cidr(0, 0x0000_ffff_0000_0000L | bits, prefix));
      }
      CidrSet set = CidrSet.of(cidrs);
      for (int probe = 0; probe < 200; probe++) {
        long v4 = 0x0a000000L | random.nextInt(0x10000);
        if (probe % 10 == 0) {
          v4 = random.nextInt() & 0xffffffffL;
        }
        String literal = ((v4 >>> 24) & 0xff) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + "." + (v4 & 0xff);
        boolean expected = cidrs.stream().anyMatch(c -> c.contains(IpLiterals.parse(literal)));
        assertEquals(expected, set.contains(IpLiterals.parse(literal)), cidrs + " " + literal);
      }
    }
  }
}
