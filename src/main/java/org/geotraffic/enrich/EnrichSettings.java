package org.geotraffic.enrich;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.geotraffic.config.JobConfig;

/**
 * What the enrich step needs on an executor: the parts of the configuration that touch single lines,
 * the database's file name (shipped with SparkFiles) and the run's visitor-hash secret.
 *
 * <p>The secret travels inside the serialised task, in memory, to the executors of this run only; it is
 * never logged or written by geotraffic. {@link #toString()} leaves it out.
 *
 * @param windowFrom first date of the window (inclusive, ISO), or null for no lower bound
 * @param windowTo last date of the window (inclusive, ISO), or null for no upper bound
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
    String windowFrom,
    String windowTo,
    byte[] visitorSecret,
    org.geotraffic.geo.GeoFieldMapping geoFields,
    boolean reportBotsSeparately)
    implements Serializable {

  public static EnrichSettings of(JobConfig c, String geoDatabaseFileName, String windowFrom, String windowTo, byte[] secret) {
    return new EnrichSettings(c.inputFormat(), c.maxLineLength(), c.timeZone(), c.defaultSite(), c.assetExtensions(),
        c.viewMethods(), c.maxPageLength(), c.botPatterns(), c.trustedProxies(), c.internalNetworks(), c.suffixRules(),
        c.genericTlds(), geoDatabaseFileName, windowFrom, windowTo, secret, c.geoFields(), c.reportBotsSeparately());
  }

  @Override
  public String toString() {
    return "EnrichSettings[format=" + inputFormat + ", zone=" + timeZone + ", db=" + geoDatabaseFileName
        + ", window=" + windowFrom + ".." + windowTo + ", secret=<not shown>]";
  }
}
