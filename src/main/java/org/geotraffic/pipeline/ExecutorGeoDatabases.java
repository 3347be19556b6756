package org.geotraffic.pipeline;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoDatabaseException;

/**
 * One {@link GeoDatabase} per executor JVM, opened lazily from the copy Spark shipped with
 * {@code SparkContext.addFile} / {@code --files}, and shared by every task on that executor.
 */
final class ExecutorGeoDatabases {
  private static final ConcurrentHashMap<String, GeoDatabase> OPEN = new ConcurrentHashMap<>();

  private ExecutorGeoDatabases() {}

  static GeoDatabase get(String fileName) {
    return OPEN.computeIfAbsent(fileName, name -> {
      try {
        return GeoDatabase.open(new File(SparkFiles.get(name)));
      } catch (GeoDatabaseException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
  }
}
