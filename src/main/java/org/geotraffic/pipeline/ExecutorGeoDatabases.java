package org.geotraffic.pipeline;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoDatabaseException;
import org.geotraffic.geo.GeoFieldMapping;

/**
 * One {@link GeoDatabase} per executor JVM and database, opened lazily from the copy Spark shipped with
 * {@code SparkContext.addFile} / {@code --files} ({@link DatabaseShipment}), and shared by every task on that
 * executor. Keyed by the database's content id and field mapping, never by its file name: two databases with the
 * same file name are two entries.
 */
final class ExecutorGeoDatabases {
  private static final ConcurrentHashMap<String, GeoDatabase> OPEN = new ConcurrentHashMap<>();

  private ExecutorGeoDatabases() {}

  /** The database the settings name (geoip.fields.* from the configuration, or null to detect the schema as the driver did). */
  static GeoDatabase get(EnrichSettings settings) {
    return OPEN.computeIfAbsent(key(settings.geoDatabaseId(), settings.geoFields()), k -> {
      try {
        return GeoDatabase.open(new File(SparkFiles.get(settings.geoDatabaseFileName())), settings.geoFields());
      } catch (GeoDatabaseException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
  }

  /**
   * Hands the executors of this JVM (a local run's) a database the driver opened and validated already, with this
   * content id: they use it instead of opening their shipped copy again (see {@link org.geotraffic.geo.OpenedDatabases}).
   */
  static void share(String contentId, GeoFieldMapping fields, GeoDatabase db) {
    OPEN.put(key(contentId, fields), db);
  }

  private static String key(String contentId, GeoFieldMapping fields) {
    return contentId + (fields == null ? "" : " " + fields);
  }
}
