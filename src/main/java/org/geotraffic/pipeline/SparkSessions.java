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
}
