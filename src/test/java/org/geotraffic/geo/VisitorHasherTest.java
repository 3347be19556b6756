package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VisitorHasherTest {
  @Test
  void sameSecret_givesSameId() {
    byte[] secret = VisitorHasher.newRunSecret();
    assertEquals(new VisitorHasher(secret).visitorId("192.0.2.1", "ua"), new VisitorHasher(secret).visitorId("192.0.2.1", "ua"));
  }

  @Test
  void differentRuns_cannotBeLinked() {
    assertNotEquals(new VisitorHasher(VisitorHasher.newRunSecret()).visitorId("192.0.2.1", "ua"),
        new VisitorHasher(VisitorHasher.newRunSecret()).visitorId("192.0.2.1", "ua"));
  }

  @Test
  void userAgent_isPartOfTheVisitor() {
    VisitorHasher h = new VisitorHasher(VisitorHasher.newRunSecret());
    assertNotEquals(h.visitorId("192.0.2.1", "a"), h.visitorId("192.0.2.1", "b"));
    // The separator keeps ("192.0.2.1", "0x") apart from ("192.0.2.10", "x").
    assertNotEquals(h.visitorId("192.0.2.1", "0x"), h.visitorId("192.0.2.10", "x"));
    assertEquals(h.visitorId("192.0.2.1", null), h.visitorId("192.0.2.1", ""));
  }

  @Test
  void knownSecret_givesHmacSha256Prefix() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 1);
    // First 8 bytes of HMAC-SHA256(key=0x01*32, "a\0b"), computed independently with openssl.
    assertEquals(EXPECTED_A_B, new VisitorHasher(secret).visitorId("a", "b"));
  }

  static final long EXPECTED_A_B = 0xa77debbbd6ce22adL;

  @Test
  void shortSecret_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VisitorHasher(new byte[8]));
    assertEquals("Cannot create visitor hasher: secret must be 32 bytes, got 8", e.getMessage());
  }

  @Test
  void repeatedPairs_sameIdAsAFreshHasher() {
    byte[] secret = VisitorHasher.newRunSecret();
    VisitorHasher reused = new VisitorHasher(secret);
    String[][] pairs = {{"192.0.2.1", "ua"}, {"192.0.2.1", "ua"}, {"192.0.2.1", "ub"}, {"192.0.2.2", "ub"},
      {"192.0.2.2", null}, {"192.0.2.2", null}, {"192.0.2.2", ""}, {"192.0.2.1", "ua"}, {"192.0.2.1", "ua"}};
    for (String[] p : pairs) {
      // New string objects each time, as the parser makes them.
      String client = new String(p[0].toCharArray());
      String agent = p[1] == null ? null : new String(p[1].toCharArray());
      assertEquals(new VisitorHasher(secret).visitorId(client, agent), reused.visitorId(client, agent));
    }
  }

  @Test
  void manyInterleavedPairs_sharingSlots_alwaysTheirOwnId() {
    byte[] secret = VisitorHasher.newRunSecret();
    VisitorHasher reused = new VisitorHasher(secret);
    java.util.Random random = new java.util.Random(42);
    int pairs = VisitorHasher.REMEMBERED * 5; // more pairs than slots: slots are shared and overwritten
    java.util.Map<String, Long> uncached = new java.util.HashMap<>();
    java.util.Set<Integer> slotsMet = new java.util.HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      int n = random.nextInt(pairs);
      String client = "198.51.100." + (n % 256) + "/" + (n / 256);
      String agent = n % 7 == 0 ? null : "agent " + (n % 13);
      long id = reused.visitorId(new String(client.toCharArray()), agent == null ? null : new String(agent.toCharArray()));
      long expected = uncached.computeIfAbsent(client + "\u0001" + agent, k -> new VisitorHasher(secret).visitorId(client, agent));
      assertEquals(expected, id, "pair " + n);
      slotsMet.add((client.hashCode() * 31 + (agent == null ? 0 : agent.hashCode())) & (VisitorHasher.REMEMBERED - 1));
    }
    assertTrue(uncached.size() > 3 * slotsMet.size(), uncached.size() + " pairs in " + slotsMet.size() + " slots: slots were shared");
  }
}
