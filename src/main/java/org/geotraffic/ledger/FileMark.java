package org.geotraffic.ledger;

import java.io.Serializable;

/**
 * One input file as a run found it: its path, size, modification time and whether it is compressed. Never
 * anything from inside the file. A run's marks are its input fingerprint.
 *
 * @param path the file's path as Hadoop names it, without credentials in it (compared by {@link #key})
 * @param size bytes on disk
 * @param modifiedMillis the file system's modification time
 * @param compressed whether a codec reads it (then its lines' offsets are not file offsets)
 */
public record FileMark(String path, long size, long modifiedMillis, boolean compressed) implements Serializable {
  public FileMark {
    path = org.geotraffic.config.Secrets.withoutCredentials(path);
  }

  /** The form in which a path is compared across runs: its URI, without credentials or a trailing slash. */
  public static String key(String path) {
    String p = new org.apache.hadoop.fs.Path(org.geotraffic.config.Secrets.withoutCredentials(path)).toUri().toString();
    return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
  }

  /** Whether the file is still exactly as this mark saw it (same size and modification time). */
  public boolean sameAs(FileMark now) {
    return now != null && size == now.size && modifiedMillis == now.modifiedMillis;
  }
}
