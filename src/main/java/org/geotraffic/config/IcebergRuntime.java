package org.geotraffic.config;

/**
 * Whether the Iceberg Spark runtime is on the classpath, checked by class name before Spark starts: output.format=iceberg
 * without it would otherwise fail only when the first table is written, after the whole job ran. geotraffic does not
 * bundle the runtime (48 MB, tied to the cluster's Spark line): the cluster provides it, usually through --packages.
 */
public final class IcebergRuntime {
  /** The runtime's Spark catalog: present in every iceberg-spark-runtime jar. */
  static final String CATALOG_CLASS = "org.apache.iceberg.spark.SparkCatalog";

  private IcebergRuntime() {}

  /** Whether {@code loader} can load the runtime (without initialising it). */
  public static boolean present(ClassLoader loader) {
    try {
      Class.forName(CATALOG_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

}
