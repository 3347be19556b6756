package org.geotraffic.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.geotraffic.privacy.SuppressionPolicy;

/**
 * The validated settings of one run, immutable. Built only by {@link ConfigLoader}; see conf/geotraffic.properties for each key.
 *
 * @param geoFields where a flat geo database keeps country and region (geoip.fields.*), or null to detect the schema
 * @param failOnCorrupt input.fail-on-corrupt: refuse the run when a compressed input file is damaged
 * @param minShareOfPrevious publish.min-share-of-previous: refuse to replace a day with fewer accepted lines than this
 *     share of its published release's (0 = off)
 * @param output output.format, output.catalog, output.namespace: Parquet folders or Iceberg tables, and where
 */
public record JobConfig(
    String inputFormat,
    int maxLineLength,
    double maxRejectRatio,
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
    SuppressionPolicy suppression,
    String compression,
    Map<String, String> sparkConf,
    Map<String, String> effective,
    org.geotraffic.geo.GeoFieldMapping geoFields,
    boolean reportBotsSeparately,
    boolean failOnCorrupt,
    double minShareOfPrevious,
    OutputTarget output) {

  public JobConfig {
    assetExtensions = List.copyOf(assetExtensions);
    viewMethods = List.copyOf(viewMethods);
    botPatterns = List.copyOf(botPatterns);
    trustedProxies = List.copyOf(trustedProxies);
    internalNetworks = Map.copyOf(internalNetworks);
    suffixRules = Map.copyOf(suffixRules);
    genericTlds = Map.copyOf(genericTlds);
    sparkConf = Map.copyOf(sparkConf);
    effective = Map.copyOf(effective);
  }

  /**
   * publish.allow-non-atomic-rename: publish into an output whose file system cannot rename a folder atomically
   * (an object store), accepting what docs/cluster.md "Object stores" says a reader and a killed run may then see.
   */
  public boolean allowNonAtomicRename() {
    return Boolean.parseBoolean(effective.getOrDefault(ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME, "false"));
  }

  /** The effective configuration with every secret value redacted ({@link Secrets}): what may be written or printed. */
  public Map<String, String> effectiveRedacted() {
    return new java.util.TreeMap<>(Secrets.of(effective).redact(effective));
  }
}
