package org.geotraffic.config;

/**
 * Where and how the tables are published (output.format, output.catalog, output.namespace).
 *
 * @param format Parquet folders or Iceberg tables
 * @param catalog the Spark catalog of the Iceberg tables; empty: a Hadoop catalog whose warehouse is the output directory
 * @param namespace the Iceberg namespace of the tables
 */
public record OutputTarget(OutputFormat format, String catalog, String namespace) {
  /** The default: Parquet folders. */
  public static final OutputTarget PARQUET = new OutputTarget(OutputFormat.PARQUET, "", "geotraffic");

  public OutputTarget {
    catalog = catalog == null ? "" : catalog;
  }

  /** Whether the tables are in a catalog of the user's (not the Hadoop catalog at the output directory). */
  public boolean namedCatalog() {
    return !catalog.isEmpty();
  }
}
