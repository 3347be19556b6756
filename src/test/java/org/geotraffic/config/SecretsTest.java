package org.geotraffic.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Credentials in URIs are cut from paths and from messages that repeat them (a secret's "/" is written %2F in a URI). */
class SecretsTest {
  @Test
  void aMessage_losesTheUserInformationOfEveryUriInIt_andKeepsTheRest() {
    assertEquals("No such bucket: s3a://" + Secrets.REDACTED + "@stats/out (from s3a://" + Secrets.REDACTED + "@other/x)",
        Secrets.withoutCredentialsIn("No such bucket: s3a://AKIAEXAMPLE:s3cr3t%2F+x@stats/out (from s3a://KEY:SECRET@other/x)"));
    assertEquals("hdfs://namenode:8020/out: permission denied, mail admin@example.org",
        Secrets.withoutCredentialsIn("hdfs://namenode:8020/out: permission denied, mail admin@example.org"));
    assertNull(Secrets.withoutCredentialsIn(null));
  }

  @Test
  void aPath_losesItsUserInformation() {
    assertEquals("s3a://" + Secrets.REDACTED + "@bucket/logs/", Secrets.withoutCredentials("s3a://KEY:SECRET@bucket/logs/"));
    assertEquals("/var/log/nginx/access.log", Secrets.withoutCredentials("/var/log/nginx/access.log"));
  }
}
