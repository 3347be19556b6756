package org.geotraffic.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;

/**
 * The one publisher of an output directory at a time: {@code <output>/_publish/lock}, created only if
 * absent. Publishing (and recovering a killed publish) happens under it, so that a run never rolls back
 * a publish that is still going on; runs of different days still stage their tables at the same time
 * and only wait for each other's few seconds of moves.
 *
 * <p>A lock whose holder died is taken over: on the same host when its process is gone, anywhere when
 * it has not been renewed for {@link #LEASE_MILLIS} (the holder renews it every {@link #RENEW_MILLIS}).
 * The lock file names its holder (run id, host, process id), never anything from the logs.
 */
public final class PublishLock implements AutoCloseable {
  static final String DIR = "_publish";
  static final String FILE = "lock";
  /** A lock not renewed for this long belongs to a dead run. */
  static final long LEASE_MILLIS = 60_000;
  static final long RENEW_MILLIS = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileMoves moves;
  private final Path lock;
  private final byte[] content;
  private final ScheduledExecutorService renewer;

  private PublishLock(FileMoves moves, Path lock, byte[] content) {
    this.moves = moves;
    this.lock = lock;
    this.content = content;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "geotraffic-publish-lock");
      t.setDaemon(true);
      return t;
    });
    renewer.scheduleAtFixedRate(this::renew, RENEW_MILLIS, RENEW_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock of {@code output}, waiting up to {@code waitMillis} for a live holder to finish.
   *
   * @param runId names the holder in the lock file
   */
  public static PublishLock acquire(FileMoves moves, Path output, String runId, long waitMillis) throws IOException {
    Path dir = new Path(output, DIR);
    moves.mkdirs(dir);
    Path lock = new Path(dir, FILE);
    byte[] content = holder(runId);
    long deadline = System.currentTimeMillis() + waitMillis;
    long pause = 50;
    while (true) {
      if (moves.createExclusively(lock, content)) {
        return new PublishLock(moves, lock, content);
      }
      byte[] held = readOrNull(moves, lock);
      if (held != null && stale(moves, lock, held)) {
        breakStale(moves, lock, held);
        continue;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("Cannot publish: another run holds " + lock + " (" + describe(held)
            + "); if no geotraffic run is publishing into this output, delete that file");
      }
      sleep(pause);
      pause = Math.min(1_000, pause * 2);
    }
  }

  /** Removes the lock of {@code output} if its holder is dead; true when it did. */
  static boolean clearIfStale(FileMoves moves, Path output) throws IOException {
    Path lock = new Path(new Path(output, DIR), FILE);
    byte[] held = readOrNull(moves, lock);
    if (held == null || !stale(moves, lock, held)) {
      return false;
    }
    breakStale(moves, lock, held);
    return true;
  }

  /** Releases the lock (only if it is still this holder's). */
  @Override
  public void close() throws IOException {
    renewer.shutdownNow();
    byte[] held = readOrNull(moves, lock);
    if (held != null && Arrays.equals(held, content)) {
      moves.delete(lock);
    }
  }

  private void renew() {
    try {
      moves.touch(lock);
    } catch (IOException | RuntimeException e) {
      // The next renewal tries again; a lost lease only lets a later run take over after LEASE_MILLIS.
    }
  }

  private static byte[] holder(String runId) throws IOException {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("run_id", runId);
    h.put("host", hostName());
    h.put("pid", ProcessHandle.current().pid());
    h.put("nonce", UUID.randomUUID().toString());
    return JSON.writeValueAsBytes(h);
  }

  /** Dead holder: same host and its process is gone, or not renewed within the lease. */
  static boolean stale(FileMoves moves, Path lock, byte[] held) throws IOException {
    long touched = moves.modificationTime(lock);
    if (touched >= 0 && System.currentTimeMillis() - touched > LEASE_MILLIS) {
      return true;
    }
    try {
      JsonNode h = JSON.readTree(held);
      if (hostName().equals(h.path("host").asText()) && h.has("pid")) {
        return ProcessHandle.of(h.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
      }
    } catch (IOException e) {
      // An unreadable lock file is judged by its age alone.
    }
    return false;
  }

  /**
   * Moves the dead holder's lock aside and deletes it; if what was moved is not the lock judged dead (a
   * live run took it over in between), puts it back.
   */
  private static void breakStale(FileMoves moves, Path lock, byte[] held) throws IOException {
    Path aside = new Path(lock.getParent(), FILE + ".stale." + UUID.randomUUID());
    try {
      moves.move(lock, aside);
    } catch (IOException e) {
      return; // someone else broke it first
    }
    byte[] moved = readOrNull(moves, aside);
    if (moved != null && !Arrays.equals(moved, held)) {
      try {
        moves.move(aside, lock);
        return;
      } catch (IOException e) {
        // The live holder's lock is lost; its renewals fail quietly and the publish proceeds under ours.
      }
    }
    moves.delete(aside);
  }

  private static byte[] readOrNull(FileMoves moves, Path path) throws IOException {
    try {
      return moves.exists(path) ? moves.read(path) : null;
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private static String describe(byte[] held) {
    return held == null ? "released" : new String(held, StandardCharsets.UTF_8);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for the publish lock", e);
    }
  }
}
