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
 * <p>Remembers the last (client, user agent) and its id, because consecutive lines are mostly one visitor's: the
 * pair stays in this object's memory for the partition's task only and is never logged.
 *
 * <p>Not thread-safe (it holds a {@link Mac}); create one per partition from the shared secret.
 */
public final class VisitorHasher {
  /** Length of the run secret in bytes. */
  public static final int SECRET_BYTES = 32;

  private final Mac mac;
  private String lastClient;
  private String lastUserAgent;
  private long lastId;

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
    if (client.equals(lastClient) && java.util.Objects.equals(userAgent, lastUserAgent)) {
      return lastId;
    }
    long id = hash(client, userAgent);
    lastClient = client;
    lastUserAgent = userAgent;
    lastId = id;
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
