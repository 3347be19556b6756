package org.geotraffic.publish;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * A process killed at a chosen point of a publish: every file operation is counted, and the one numbered
 * {@code crashAt} (0-based) either does not happen or happens completely (as a kill -9 leaves an atomic
 * move), then throws {@link Killed}. From then on every operation throws, so no catch or finally block of
 * the code under test can touch the files any more: what is left is what a killed process leaves.
 */
public final class CrashingFileMoves implements FileMoves {
  /** The process is gone. An Error, so that no {@code catch (IOException)} of the code under test sees it. */
  public static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("killed", null, false, false);
    }
  }

  private interface Op<T> {
    T run() throws IOException;
  }

  private final FileMoves real;
  private long crashAt;
  private final boolean afterTheOperation;
  private String crashAfterCreating;
  private long operations;
  private boolean dead;

  public CrashingFileMoves(FileMoves real, long crashAt, boolean afterTheOperation) {
    this.real = real;
    this.crashAt = crashAt;
    this.afterTheOperation = afterTheOperation;
  }

  /** Dies right after creating the first file whose name ends with {@code suffix} (a commit marker, say). */
  public static CrashingFileMoves afterCreating(FileMoves real, String suffix) {
    CrashingFileMoves c = new CrashingFileMoves(real, Long.MAX_VALUE, true);
    c.crashAfterCreating = suffix;
    return c;
  }

  public long operations() {
    return operations;
  }

  boolean killed() {
    return dead;
  }

  private <T> T op(Op<T> op) throws IOException {
    if (dead) {
      throw new Killed();
    }
    long n = operations++;
    if (n == crashAt) {
      dead = true;
      if (afterTheOperation) {
        op.run();
      }
      throw new Killed();
    }
    return op.run();
  }

  @Override
  public boolean exists(Path path) throws IOException {
    return op(() -> real.exists(path));
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    op(() -> {
      real.move(from, to);
      return null;
    });
  }

  @Override
  public void mkdirs(Path dir) throws IOException {
    op(() -> {
      real.mkdirs(dir);
      return null;
    });
  }

  @Override
  public void delete(Path path) throws IOException {
    op(() -> {
      real.delete(path);
      return null;
    });
  }

  @Override
  public void writeAtomically(Path path, byte[] content) throws IOException {
    op(() -> {
      real.writeAtomically(path, content);
      return null;
    });
  }

  @Override
  public boolean createExclusively(Path path, byte[] content) throws IOException {
    if (crashAfterCreating != null && path.getName().endsWith(crashAfterCreating)) {
      crashAt = operations;
    }
    return op(() -> real.createExclusively(path, content));
  }

  @Override
  public byte[] read(Path path) throws IOException {
    return op(() -> real.read(path));
  }

  @Override
  public boolean isFolder(Path path) throws IOException {
    return op(() -> real.isFolder(path));
  }

  @Override
  public List<String> filesUnder(Path dir) throws IOException {
    return op(() -> real.filesUnder(dir));
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    return op(() -> real.list(dir));
  }

  @Override
  public long modificationTime(Path path) throws IOException {
    return op(() -> real.modificationTime(path));
  }

  @Override
  public void touch(Path path) throws IOException {
    op(() -> {
      real.touch(path);
      return null;
    });
  }
}
