package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.0/8, 10.0.0.0/8",
    " 192.168.0.0/16 , 192.168.0.0/16",
    "0.0.0.0/0, 0.0.0.0/0",
    "85.181.35.98, 85.181.35.98/32",
    "2001:db8::/32, 2001:db8:0:0:0:0:0:0/32",
    "::/0, 0:0:0:0:0:0:0:0/0",
    "2001:db8::1, 2001:db8:0:0:0:0:0:1/128",
    "::ffff:10.0.0.0/104, 10.0.0.0/8",
  })
  void validCidr_isParsed(String text, String expected) {
    assertEquals(expected, Cidr.parse(text).toString());
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.1/8|address has bits set beyond the prefix length",
        "10.0.0.0/33|prefix length out of range 0-32",
        "2001:db8::/129|prefix length out of range 0-128",
        "10.0.0.0/|prefix length is not a number",
        "10.0.0.0/x|prefix length is not a number",
        "10.0.0.0/-1|prefix length is not a number",
        "/8|no address before the prefix length",
        "example.com/8|not an IP address",
        "010.0.0.0/8|not an IP address",
        "10.0.0.0:80/8|not an IP address",
        "[2001:db8::]/32|brackets and zone ids are not allowed",
        "fe80::%eth0/64|brackets and zone ids are not allowed",
      })
  void invalidCidr_isRejectedWithReason(String text, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    assertEquals("Cannot parse CIDR: " + why + ", " + text, e.getMessage());
  }

  @Test
  void ipv4Cidr_containsIpv4AndMappedIpv6() {
    Cidr cidr = Cidr.parse("10.0.0.0/8");
    assertTrue(cidr.isIpv4());
    assertTrue(cidr.contains(IpLiterals.parse("10.1.2.3")));
    assertTrue(cidr.contains(IpLiterals.parse("::ffff:10.1.2.3")));
    assertFalse(cidr.contains(IpLiterals.parse("11.0.0.0")));
    assertFalse(cidr.contains(IpLiterals.parse("9.255.255.255")));
    assertFalse(cidr.contains(IpLiterals.parse("::10.1.2.3")));
    assertFalse(cidr.contains(IpLiterals.parse("2002:0a01:0203::1")));
  }

  @Test
  void ipv6Cidr_containsOnlyItsRange() {
    Cidr cidr = Cidr.parse("2001:db8::/32");
    assertFalse(cidr.isIpv4());
    assertTrue(cidr.contains(IpLiterals.parse("2001:db8::1")));
    assertTrue(cidr.contains(IpLiterals.parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
    assertFalse(cidr.contains(IpLiterals.parse("2001:db9::")));
    assertFalse(cidr.contains(IpLiterals.parse("10.0.0.1")));
  }

  @Test
  void oddPrefixLengths_matchExactly() {
    Cidr v4 = Cidr.parse("100.64.0.0/10");
    assertTrue(v4.contains(IpLiterals.parse("100.127.255.255")));
    assertFalse(v4.contains(IpLiterals.parse("100.128.0.0")));
    Cidr v6 = Cidr.parse("fe80::/10");
    assertTrue(v6.contains(IpLiterals.parse("febf::1")));
    assertFalse(v6.contains(IpLiterals.parse("fec0::1")));
    Cidr v6Low = Cidr.parse("2001:db8::ff00/120");
    assertTrue(v6Low.contains(IpLiterals.parse("2001:db8::ffff")));
    assertFalse(v6Low.contains(IpLiterals.parse("2001:db8::1:0")));
  }

  @Test
  void allAddresses_matchSlashZero() {
    assertTrue(Cidr.parse("::/0").contains(IpLiterals.parse("1.2.3.4")));
    assertTrue(Cidr.parse("0.0.0.0/0").contains(IpLiterals.parse("255.255.255.255")));
    assertFalse(Cidr.parse("0.0.0.0/0").contains(IpLiterals.parse("2001:db8::1")));
  }
}
