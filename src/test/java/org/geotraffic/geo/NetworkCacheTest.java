package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotraffic.testsupport.TestDatabases;
import org.geotraffic.testsupport.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups through the network cache give exactly the database's answers, in an order chosen to mislead a wrong
 * cache (neighbouring networks of different sizes in one slot), and the cache never keeps a small network.
 */
class NetworkCacheTest {
  @TempDir Path dir;

  /** Networks of many sizes sharing IPv4 /16 slots and IPv6 /32s, with gaps (no record) between them. */
  private static final List<String> V4 = List.of("10.1.0.0/17", "10.1.128.0/18", "10.1.192.0/24", "10.1.193.0/25",
      "10.1.194.0/23", "10.1.200.7/32", "11.0.0.0/8", "12.0.0.0/28", "12.0.0.64/26");
  private static final List<String> V6 = List.of("2a00::/20", "2a00:1000::/36", "2a00:1001::/48", "2a00:1001:1::/64",
      "2a00:1001:2::/80", "2c0f:fb50::/32");
  private static final List<String> COUNTRIES = List.of("DE", "FR", "IT", "ES", "PL", "NL", "US", "SE", "BR", "GB",
      "JP", "KE", "CA", "AU", "IN");

  @Test
  void cachedLookups_giveTheDatabasesAnswers_country() throws Exception {
    TestDatabases.CountryDatabase b = TestDatabases.country("GeoLite2-Country");
    List<String> networks = networks();
    for (int i = 0; i < networks.size(); i++) {
      b.network(networks.get(i), COUNTRIES.get(i));
    }
    try (GeoDatabase db = GeoDatabase.open(b.write(dir).toFile())) {
      assertTrue(db.readsFieldsOnly());
      for (InetAddress a : misleadingOrder(networks)) {
        assertEquals(db.findFields(a), db.lookup(a), () -> "cached answer at " + a.getHostAddress());
      }
    }
  }

  @Test
  void cachedLookups_giveTheDatabasesAnswers_flat() throws Exception {
    TestDatabases.FlatDatabase b = TestDatabases.flat("ipinfo-lite");
    List<String> networks = networks();
    for (int i = 0; i < networks.size(); i++) {
      b.network(networks.get(i), Map.of("country_code", COUNTRIES.get(i)));
    }
    try (GeoDatabase db = GeoDatabase.open(b.write(dir).toFile())) {
      assertEquals(DatabaseKind.FLAT, db.info().kind());
      for (InetAddress a : misleadingOrder(networks)) {
        assertEquals(db.find(a), db.lookup(a), () -> "cached answer at " + a.getHostAddress());
      }
    }
  }

  @Test
  void keepsNetworksOfAtLeast256Addresses_only() {
    NetworkCache cache = new NetworkCache();
    GeoLocation de = GeoLocation.countryOnly("DE");
    byte[] a = IpLiterals.parse("10.1.2.3").getAddress();
    cache.put(a, 25, de);
    assertNull(cache.find(a), "an IPv4 /25 is not kept");
    cache.put(a, 24, de);
    assertEquals(de, cache.find(a).location());
    assertEquals(NetworkCache.top64(IpLiterals.parse("10.1.2.0").getAddress()), cache.find(a).network(),
        "the entry holds the network, not the address");
    assertNull(cache.find(IpLiterals.parse("10.1.3.3").getAddress()), "outside the /24");

    byte[] b = IpLiterals.parse("2a00:1001:1:0:1234::5").getAddress();
    cache.put(b, 65, de);
    assertNull(cache.find(b), "an IPv6 /65 is not kept");
    cache.put(b, 64, null);
    NetworkCache.Entry e = cache.find(b);
    assertNotNull(e, "a /64 without a record is kept");
    assertNull(e.location());
    assertEquals(NetworkCache.top64(IpLiterals.parse("2a00:1001:1::").getAddress()), e.network());
    cache.put(b, -1, de);
    assertNull(cache.find(b).location(), "an invalid prefix length changes nothing");
  }

  @Test
  void aNewNetworkReplacesItsSlot() {
    NetworkCache cache = new NetworkCache();
    byte[] first = IpLiterals.parse("10.1.2.3").getAddress();
    byte[] second = IpLiterals.parse("10.1.9.3").getAddress();
    cache.put(first, 24, GeoLocation.countryOnly("DE"));
    cache.put(second, 24, GeoLocation.countryOnly("FR"));
    assertNull(cache.find(first), "one /16, one slot");
    assertEquals("FR", cache.find(second).location().country());
    byte[] wide = IpLiterals.parse("11.200.0.1").getAddress();
    cache.put(wide, 8, GeoLocation.countryOnly("US"));
    assertEquals("US", cache.find(IpLiterals.parse("11.200.255.254").getAddress()).location().country());
    assertNull(cache.find(IpLiterals.parse("11.7.0.1").getAddress()), "another /16 of the /8 has its own slot");
  }

  private static List<String> networks() {
    List<String> all = new ArrayList<>(V4);
    all.addAll(V6);
    return all;
  }

  /**
   * Each network's first and last address, its neighbours outside it, and random addresses inside and around
   * it, shuffled (so slots change hands between networks of different sizes), then all again.
   */
  private static List<InetAddress> misleadingOrder(List<String> networks) throws Exception {
    Random random = new Random(7);
    List<InetAddress> addresses = new ArrayList<>();
    for (String cidr : networks) {
      TestNetwork network = TestNetwork.parse(cidr);
      BigInteger size = network.size();
      for (BigInteger offset : List.of(BigInteger.ZERO, size.subtract(BigInteger.ONE), size, size.negate())) {
        addresses.add(network.at(offset));
      }
      for (int i = 0; i < 100; i++) {
        addresses.add(network.at(new BigInteger(size.bitLength() + 2, random)));
      }
    }
    Collections.shuffle(addresses, random);
    List<InetAddress> twice = new ArrayList<>(addresses);
    Collections.shuffle(addresses, random);
    twice.addAll(addresses);
    return twice;
  }

}
