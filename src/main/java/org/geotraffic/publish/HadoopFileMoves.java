package org.geotraffic.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.io.IOUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@link FileMoves} on a Hadoop file system other than the local one ({@link LocalFileMoves} is that). On
 * HDFS a rename is atomic by design and returns false when it did not happen. Object stores emulate
 * rename by copying (docs/cluster.md).
 */
public final class HadoopFileMoves implements FileMoves {
  private final FileSystem fs;

  public HadoopFileMoves(FileSystem fs) {
    this.fs = fs;
  }

  @Override
  public boolean exists(Path path) throws IOException {
    return fs.exists(path);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    if (fs.exists(to)) {
      throw new IOException("Cannot move " + from + " to " + to + ": the target exists");
    }
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot move " + from + " to " + to + ": the file system refused the rename");
    }
  }

  @Override
  public void mkdirs(Path dir) throws IOException {
    if (!fs.mkdirs(dir)) {
      throw new IOException("Cannot create directory " + dir);
    }
  }

  @Override
  public void delete(Path path) throws IOException {
    if (fs.exists(path) && !fs.delete(path, true) && fs.exists(path)) {
      throw new IOException("Cannot delete " + path);
    }
  }

  @Override
  public void writeAtomically(Path path, byte[] content) throws IOException {
    Path tmp = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = fs.create(tmp, false)) {
      out.write(content);
    }
    try {
      if (fs.exists(path)) {
        delete(path);
      }
      move(tmp, path);
    } finally {
      if (fs.exists(tmp)) {
        fs.delete(tmp, false);
      }
    }
  }

  @Override
  public boolean createExclusively(Path path, byte[] content) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // The local file system reports an existing file with a plain IOException.
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public byte[] read(Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return IOUtils.toByteArray(in);
    }
  }

  @Override
  public boolean isFolder(Path path) throws IOException {
    try {
      return fs.getFileStatus(path).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public List<String> filesUnder(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    try {
      String prefix = fs.makeQualified(dir).toUri().getPath();
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        String file = it.next().getPath().toUri().getPath();
        files.add(file.substring(prefix.length() + (prefix.endsWith("/") ? 0 : 1)));
      }
    } catch (FileNotFoundException e) {
      return files;
    }
    files.sort(null);
    return files;
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus s : fs.listStatus(dir)) {
        names.add(s.getPath().getName());
      }
    } catch (FileNotFoundException e) {
      return names;
    }
    names.sort(null);
    return names;
  }

  @Override
  public long modificationTime(Path path) throws IOException {
    try {
      return fs.getFileStatus(path).getModificationTime();
    } catch (FileNotFoundException e) {
      return -1;
    }
  }

  @Override
  public void touch(Path path) throws IOException {
    fs.setTimes(path, System.currentTimeMillis(), -1);
  }
}
