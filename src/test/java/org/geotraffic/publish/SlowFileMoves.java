package org.geotraffic.publish;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;

/** Every operation takes a pause first: widens the window in which a kill lands inside the publish. */
final class SlowFileMoves implements FileMoves {
  private final FileMoves real;
  private final long pauseMillis;

  SlowFileMoves(FileMoves real, long pauseMillis) {
    this.real = real;
    this.pauseMillis = pauseMillis;
  }

  private void pause() {
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean exists(Path path) throws IOException {
    pause();
    return real.exists(path);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    pause();
    real.move(from, to);
  }

  @Override
  public void mkdirs(Path dir) throws IOException {
    pause();
    real.mkdirs(dir);
  }

  @Override
  public void delete(Path path) throws IOException {
    pause();
    real.delete(path);
  }

  @Override
  public void writeAtomically(Path path, byte[] content) throws IOException {
    pause();
    real.writeAtomically(path, content);
  }

  @Override
  public boolean createExclusively(Path path, byte[] content) throws IOException {
    pause();
    return real.createExclusively(path, content);
  }

  @Override
  public byte[] read(Path path) throws IOException {
    pause();
    return real.read(path);
  }

  @Override
  public boolean isFolder(Path path) throws IOException {
    pause();
    return real.isFolder(path);
  }

  @Override
  public List<String> filesUnder(Path dir) throws IOException {
    pause();
    return real.filesUnder(dir);
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    pause();
    return real.list(dir);
  }

  @Override
  public long modificationTime(Path path) throws IOException {
    pause();
    return real.modificationTime(path);
  }

  @Override
  public void touch(Path path) throws IOException {
    real.touch(path);
  }
}
