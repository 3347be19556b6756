package org.geotraffic.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the {@code spark.*} values of the configuration that Spark would only reject once it runs (with
 * a stack trace and exit 1 or 5): the master URL and whether this classpath has its cluster manager, and
 * the common numeric, size and boolean keys. Everything else is left to Spark, which names the key when
 * the session cannot start ({@code cli.GeoTraffic} maps that to exit 2 as well).
 */
final class SparkSettings {
  /** local, local[4], local[*], local[4,2], local[*,2], local-cluster[2,1,1024]. */
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?|local-cluster\\[[1-9][0-9]*,[1-9][0-9]*,[1-9][0-9]*\\]");
  private static final Pattern SIZE = Pattern.compile("(?i)[0-9]+(b|k|kb|m|mb|g|gb|t|tb|p|pb)?");
  private static final Set<String> POSITIVE_INTS = Set.of("spark.sql.shuffle.partitions", "spark.default.parallelism",
      "spark.executor.instances", "spark.executor.cores", "spark.driver.cores", "spark.task.cpus", "spark.task.maxFailures",
      "spark.dynamicAllocation.maxExecutors");
  private static final Set<String> SIZES = Set.of("spark.driver.memory", "spark.executor.memory", "spark.driver.memoryOverhead",
      "spark.executor.memoryOverhead", "spark.driver.maxResultSize", "spark.memory.offHeap.size", "spark.kryoserializer.buffer.max",
      "spark.sql.autoBroadcastJoinThreshold", "spark.sql.files.maxPartitionBytes");

  private SparkSettings() {}

  /** One problem per bad value, each naming the key, the rule, the value (secrets hidden) and its source. */
  static List<String> problems(Map<String, String> spark, Map<String, String> origins, Secrets secrets) {
    List<String> problems = new ArrayList<>();
    spark.forEach((key, value) -> {
      String v = value.trim();
      String where = " (" + origins.getOrDefault(key, "?") + ")";
      String shown = "'" + secrets.shown(key, v) + "'";
      if (key.equals("spark.master")) {
        String why = masterProblem(v);
        if (why != null) {
          problems.add("spark.master " + why + ", got " + shown + where);
        }
      } else if (POSITIVE_INTS.contains(key) && !isPositiveInt(v)) {
        problems.add(key + " must be a whole number >= 1, got " + shown + where);
      } else if (SIZES.contains(key) && !SIZE.matcher(v).matches() && !(key.equals("spark.sql.autoBroadcastJoinThreshold") && v.equals("-1"))) {
        problems.add(key + " must be a size such as 512m or 2g, got " + shown + where);
      } else if (key.endsWith(".enabled") && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        problems.add(key + " must be true or false, got " + shown + where);
      }
    });
    return problems;
  }

  /** Why the master cannot work from this classpath, or null. */
  static String masterProblem(String master) {
    if (LOCAL.matcher(master).matches() || master.matches("spark://[^/\\s]+(:[0-9]+)?(,[^/\\s]+(:[0-9]+)?)*")) {
      return null;
    }
    if (master.equals("yarn")) {
      return onClasspath("org.apache.spark.deploy.yarn.YarnClusterManager")
          ? null
          : "is yarn, but this classpath has no Spark YARN module: submit the jar with the cluster's spark-submit (docs/cluster.md)";
    }
    if (master.startsWith("k8s://")) {
      return onClasspath("org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager")
          ? null
          : "is Kubernetes, but this classpath has no Spark Kubernetes module: submit the jar with the cluster's spark-submit (docs/cluster.md)";
    }
    return "must be local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL";
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, SparkSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean isPositiveInt(String v) {
    try {
      return Long.parseLong(v) >= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
