package org.geotraffic.publish;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * The few file-system operations a publish needs, on one file system. A move of a file is all or nothing. A move of a
 * folder is atomic on a local disk and HDFS; on an object store it copies each file whole and then deletes the
 * originals, so a kill can leave it half done, which {@link InterruptedMove} finishes or undoes.
 */
public interface FileMoves {
  boolean exists(Path path) throws IOException;

  /**
   * Moves a file or folder; the target must not exist and its parent must. Throws, naming both paths,
   * when the move did not happen.
   */
  void move(Path from, Path to) throws IOException;

  void mkdirs(Path dir) throws IOException;

  /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
  void delete(Path path) throws IOException;

  /** Writes a small file so that a reader sees either nothing or all of it (write aside, then move). */
  void writeAtomically(Path path, byte[] content) throws IOException;

  /** Creates a small file only if nothing exists at the path; false when something does. */
  boolean createExclusively(Path path, byte[] content) throws IOException;

  byte[] read(Path path) throws IOException;

  /** Whether the path is a folder (false when it is a file or does not exist). */
  boolean isFolder(Path path) throws IOException;

  /** The paths, relative to {@code dir}, of every file in a folder and its subfolders; empty when it does not exist. */
  List<String> filesUnder(Path dir) throws IOException;

  /** The names of a folder's entries; empty when the folder does not exist. */
  List<String> list(Path dir) throws IOException;

  /** Milliseconds since the epoch of the last change, or -1 when the path does not exist. */
  long modificationTime(Path path) throws IOException;

  /** Marks the path as changed now (the publish lock's heartbeat). */
  void touch(Path path) throws IOException;
}
