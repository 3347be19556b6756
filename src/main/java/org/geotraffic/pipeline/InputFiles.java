package org.geotraffic.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.geotraffic.ledger.FileMark;

/**
 * The input paths of a run, resolved and checked before Spark starts: files, directories (recursive)
 * or globs on any Hadoop file system (local, hdfs://, s3a:// where its connector is on the classpath).
 * Files and folders whose name starts with "_" or "." ("_SUCCESS", ".crc", "_temporary") are skipped, as
 * Hadoop's input formats do. A local path that is not a regular file (a FIFO, a device, a socket) is refused:
 * reading it would consume another program's data, or block. No file at all is an error too.
 *
 * @param patterns the paths as given
 * @param files every file they match
 * @param totalBytes the files' total size (sizes on disk, compressed or not)
 * @param marks each file's size, modification time and whether it is compressed: the run's input
 *     fingerprint for the release ledger (in the order of {@code files})
 */
public record InputFiles(List<String> patterns, List<String> files, long totalBytes, List<FileMark> marks) {
  public InputFiles {
    patterns = List.copyOf(patterns);
    files = List.copyOf(files);
    marks = List.copyOf(marks);
  }

  /** Resolves the patterns; the exception names the path that cannot be read. */
  public static InputFiles resolve(List<String> patterns, Configuration conf) throws InputException {
    return resolve(patterns, conf, false);
  }

  /**
   * Resolves the patterns; the exception names the path that cannot be read.
   *
   * @param checkCompressedHeaders also refuse a .gz or .bz2 file whose first bytes are not of its format
   *     (input.fail-on-corrupt)
   */
  public static InputFiles resolve(List<String> patterns, Configuration conf, boolean checkCompressedHeaders) throws InputException {
    List<String> files = new ArrayList<>();
    List<FileMark> marks = new ArrayList<>();
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    long bytes = 0;
    for (String pattern : patterns) {
      Path path = new Path(pattern);
      FileStatus[] matches;
      try {
        FileSystem fs = path.getFileSystem(conf);
        matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new InputException("Cannot read input: no such file or directory, " + pattern);
        }
        for (FileStatus status : matches) {
          if (status.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (!hidden(f.getPath(), status.getPath())) {
                checkReadable(fs, f, checkCompressedHeaders);
                files.add(f.getPath().toString());
                marks.add(mark(f, codecs));
                bytes += f.getLen();
              }
            }
          } else {
            checkReadable(fs, status, checkCompressedHeaders);
            files.add(status.getPath().toString());
            marks.add(mark(status, codecs));
            bytes += status.getLen();
          }
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof InputException ie) {
          throw ie;
        }
        throw new InputException("Cannot read input: " + e.getMessage() + ", " + pattern);
      }
    }
    if (files.isEmpty()) {
      throw new InputException("Cannot read input: no input files in " + String.join(", ", patterns.stream().map(
          org.geotraffic.config.Secrets::withoutCredentials).toList()) + " (files and folders whose name starts with _ or . are skipped)");
    }
    return new InputFiles(patterns, files, bytes, marks);
  }

  private static FileMark mark(FileStatus status, CompressionCodecFactory codecs) {
    return new FileMark(status.getPath().toString(), status.getLen(), status.getModificationTime(), codecs.getCodec(status.getPath()) != null);
  }

  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void checkReadable(FileSystem fs, FileStatus status, boolean checkCompressedHeaders) throws IOException, InputException {
    Path path = status.getPath();
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop lists a FIFO as a file; opening it to check it would consume a writer's data.
      java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(path).toUri());
      if (java.nio.file.Files.exists(local) && !java.nio.file.Files.isRegularFile(local)) {
        throw new InputException("Cannot read input: not a regular file (a FIFO, device or socket), " + path);
      }
    }
    try (java.io.InputStream in = fs.open(path)) {
      if (checkCompressedHeaders) {
        String bad = CompressedHeader.problem(path.getName(), in);
        if (bad != null) {
          throw new InputException("Cannot read input: " + bad + " and input.fail-on-corrupt=true, " + path);
        }
      }
    } catch (org.apache.hadoop.security.AccessControlException | java.nio.file.AccessDeniedException e) {
      throw new InputException("Cannot read input: permission denied, " + path);
    } catch (IOException e) {
      throw new InputException("Cannot read input: " + e.getMessage() + ", " + path);
    }
  }

  /** The input cannot be read. */
  public static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
      super(message);
    }
  }
}
