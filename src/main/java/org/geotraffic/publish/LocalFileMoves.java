package org.geotraffic.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.apache.hadoop.fs.Path;

/**
 * {@link FileMoves} on the local file system, through {@code java.nio}. Moves are atomic moves: Hadoop's
 * local rename falls back to copying and then deleting when the rename is refused (a read-only or
 * immutable folder), and a delete refused half way leaves the old folder half gone next to a full copy
 * (the mixed day of issue 21). An atomic move either happens or throws. No checksum side files are
 * written.
 */
public final class LocalFileMoves implements FileMoves {
  @Override
  public boolean exists(Path path) {
    return Files.exists(nio(path));
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    try {
      Files.move(nio(from), nio(to), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("Cannot move " + from + " to " + to + ": the target exists", e);
    } catch (NoSuchFileException e) {
      throw new IOException("Cannot move " + from + " to " + to + ": no such file, " + e.getFile(), e);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("Cannot move " + from + " to " + to + ": not on one file system", e);
    } catch (IOException e) {
      throw new IOException("Cannot move " + from + " to " + to + ": " + e.getClass().getSimpleName() + ", " + e.getMessage(), e);
    }
    // A folder's new name is durable once its parent is synced; without it a crash of the machine (not of
    // the process) could undo the move after the journal said it happened.
    syncDirectory(nio(to).getParent());
  }

  @Override
  public void mkdirs(Path dir) throws IOException {
    Files.createDirectories(nio(dir));
  }

  @Override
  public void delete(Path path) throws IOException {
    java.nio.file.Path p = nio(path);
    if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      PathUtils.delete(p);
    }
  }

  @Override
  public void writeAtomically(Path path, byte[] content) throws IOException {
    java.nio.file.Path target = nio(path);
    java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.getParent());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public boolean createExclusively(Path path, byte[] content) throws IOException {
    try {
      Files.write(nio(path), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  @Override
  public byte[] read(Path path) throws IOException {
    return Files.readAllBytes(nio(path));
  }

  @Override
  public boolean isFolder(Path path) {
    return Files.isDirectory(nio(path), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public List<String> filesUnder(Path dir) throws IOException {
    java.nio.file.Path d = nio(dir);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try (Stream<java.nio.file.Path> s = Files.walk(d)) {
      s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .forEach(p -> files.add(d.relativize(p).toString().replace(java.io.File.separatorChar, '/')));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(null);
    return files;
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    java.nio.file.Path d = nio(dir);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<java.nio.file.Path> s = Files.list(d)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    names.sort(null);
    return names;
  }

  @Override
  public long modificationTime(Path path) throws IOException {
    java.nio.file.Path p = nio(path);
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (NoSuchFileException e) {
      return -1;
    }
  }

  @Override
  public void touch(Path path) throws IOException {
    Files.setLastModifiedTime(nio(path), FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static java.nio.file.Path nio(Path p) {
    return java.nio.file.Path.of(p.toUri().getPath());
  }

  private static void syncDirectory(java.nio.file.Path dir) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a folder; the move itself happened.
    }
  }
}
