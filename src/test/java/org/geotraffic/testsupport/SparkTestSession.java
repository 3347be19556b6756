package org.geotraffic.testsupport;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test suite (local[2], UI off, bound to loopback, few shuffle
 * partitions), created on first use and shared by every Spark test in the JVM.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("geotraffic-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.catalogImplementation", "in-memory")
          .getOrCreate();
    }
    return session;
  }
}
