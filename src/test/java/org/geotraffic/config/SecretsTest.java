package org.geotraffic.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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
  void azureUris_keepTheirContainer_whichIsNoCredential() {
    for (String uri : List.of("abfss://stats@acct.dfs.core.windows.net/geotraffic", "abfs://web-logs-2026@acct.dfs.core.windows.net/in/",
        "wasbs://stats@acct.blob.core.windows.net/out", "wasb://abc@acct.blob.core.windows.net/", "ABFSS://stats@acct.dfs.core.windows.net/x",
        "wasbs://$root@acct.blob.core.windows.net/a")) {
      assertEquals(uri, Secrets.withoutCredentials(uri), uri);
      assertEquals("Cannot write " + uri + ": 403", Secrets.withoutCredentialsIn("Cannot write " + uri + ": 403"), uri);
    }
  }

  @Test
  void azureUris_stillLoseUserInformationThatIsNoContainer() {
    // user:password, key material and upper case are never a container name (lowercase letters, digits, hyphens).
    for (String userInfo : List.of("user:s3cret", "stats:s3cret", "AccountKey==", "Stats", "ab", "key+x")) {
      String uri = "abfss://" + userInfo + "@acct.dfs.core.windows.net/out";
      String cut = "abfss://" + Secrets.REDACTED + "@acct.dfs.core.windows.net/out";
      assertEquals(cut, Secrets.withoutCredentials(uri), uri);
      assertEquals("at " + cut + " and s3a://" + Secrets.REDACTED + "@b/x",
          Secrets.withoutCredentialsIn("at " + uri + " and s3a://KEY:SECRET@b/x"), uri);
    }
  }

  @Test
  void otherSchemes_loseEvenAUserInformationThatLooksLikeAContainer() {
    assertEquals("s3a://" + Secrets.REDACTED + "@bucket/logs/", Secrets.withoutCredentials("s3a://stats@bucket/logs/"));
    assertEquals("gs://" + Secrets.REDACTED + "@bucket/x", Secrets.withoutCredentialsIn("gs://stats@bucket/x"));
  }

  @Test
  void aPath_losesItsUserInformation() {
    assertEquals("s3a://" + Secrets.REDACTED + "@bucket/logs/", Secrets.withoutCredentials("s3a://KEY:SECRET@bucket/logs/"));
    assertEquals("/var/log/nginx/access.log", Secrets.withoutCredentials("/var/log/nginx/access.log"));
  }
}
