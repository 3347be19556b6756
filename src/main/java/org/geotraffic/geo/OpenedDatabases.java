package org.geotraffic.geo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases this JVM opened and validated, by the file they were opened from, kept open for the JVM's life so
 * that a second open of the same file costs nothing.
 *
 * <p>{@link GeoDatabase#open} walks the whole search tree and probes up to {@value GeoDatabase#MAX_SAMPLES}
 * records: 0.3-0.7 s for the worldwide country database, paid once on the driver before Spark starts and again by
 * each executor JVM. In a local run the executors are this JVM, so the job hands them the instance opened here
 * ({@code pipeline.DatabaseShipment}) when the file is still the one validated.
 *
 * <p>"The same file" is the same path, file key (device and inode), size and modification time, read before and
 * after the open: a database replaced in place (a geoipupdate) is a new file and is opened and validated again.
 * Where the file system has no file key, nothing is remembered.
 */
public final class OpenedDatabases {
  private static final ConcurrentHashMap<Key, GeoDatabase> OPEN = new ConcurrentHashMap<>();

  private OpenedDatabases() {}

  /** Which file, as it was when opened, and with which field mapping (null: detected). */
  private record Key(String path, Object fileKey, long size, FileTime modified, GeoFieldMapping fields) {}

  /**
   * The database of this file, opened and validated now or earlier in this JVM. The instance is shared: do not
   * close it.
   *
   * @param fields the mapping from geoip.fields.*, or null to detect the schema
   */
  public static GeoDatabase open(File file, GeoFieldMapping fields) throws GeoDatabaseException {
    Key before = key(file, fields);
    GeoDatabase known = before == null ? null : OPEN.get(before);
    if (known != null) {
      return known;
    }
    GeoDatabase opened = GeoDatabase.open(file, fields);
    Key after = key(file, fields);
    if (before != null && before.equals(after)) {
      GeoDatabase raced = OPEN.putIfAbsent(before, opened);
      if (raced != null) {
        opened.close();
        return raced;
      }
    }
    return opened;
  }

  /** The database opened earlier in this JVM from this file, if the file is still the one opened; else null. */
  public static GeoDatabase ifUnchanged(File file, GeoFieldMapping fields) {
    Key now = key(file, fields);
    return now == null ? null : OPEN.get(now);
  }

  private static Key key(File file, GeoFieldMapping fields) {
    try {
      BasicFileAttributes a = Files.readAttributes(file.toPath(), BasicFileAttributes.class);
      if (a.fileKey() == null || !a.isRegularFile()) {
        return null;
      }
      return new Key(file.getCanonicalPath(), a.fileKey(), a.size(), a.lastModifiedTime(), fields);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
