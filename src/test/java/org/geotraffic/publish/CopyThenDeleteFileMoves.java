package org.geotraffic.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * An object store on a local disk, as s3a, gs and abfs (without a hierarchical namespace) behave: a folder is only
 * the files under it, a move copies each file whole and then deletes the originals ({@code page} files at a time,
 * as s3a's rename does), and deleting a folder deletes its files one request at a time. Every request is counted,
 * and the one numbered {@code killAt} (0-based) does not happen: the process dies there ({@link CrashingFileMoves.Killed}),
 * and every later request throws too. So a kill can leave a folder half copied, half deleted, or both.
 */
final class CopyThenDeleteFileMoves implements FileMoves {
  private final LocalFileMoves disk = new LocalFileMoves();
  private final long killAt;
  private final int page;
  private long requests;
  private long commitRequest = -1;
  private boolean dead;

  CopyThenDeleteFileMoves(long killAt, int page) {
    this.killAt = killAt;
    this.page = page;
  }

  long requests() {
    return requests;
  }

  /** The number of the request that created the publish's commit marker, or -1. */
  long commitRequest() {
    return commitRequest;
  }

  private void request() {
    if (dead || requests++ == killAt) {
      dead = true;
      throw new CrashingFileMoves.Killed();
    }
  }

  @Override
  public boolean exists(Path path) throws IOException {
    request();
    // An object store has no empty folders: a folder exists while a file is under it.
    return disk.isFolder(path) ? !disk.filesUnder(path).isEmpty() : disk.exists(path);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    request();
    if (!disk.isFolder(from)) {
      if (!disk.exists(from)) {
        throw new IOException("Cannot move " + from + " to " + to + ": no such file");
      }
      copyThenDelete(from, to, List.of(""));
      return;
    }
    List<String> files = disk.filesUnder(from);
    for (int start = 0; start < files.size(); start += page) {
      copyThenDelete(from, to, files.subList(start, Math.min(files.size(), start + page)));
    }
    disk.delete(from); // only empty folders are left: nothing a reader of an object store could see
  }

  private void copyThenDelete(Path from, Path to, List<String> files) throws IOException {
    for (String f : files) {
      request();
      java.nio.file.Path target = nio(f.isEmpty() ? to : new Path(to, f));
      Files.createDirectories(target.getParent());
      Files.copy(nio(f.isEmpty() ? from : new Path(from, f)), target, StandardCopyOption.REPLACE_EXISTING);
    }
    for (String f : files) {
      request();
      Files.delete(nio(f.isEmpty() ? from : new Path(from, f)));
    }
  }

  @Override
  public void mkdirs(Path dir) throws IOException {
    request();
    disk.mkdirs(dir);
  }

  @Override
  public void delete(Path path) throws IOException {
    request();
    if (disk.isFolder(path)) {
      for (String f : disk.filesUnder(path)) {
        request();
        Files.delete(nio(new Path(path, f)));
      }
    }
    disk.delete(path);
  }

  @Override
  public void writeAtomically(Path path, byte[] content) throws IOException {
    request();
    disk.writeAtomically(path, content);
  }

  @Override
  public boolean createExclusively(Path path, byte[] content) throws IOException {
    request();
    if (path.getName().endsWith(Publication.COMMITTED_SUFFIX)) {
      commitRequest = requests - 1;
    }
    return disk.createExclusively(path, content);
  }

  @Override
  public byte[] read(Path path) throws IOException {
    request();
    return disk.read(path);
  }

  @Override
  public boolean isFolder(Path path) throws IOException {
    request();
    return disk.isFolder(path) && !disk.filesUnder(path).isEmpty();
  }

  @Override
  public List<String> filesUnder(Path dir) throws IOException {
    request();
    return disk.filesUnder(dir);
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    request();
    return disk.list(dir);
  }

  @Override
  public long modificationTime(Path path) throws IOException {
    request();
    return disk.modificationTime(path);
  }

  @Override
  public void touch(Path path) throws IOException {
    request();
    disk.touch(path);
  }

  private static java.nio.file.Path nio(Path p) {
    return java.nio.file.Path.of(p.toUri().getPath());
  }
}
