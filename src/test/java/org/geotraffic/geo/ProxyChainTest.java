package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases modelled on nginx lines with X-Forwarded-For style client lists. */
class ProxyChainTest {

  private static final ProxyChain PRIVATE_TRUSTED =
      new ProxyChain(CidrSet.parse(List.of("10.0.0.0/8", "127.0.0.0/8", "172.16.0.0/12", "::1")));
  private static final ProxyChain NOTHING_TRUSTED = new ProxyChain(CidrSet.EMPTY);

  @ParameterizedTest(name = "[{0}] xff [{1}] -> {2} / {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // client field is itself a list, every entry trusted: the left-most
        "10.0.0.2, 10.0.0.1, 127.0.0.1|NULL|10.0.0.2|127.0.0.1",
        // a public address at the end of the client list
        "10.0.0.2, 10.0.0.1, 85.181.35.98|NULL|85.181.35.98|85.181.35.98",
        // single docker-bridge peer, XFF "-"
        "172.17.0.1|-|172.17.0.1|172.17.0.1",
        "85.181.35.98|NULL|85.181.35.98|85.181.35.98",
        // CloudFront: trusted peer, XFF list: the right-most untrusted XFF entry
        "10.2.1.185|10.5.102.222, 199.96.1.1, 204.246.1.1|204.246.1.1|10.2.1.185",
        // IPv6 client behind an internal hop
        "10.2.2.121|2a03:0000:10ff:f00f:0000:0000:0:8000, 10.225.192.17|2a03:0000:10ff:f00f:0000:0000:0:8000|10.2.2.121",
        "127.0.0.1|NULL|127.0.0.1|127.0.0.1",
        // forged XFF from an untrusted peer is ignored
        "85.181.35.98|1.2.3.4|85.181.35.98|85.181.35.98",
        // unknown, empty and - entries are skipped
        "10.0.0.1|unknown, 85.181.35.98, , -|85.181.35.98|10.0.0.1",
        "10.0.0.1|UNKNOWN|10.0.0.1|10.0.0.1",
        // a host name is never trusted
        "10.0.0.1|client.example.de, 10.0.0.9|client.example.de|10.0.0.1",
        // mapped IPv6 counts as IPv4, ports and brackets are understood
        "::ffff:10.0.0.1|85.181.35.98:5555|85.181.35.98:5555|::ffff:10.0.0.1",
        "[::1]:8080|[2001:db8::7]:443|[2001:db8::7]:443|[::1]:8080",
        // IIS zone id in the peer address
        "::1%0|85.181.35.98|85.181.35.98|::1%0",
        // quotes and blanks around entries
        "10.0.0.1|\"10.5.102.222, 204.246.1.1\"|204.246.1.1|10.0.0.1",
        "  85.181.35.98 |NULL|85.181.35.98|85.181.35.98",
      })
  void chain_yieldsClient(String client, String xff, String behindTrusted, String nothingTrusted) {
    assertEquals(behindTrusted, PRIVATE_TRUSTED.clientOf(client, xff));
    assertEquals(nothingTrusted, NOTHING_TRUSTED.clientOf(client, xff));
  }

  @Test
  void noUsableEntry_isNull() {
    assertNull(PRIVATE_TRUSTED.clientOf(null, null));
    assertNull(PRIVATE_TRUSTED.clientOf("-", null));
    assertNull(PRIVATE_TRUSTED.clientOf("unknown", "-"));
    assertNull(PRIVATE_TRUSTED.clientOf(" , -", null));
  }

  @Test
  void singleClientWithoutXff_isReturnedWithoutCopy() {
    String client = "85.181.35.98";
    assertSame(client, PRIVATE_TRUSTED.clientOf(client, null));
    String host = "host.example.com";
    assertSame(host, NOTHING_TRUSTED.clientOf(host, null));
  }
}
