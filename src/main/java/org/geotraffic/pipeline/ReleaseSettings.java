package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import org.geotraffic.config.JobConfig;

/**
 * The identity of the settings a release's numbers depend on, for the release ledger: a SHA-256 over the
 * configuration keys that change what a line counts for or what is hidden (parsing, pages, bots, proxies,
 * geography, time zone, suppression) and the geo database's content. Spark, output, publish and input-tolerance
 * keys do not change a number and are left out. A rerun with the same input and the same settings repeats the
 * live release exactly, and publishes nothing new.
 */
final class ReleaseSettings {
  private static final java.util.List<String> IRRELEVANT_PREFIXES =
      java.util.List.of("spark.", "output.", "publish.", "input.fail-on-corrupt", "input.max-reject-ratio");

  private ReleaseSettings() {}

  static String id(JobConfig config, String databaseContentId) {
    Map<String, String> relevant = new TreeMap<>();
    config.effective().forEach((k, v) -> {
      if (IRRELEVANT_PREFIXES.stream().noneMatch(k::startsWith)) {
        relevant.put(k, v);
      }
    });
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      relevant.forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      sha.update(("geo-database=" + databaseContentId).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the settings: no SHA-256", e);
    }
  }
}
