package org.geotraffic.pipeline;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoDatabaseException;
import org.geotraffic.geo.GeoFieldMapping;

/**
 * One {@link GeoDatabase} per executor JVM, opened lazily from the copy Spark shipped with
 * {@code SparkContext.addFile} / {@code --files}, and shared by every task on that executor.
 */
final class ExecutorGeoDatabases {
  private static final ConcurrentHashMap<String, GeoDatabase> OPEN = new ConcurrentHashMap<>();

  private ExecutorGeoDatabases() {}

  /**
   * @param fields geoip.fields.* from the configuration, or null to detect the schema (as the driver did)
   */
  static GeoDatabase get(String fileName, GeoFieldMapping fields) {
    return OPEN.computeIfAbsent(fields == null ? fileName : fileName + " " + fields, key -> {
      try {
        return GeoDatabase.open(new File(SparkFiles.get(fileName)), fields);
      } catch (GeoDatabaseException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
  }
}
