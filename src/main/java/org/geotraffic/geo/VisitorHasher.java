package org.geotraffic.geo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns (client, user agent) into an opaque visitor id: the first 64 bits of HMAC-SHA256 under a
 * secret that is drawn from {@link SecureRandom} once per run and never written anywhere.
 *
 * <p>Why keyed: an unkeyed hash of an IPv4 address can be reversed by hashing all 2^32 addresses. With
 * a per-run secret, ids from different runs cannot be linked, and nobody who sees an id (they never
 * leave the run anyway: only counts are published) can test a guessed address. 64 bits keep the chance
 * of two visitors colliding below 1e-8 for a million visitors a day.
 *
 * <p>Remembers the ids of recent (client, user agent) pairs ({@value #REMEMBERED} slots, one pair per slot, chosen
 * by the pair's hash), because a visitor's lines (a page, its assets, the next page) come close together: the
 * pairs stay in this object's memory for the partition's task only, never in a Spark block, and are never logged.
 *
 * <p>Not thread-safe (it holds a {@link Mac}); create one per partition from the shared secret.
 */
public final class VisitorHasher {
  /** Length of the run secret in bytes. */
  public static final int SECRET_BYTES = 32;

  /**
   * Slots of remembered pairs. HMAC-SHA256 was 9.4% of a 1M-line run's CPU samples under C1 (the launcher's JIT for
   * small inputs, where SHA-256 is no intrinsic). Lines hashed, previous-line memo -> this cache: bench/genlog.py's
   * 1M lines 49.6% -> 34.9%, the real Elastic Apache sample (10,000 lines) 43.7% -> 19.2%.
   */
  static final int REMEMBERED = 4096;

  private final Mac mac;
  private final String[] clients = new String[REMEMBERED];
  private final String[] userAgents = new String[REMEMBERED];
  private final long[] ids = new long[REMEMBERED];

  public VisitorHasher(byte[] secret) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("Cannot create visitor hasher: secret must be " + SECRET_BYTES + " bytes, got " + secret.length);
    }
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create visitor hasher: HmacSHA256 unavailable", e);
    }
  }

  /** A fresh secret for one run. */
  public static byte[] newRunSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  /** The visitor id of a client and user agent (null user agent = empty). */
  public long visitorId(String client, String userAgent) {
    int slot = (client.hashCode() * 31 + (userAgent == null ? 0 : userAgent.hashCode())) & (REMEMBERED - 1);
    if (client.equals(clients[slot]) && java.util.Objects.equals(userAgent, userAgents[slot])) {
      return ids[slot];
    }
    long id = hash(client, userAgent);
    clients[slot] = client;
    userAgents[slot] = userAgent;
    ids[slot] = id;
    return id;
  }

  private long hash(String client, String userAgent) {
    mac.update(client.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    if (userAgent != null) {
      mac.update(userAgent.getBytes(StandardCharsets.UTF_8));
    }
    byte[] h = mac.doFinal();
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (h[i] & 0xff);
    }
    return id;
  }
}
