package org.geotraffic.publish;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Picks the {@link FileMoves} for an output directory: {@code java.nio} for local paths, Hadoop's file system otherwise. */
public final class FileSystems {
  private FileSystems() {}

  /**
   * The moves for the file system of {@code dir}, and {@code dir} made absolute on it (a local path
   * without a scheme becomes {@code file:/...}).
   */
  public static Located locate(String dir, Configuration conf) throws IOException {
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(conf);
    Path qualified = fs.makeQualified(path);
    FileMoves moves = "file".equals(qualified.toUri().getScheme()) ? new LocalFileMoves() : new HadoopFileMoves(fs);
    return new Located(moves, qualified);
  }

  /** A folder and the moves of its file system. */
  public record Located(FileMoves moves, Path dir) {}
}
