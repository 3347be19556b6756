package org.geotraffic.privacyproof;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;

/**
 * Keeps every file Spark writes under its local dirs — shuffle data and index files, spill files, temp
 * files, disk-stored RDD and broadcast blocks, shipped files — although Spark deletes spill files at the
 * end of a task and the whole local dir when the context stops.
 *
 * <p>How: each new file is hard-linked into a capture folder as soon as it appears (an inotify watch on
 * every folder under the local dir, plus a sweep of the whole tree after each stage and at application
 * end). A hard link shares the file's inode, so bytes written after the link are kept too, and Spark's
 * delete only removes its own name. The capture folder must be on the same file system.
 *
 * <p>Runs in the canary JVM only ({@link CanaryJobMain}); {@link Listener} is registered through
 * {@code spark.extraListeners}. At application end Spark has not yet stopped its block manager, so the
 * final sweep sees every file that still exists.
 */
public final class LocalDirCapture {
  static final String LOCAL_DIR_PROPERTY = "canary.localDir";
  static final String CAPTURE_DIR_PROPERTY = "canary.captureDir";

  private static LocalDirCapture instance;

  private final Path root;
  private final Path capture;
  private final Set<Object> seen = new HashSet<>();
  private final AtomicInteger linked = new AtomicInteger();
  private final WatchService watch;
  private final Thread thread;
  private volatile boolean running = true;

  private LocalDirCapture(Path root, Path capture) throws IOException {
    this.root = root;
    this.capture = capture;
    Files.createDirectories(capture);
    watch = FileSystems.getDefault().newWatchService();
    register(root);
    thread = new Thread(this::loop, "canary-local-dir-capture");
    thread.setDaemon(true);
    thread.start();
  }

  static synchronized void start() throws IOException {
    instance = new LocalDirCapture(Path.of(System.getProperty(LOCAL_DIR_PROPERTY)), Path.of(System.getProperty(CAPTURE_DIR_PROPERTY)));
  }

  /** Stops watching after a last sweep; returns how many files were linked. */
  static synchronized int stop() throws IOException {
    instance.running = false;
    instance.sweep();
    instance.watch.close();
    return instance.linked.get();
  }

  static void sweepNow() {
    LocalDirCapture c = instance;
    if (c != null) {
      c.sweep();
    }
  }

  private void loop() {
    while (running) {
      try {
        WatchKey key = watch.poll(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (key == null) {
          continue;
        }
        Path dir = (Path) key.watchable();
        key.pollEvents();
        key.reset();
        scanDir(dir);
      } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
        return;
      }
    }
  }

  private synchronized void register(Path dir) {
    try {
      if (seen.add("dir:" + dir)) {
        dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY);
      }
    } catch (IOException | java.nio.file.ClosedWatchServiceException e) {
      // Deleted before we got to it, or stopping: the sweeps cover what is left.
    }
  }

  /** Links the new files of one folder and registers its new subfolders (which are then scanned too). */
  private void scanDir(Path dir) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return;
    }
    for (Path p : entries) {
      if (Files.isDirectory(p)) {
        boolean isNew;
        synchronized (this) {
          isNew = !seen.contains("dir:" + p);
        }
        if (isNew) {
          register(p);
          scanDir(p);
        }
      } else {
        link(p);
      }
    }
  }

  synchronized void sweep() {
    scanDir(root);
  }

  private synchronized void link(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile() || !seen.add(a.fileKey())) {
        return;
      }
      String name = linked.incrementAndGet() + "_" + root.relativize(file).toString().replace('/', '_');
      Files.createLink(capture.resolve(name), file);
    } catch (NoSuchFileException e) {
      // Gone already (a short-lived temp file): nothing to keep.
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot capture " + file, e);
    }
  }

  /** Sweeps after every stage and at application end, before Spark deletes its local dirs. */
  public static final class Listener extends SparkListener {
    @Override
    public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
      sweepNow();
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd applicationEnd) {
      sweepNow();
    }
  }
}
