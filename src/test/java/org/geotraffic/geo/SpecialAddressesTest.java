package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialAddressesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.1, INTERNAL",
    "10.255.255.255, INTERNAL",
    "172.16.0.1, INTERNAL",
    "172.31.255.255, INTERNAL",
    "172.15.255.255, PUBLIC",
    "172.32.0.0, PUBLIC",
    "192.168.1.1, INTERNAL",
    "127.0.0.1, INTERNAL",
    "127.255.0.1, INTERNAL",
    "169.254.10.1, INTERNAL",
    "100.64.0.1, INTERNAL",
    "100.127.255.255, INTERNAL",
    "100.63.255.255, PUBLIC",
    "100.128.0.0, PUBLIC",
    "0.0.0.0, RESERVED",
    "0.1.2.3, RESERVED",
    "192.0.0.9, RESERVED",
    "192.0.2.1, RESERVED",
    "198.51.100.7, RESERVED",
    "203.0.113.255, RESERVED",
    "198.18.0.1, RESERVED",
    "198.19.255.255, RESERVED",
    "198.20.0.0, PUBLIC",
    "192.88.99.1, RESERVED",
    "224.0.0.1, RESERVED",
    "239.255.255.250, RESERVED",
    "240.0.0.1, RESERVED",
    "255.255.255.255, RESERVED",
    "85.181.35.98, PUBLIC",
    "8.8.8.8, PUBLIC",
    "223.255.255.255, PUBLIC",
    "::1, INTERNAL",
    "fe80::1, INTERNAL",
    "febf::1, INTERNAL",
    "fec0::1, INTERNAL",
    "fc00::1, INTERNAL",
    "fd12:3456::1, INTERNAL",
    "64:ff9b:1::1, INTERNAL",
    ":: , RESERVED",
    "::1.2.3.4, RESERVED",
    "100::1, RESERVED",
    "ff02::1, RESERVED",
    "4000::1, RESERVED",
    "2001:db8::1, RESERVED",
    "2001:db8:ffff::1, RESERVED",
    "2001:2::1, RESERVED",
    "2001:1ff::1, RESERVED",
    "2001:200::1, PUBLIC",
    "3fff::1, RESERVED",
    "3fff:fff::1, RESERVED",
    "3fff:1000::1, PUBLIC",
    "2a03:0:10ff:f00f::8000, PUBLIC",
    "2001:480:10::1, PUBLIC",
    "::ffff:10.1.2.3, INTERNAL",
    "::ffff:85.181.35.98, PUBLIC",
    "2002:0a00:0001::1, INTERNAL",
    "2002:55b5:2362::1, PUBLIC",
    "2002:c000:0201::1, RESERVED",
    "64:ff9b::10.0.0.1, INTERNAL",
    "64:ff9b::8.8.8.8, PUBLIC",
  })
  void address_isClassified(String literal, AddressClass expected) {
    assertEquals(expected, SpecialAddresses.classify(IpLiterals.parse(literal.trim())));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2002:55b5:2362::1, 85.181.35.98",
    "2002:c000:0201:1234:5678:9abc:def0:1, 192.0.2.1",
    // Teredo: server 65.54.227.120, client 192.0.2.45 stored inverted as 3fff:fdd2
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, 192.0.2.45",
    "64:ff9b::85.181.35.98, 85.181.35.98",
  })
  void transitionAddress_unwrapsToItsIpv4(String literal, String expected) {
    InetAddress unwrapped = SpecialAddresses.unwrap(IpLiterals.parse(literal));
    assertInstanceOf(Inet4Address.class, unwrapped);
    assertEquals(expected, unwrapped.getHostAddress());
  }

  @Test
  void teredoClient_isClassifiedByItsIpv4() {
    assertEquals(
        AddressClass.RESERVED, SpecialAddresses.classify(IpLiterals.parse("2001:0:4136:e378:8000:63bf:3fff:fdd2")));
  }

  @Test
  void mappedInet6Address_unwrapsToIpv4() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 85, (byte) 181, 35, 98};
    Inet6Address v6 = Inet6Address.getByAddress(null, mapped, -1);
    InetAddress unwrapped = SpecialAddresses.unwrap(v6);
    assertInstanceOf(Inet4Address.class, unwrapped);
    assertEquals("85.181.35.98", unwrapped.getHostAddress());
    assertEquals(AddressClass.PUBLIC, SpecialAddresses.classify(v6));
  }

  @Test
  void plainAddresses_areReturnedAsTheyAre() {
    InetAddress v4 = IpLiterals.parse("85.181.35.98");
    InetAddress v6 = IpLiterals.parse("2a03::1");
    InetAddress compatible = IpLiterals.parse("::1.2.3.4");
    assertSame(v4, SpecialAddresses.unwrap(v4));
    assertSame(v6, SpecialAddresses.unwrap(v6));
    assertSame(compatible, SpecialAddresses.unwrap(compatible));
  }
}
