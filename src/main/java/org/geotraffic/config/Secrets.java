package org.geotraffic.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which configuration values are secrets, so that nothing geotraffic writes or prints holds them: the run
 * summary's config block, the console's configuration problems, input paths with credentials in them.
 *
 * <p>A key is secret when it matches Spark's own redaction pattern ({@code spark.redaction.regex}, whose
 * default is {@link #SPARK_DEFAULT}), or the user's value of that key, or one of the cloud credential keys
 * Spark's pattern misses (Azure account keys and SAS tokens, GCS private keys, S3 encryption keys). Values
 * are replaced by {@link #REDACTED}, as Spark does in its UI and event log.
 */
public final class Secrets {
  /** Spark 3.5's and 4.1's default {@code spark.redaction.regex}. */
  public static final String SPARK_DEFAULT = "(?i)secret|password|token|access[.]key";
  /** Credential keys of Hadoop's cloud connectors that Spark's default pattern does not match. */
  static final String CLOUD_CREDENTIALS = "(?i)access[.]?key|account[.]key|[.]sas[.]|private[.]key|encryption[.]key|credential";
  public static final String REDACTED = "*********(redacted)";
  static final String REDACTION_KEY = "spark.redaction.regex";

  private final Pattern pattern;

  private Secrets(Pattern pattern) {
    this.pattern = pattern;
  }

  /** The secrets of a configuration, by Spark's default pattern, the cloud keys and the configuration's own {@code spark.redaction.regex}. */
  public static Secrets of(Map<String, String> config) {
    String own = config.get(REDACTION_KEY);
    String regex = SPARK_DEFAULT + "|" + CLOUD_CREDENTIALS;
    if (own != null && !own.isBlank()) {
      try {
        Pattern.compile(own);
        regex = regex + "|" + own;
      } catch (PatternSyntaxException e) {
        // ConfigLoader reports the bad pattern; the defaults still apply.
      }
    }
    return new Secrets(Pattern.compile(regex));
  }

  /** Spark's default pattern and the cloud keys only. */
  public static Secrets defaults() {
    return of(Map.of());
  }

  public boolean isSecret(String key) {
    return pattern.matcher(key).find();
  }

  /** The configuration with every secret value replaced, in the same order. */
  public Map<String, String> redact(Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, isSecret(k) ? REDACTED : v));
    return out;
  }

  /** A value as it may be printed next to its key. */
  public String shown(String key, String value) {
    return isSecret(key) ? REDACTED : value;
  }

  /**
   * A path or URI without the user information a URI may carry ({@code s3a://KEY:SECRET@bucket/...}, an
   * old way of passing S3 credentials that Hadoop still reads). Azure's schemes are the exception: in
   * {@code abfss://container@account.dfs.core.windows.net/path} the user information names the container, which is
   * kept (without it the path says nowhere where the data is), unless it cannot be a container name.
   */
  public static String withoutCredentials(String path) {
    int scheme = path.indexOf("://");
    if (scheme < 0) {
      return path;
    }
    int at = path.indexOf('@', scheme + 3);
    int slash = path.indexOf('/', scheme + 3);
    if (at < 0 || (slash >= 0 && at > slash)) {
      return path;
    }
    try {
      URI u = new URI(path);
      if (u.getRawUserInfo() == null) {
        return path;
      }
    } catch (java.net.URISyntaxException e) {
      // Not a URI Hadoop would read either; still cut what looks like credentials.
    }
    if (isAzureContainer(path.substring(0, scheme), path.substring(scheme + 3, at))) {
      return path;
    }
    return path.substring(0, scheme + 3) + REDACTED + path.substring(at);
  }

  private static final java.util.regex.Pattern USER_INFO_IN_TEXT =
      java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/\\s@]+)@");

  /**
   * A message (a file system's exception, say) with the user information cut from every URI in it: a connector may
   * repeat the output URI it was given, {@code s3a://KEY:SECRET@bucket} included. Azure containers stay, as in
   * {@link #withoutCredentials}.
   */
  public static String withoutCredentialsIn(String text) {
    if (text == null) {
      return null;
    }
    return USER_INFO_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        m.group(1) + "://" + (isAzureContainer(m.group(1), m.group(2)) ? m.group(2) : REDACTED) + "@"));
  }

  /** Azure Blob and Data Lake schemes, whose URIs name the container where other schemes carry user information. */
  private static final java.util.Set<String> AZURE_SCHEMES = java.util.Set.of("abfs", "abfss", "wasb", "wasbs");
  /**
   * An Azure container name: 3 to 63 lowercase letters, digits and hyphens, or {@code $root} / {@code $web}. No colon
   * ({@code user:password}) and no key material (upper case, {@code +}, {@code /}, {@code =}) fits.
   */
  private static final Pattern AZURE_CONTAINER = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}|\\$root|\\$web");

  private static boolean isAzureContainer(String scheme, String userInfo) {
    return AZURE_SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT)) && AZURE_CONTAINER.matcher(userInfo).matches();
  }
}
