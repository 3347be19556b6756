package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

  /** Expected text is InetAddress#getHostAddress(): IPv4 dotted, IPv6 full uncompressed lower-case hex groups. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0|0.0.0.0",
        "1.2.3.4|1.2.3.4",
        "255.255.255.255|255.255.255.255",
        "85.181.35.98|85.181.35.98",
        "10.0.0.1|10.0.0.1",
        "192.0.2.1:8080|192.0.2.1",
        "192.0.2.1:0|192.0.2.1",
        "192.0.2.1:65535|192.0.2.1",
        "::|0:0:0:0:0:0:0:0",
        "::1|0:0:0:0:0:0:0:1",
        "2001:db8::1|2001:db8:0:0:0:0:0:1",
        "2001:DB8::A|2001:db8:0:0:0:0:0:a",
        "2001:0db8:0000:0000:0000:0000:0000:0001|2001:db8:0:0:0:0:0:1",
        "2a03:0000:10ff:f00f:0000:0000:0:8000|2a03:0:10ff:f00f:0:0:0:8000",
        "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
        "1::|1:0:0:0:0:0:0:0",
        "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
        "1:2:3::6:7:8|1:2:3:0:0:6:7:8",
        "fe80::1%eth0|fe80:0:0:0:0:0:0:1",
        "::1%0|0:0:0:0:0:0:0:1",
        "[::1]|0:0:0:0:0:0:0:1",
        "[2001:db8::1]:443|2001:db8:0:0:0:0:0:1",
        "[fe80::1%25en0]|fe80:0:0:0:0:0:0:1",
        "[fe80::1%eth0]:8080|fe80:0:0:0:0:0:0:1",
        "::ffff:1.2.3.4|1.2.3.4",
        "::FFFF:85.181.35.98|85.181.35.98",
        "[::ffff:192.0.2.1]:80|192.0.2.1",
        "::ffff:0102:0304|1.2.3.4",
        "64:ff9b::192.0.2.33|64:ff9b:0:0:0:0:c000:221",
        "::1.2.3.4|0:0:0:0:0:0:102:304",
        "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
      })
  void validLiteral_isParsedToItsAddress(String text, String expected) {
    InetAddress address = IpLiterals.parse(text);
    assertEquals(expected, address.getHostAddress());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        " 1.2.3.4",
        "1.2.3.4 ",
        "010.1.1.1",
        "1.2.3.04",
        "00.1.2.3",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.-1",
        "1..2.3",
        "1.2.3.4.",
        "127.1",
        "0x7f.0.0.1",
        "1.2.3.4:",
        "1.2.3.4:65536",
        "1.2.3.4:080",
        "1.2.3.4:http",
        "1.2.3.4%eth0",
        ":",
        ":::",
        ":1",
        "1:",
        "1::2::3",
        "1:::2",
        "12345::",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        "::g",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3",
        "::1.2.3.4:5",
        "::010.1.1.1",
        "fe80::1%",
        "[::1",
        "::1]",
        "[::1]:",
        "[::1]x",
        "[1.2.3.4]",
        "[]",
        "localhost",
        "example.com",
        "unknown",
        "-",
        "2001:db8::１",
      })
  void nonLiteral_isNull(String text) {
    assertNull(IpLiterals.parse(text));
  }

  @Test
  void null_isNull() {
    assertNull(IpLiterals.parse(null));
  }

  @Test
  void mappedIpv4_comesBackAsInet4Address() {
    assertInstanceOf(Inet4Address.class, IpLiterals.parse("::ffff:1.2.3.4"));
    assertInstanceOf(Inet6Address.class, IpLiterals.parse("::1.2.3.4"));
  }

  @Test
  void zoneId_isDropped() {
    Inet6Address address = (Inet6Address) IpLiterals.parse("fe80::1%eth0");
    assertEquals(0, address.getScopeId());
    assertNull(address.getScopedInterface());
  }

  @Test
  void rangeParse_readsOnlyTheGivenRange() {
    String list = "10.0.0.2, 85.181.35.98";
    assertEquals("85.181.35.98", IpLiterals.parse(list, 10, list.length()).getHostAddress());
    assertEquals("10.0.0.2", IpLiterals.parse(list, 0, 8).getHostAddress());
    assertNull(IpLiterals.parse(list, 0, 9));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "localhost",
        "example.com",
        "example.com.",
        "www.cs.ny.us",
        "a",
        "xn--p1ai",
        "host-1.example.org",
        "1host.example",
        "3com.com",
        "MiXeD.Example.COM",
        "a.b.c.d.e.f.g",
        "ppp3_186.example.or.jp",
        "dial_in-2.example.gov.au",
        "_sip._tcp.example.org",
        "HOST_1.EXAMPLE.DE.",
      })
  void validHostName_looksLikeHostName(String name) {
    assertTrue(IpLiterals.looksLikeHostName(name));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        ".",
        ".example.com",
        "example..com",
        "example.com..",
        "-example.com",
        "example-.com",
        "exa mple.com",
        "1.2.3.4",
        "010.1.1.1",
        "example.123",
        "::1",
        "[::1]",
        "1.2.3.4:80",
        "ex@mple.com",
        "münchen.de",
      })
  void invalidHostName_doesNotLookLikeHostName(String name) {
    assertFalse(IpLiterals.looksLikeHostName(name));
  }

  @Test
  void hostNameLimits_areRfc1123() {
    String label63 = "a".repeat(63);
    assertTrue(IpLiterals.looksLikeHostName(label63 + ".com"));
    assertFalse(IpLiterals.looksLikeHostName(label63 + "a.com"));
    String name253 = (label63 + ".").repeat(3) + "a".repeat(61);
    assertEquals(253, name253.length());
    assertTrue(IpLiterals.looksLikeHostName(name253));
    assertTrue(IpLiterals.looksLikeHostName(name253 + "."));
    assertFalse(IpLiterals.looksLikeHostName(name253 + "a"));
    assertFalse(IpLiterals.looksLikeHostName(null));
  }
}
