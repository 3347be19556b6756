package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalNetworksTest {

  private static InternalNetworks networks() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("10.0.0.0/8", "corporate");
    config.put("10.20.0.0/16", "office-berlin");
    config.put("10.20.5.0/24", "berlin-lab");
    config.put("10.30.0.0/16", "office-paris");
    config.put("2001:db8::/32", "v6-corporate");
    config.put("2001:db8:1::/48", "v6-lab");
    return InternalNetworks.parse(config);
  }

  @Test
  void longestPrefix_namesTheAddress() {
    InternalNetworks n = networks();
    assertEquals("corporate", n.nameOf(IpLiterals.parse("10.0.0.1")));
    assertEquals("office-berlin", n.nameOf(IpLiterals.parse("10.20.4.255")));
    assertEquals("berlin-lab", n.nameOf(IpLiterals.parse("10.20.5.7")));
    assertEquals("office-berlin", n.nameOf(IpLiterals.parse("10.20.6.0")));
    assertEquals("office-paris", n.nameOf(IpLiterals.parse("10.30.255.255")));
    assertEquals("corporate", n.nameOf(IpLiterals.parse("10.31.0.0")));
    assertEquals("corporate", n.nameOf(IpLiterals.parse("10.255.255.255")));
    assertEquals("berlin-lab", n.nameOf(IpLiterals.parse("::ffff:10.20.5.1")));
    assertEquals("v6-lab", n.nameOf(IpLiterals.parse("2001:db8:1::5")));
    assertEquals("v6-corporate", n.nameOf(IpLiterals.parse("2001:db8:2::5")));
  }

  @Test
  void addressOutsideAllNetworks_hasNoName() {
    InternalNetworks n = networks();
    assertNull(n.nameOf(IpLiterals.parse("11.0.0.0")));
    assertNull(n.nameOf(IpLiterals.parse("9.255.255.255")));
    assertNull(n.nameOf(IpLiterals.parse("2001:db9::1")));
    assertNull(InternalNetworks.NONE.nameOf(IpLiterals.parse("10.0.0.1")));
  }

  @Test
  void badEntries_areReportedAtOnce() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("10.0.0.0/8", "a");
    config.put("10.0.0.0/08", "b");
    config.put("10.0.0.1/8", "c");
    config.put("192.168.0.0/16", " ");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InternalNetworks.parse(config));
    assertEquals(
        "Cannot parse internal network: same network named a and b, 10.0.0.0/08; "
            + "Cannot parse CIDR: address has bits set beyond the prefix length, 10.0.0.1/8; "
            + "Cannot parse internal network: empty name, 192.168.0.0/16",
        e.getMessage());
  }
}
