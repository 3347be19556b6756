package org.geotraffic.pipeline;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the run's SparkSession. Under spark-submit the master and resources come from
 * spark-submit; a plain {@code java -cp} launch (scripts/geotraffic) gets an embedded {@code local[*]}
 * with the UI off. {@code spark.*} keys from the geotraffic configuration are applied last.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName, Map<String, String> sparkConf) {
    SparkConf fromSubmit = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (!fromSubmit.contains("spark.master") && !sparkConf.containsKey("spark.master")) {
      b.master("local[*]");
      if (!fromSubmit.contains("spark.ui.enabled")) {
        b.config("spark.ui.enabled", "false");
      }
      // A local run's shuffle is small; Spark's default of 200 partitions only adds task overhead.
      if (!fromSubmit.contains("spark.sql.shuffle.partitions")) {
        b.config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
      }
    }
    // Privacy: under memory pressure Spark writes broadcast blocks — among them the task binaries that hold
    // the run's visitor-hash secret — to its local dirs, next to shuffle files of visitor hashes. Encrypt
    // local disk I/O with a per-application key held in memory (the privacy canary test proves the need).
    if (!fromSubmit.contains("spark.io.encryption.enabled")) {
      b.config("spark.io.encryption.enabled", "true");
    }
    sparkConf.forEach(b::config);
    return b.getOrCreate();
  }

  /**
   * The first {@code spark.sql.*} value of the configuration that Spark's SQL configuration refuses, as a
   * message naming the key and Spark's reason, or null. Spark checks these values only when they are set
   * at run time or first read (a bad spark.sql.shuffle.partitions failed the run with a stack trace).
   */
  public static String rejectedSqlSetting(SparkSession spark, Map<String, String> sparkConf) {
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(sparkConf).entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("spark.sql.") || !spark.conf().isModifiable(key)) {
        continue;
      }
      try {
        spark.conf().set(key, e.getValue());
      } catch (RuntimeException ex) {
        String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst().orElse("");
        return key + " is not accepted by Spark: " + why;
      }
    }
    return null;
  }
}
