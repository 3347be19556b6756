package org.geotraffic.enrich;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.geotraffic.config.JobConfig;

/**
 * What the enrich step needs on an executor: the parts of the configuration that touch single lines,
 * the database's file name (shipped with SparkFiles) and content id, and the run's visitor-hash secret.
 *
 * <p>The secret travels inside the serialised task, in memory, to the executors of this run only; it is
 * never logged or written by geotraffic. {@link #toString()} leaves it out.
 *
 * @param windowFrom first date of the window (inclusive, ISO), or null for no lower bound
 * @param windowTo last date of the window (inclusive, ISO), or null for no upper bound
 * @param geoDatabaseId what executors key their open database by: its content id when shipped to executors
 *     (two databases with one file name must never share an entry), else its file name (a local lookup)
 */
public record EnrichSettings(
    String inputFormat,
    int maxLineLength,
    ZoneId timeZone,
    String defaultSite,
    List<String> assetExtensions,
    List<String> viewMethods,
    int maxPageLength,
    List<String> botPatterns,
    List<String> trustedProxies,
    Map<String, String> internalNetworks,
    Map<String, String> suffixRules,
    Map<String, String> genericTlds,
    String geoDatabaseFileName,
    String geoDatabaseId,
    String windowFrom,
    String windowTo,
    byte[] visitorSecret,
    org.geotraffic.geo.GeoFieldMapping geoFields,
    boolean reportBotsSeparately)
    implements Serializable {

  /** Settings for a database opened where the lines are enriched (no executors): its file name identifies it. */
  public static EnrichSettings of(JobConfig c, String geoDatabaseFileName, String windowFrom, String windowTo, byte[] secret) {
    return of(c, geoDatabaseFileName, geoDatabaseFileName, windowFrom, windowTo, secret);
  }

  /** Settings for a database shipped to executors as {@code geoDatabaseFileName}, with content id {@code geoDatabaseId}. */
  public static EnrichSettings of(JobConfig c, String geoDatabaseFileName, String geoDatabaseId, String windowFrom, String windowTo,
      byte[] secret) {
    return new EnrichSettings(c.inputFormat(), c.maxLineLength(), c.timeZone(), c.defaultSite(), c.assetExtensions(),
        c.viewMethods(), c.maxPageLength(), c.botPatterns(), c.trustedProxies(), c.internalNetworks(), c.suffixRules(),
        c.genericTlds(), geoDatabaseFileName, geoDatabaseId, windowFrom, windowTo, secret, c.geoFields(), c.reportBotsSeparately());
  }

  @Override
  public String toString() {
    return "EnrichSettings[format=" + inputFormat + ", zone=" + timeZone + ", db=" + geoDatabaseFileName
        + ", window=" + windowFrom + ".." + windowTo + ", secret=<not shown>]";
  }
}
