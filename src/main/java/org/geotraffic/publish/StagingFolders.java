package org.geotraffic.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * Each run's own folder {@code <output>/_staging/<uuid>/}, where its tables and summary are written
 * before the publish moves them into place. The folder names its owner ({@code _owner}: run id, host,
 * process id), so that the folders of runs that died before publishing can be told from those of runs
 * still writing.
 */
public final class StagingFolders {
  public static final String DIR = "_staging";
  static final String OWNER = "_owner";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StagingFolders() {}

  /** Creates a new staging folder; returns its path relative to the output directory. */
  public static String create(FileMoves moves, Path output, String runId) throws IOException {
    String relative = DIR + "/" + UUID.randomUUID();
    Path dir = new Path(output, relative);
    moves.mkdirs(dir);
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("run_id", runId);
    owner.put("host", PublishLock.hostName());
    owner.put("pid", ProcessHandle.current().pid());
    moves.writeAtomically(new Path(dir, OWNER), JSON.writeValueAsBytes(owner));
    return relative;
  }

  /**
   * Deletes the staging folders of runs that died on this host before they published (no journal names
   * them: a journal's folder is {@link Publication#recover}'s). Folders of other hosts are left alone: a
   * run there may still be writing. Returns the folders deleted, relative to the output directory.
   */
  static List<String> collectGarbage(FileMoves moves, Path output) throws IOException {
    List<String> deleted = new ArrayList<>();
    for (String name : dead(moves, output)) {
      moves.delete(new Path(new Path(output, DIR), name));
      deleted.add(DIR + "/" + name);
    }
    return deleted;
  }

  /** Whether a staging folder of a run that died on this host is left. */
  static boolean anyDead(FileMoves moves, Path output) throws IOException {
    return !dead(moves, output).isEmpty();
  }

  private static List<String> dead(FileMoves moves, Path output) throws IOException {
    List<String> dead = new ArrayList<>();
    Path root = new Path(output, DIR);
    for (String name : moves.list(root)) {
      Path owner = new Path(new Path(root, name), OWNER);
      JsonNode o;
      try {
        if (!moves.exists(owner)) {
          continue; // being created, or not a run's
        }
        o = JSON.readTree(moves.read(owner));
      } catch (IOException e) {
        continue;
      }
      boolean here = PublishLock.hostName().equals(o.path("host").asText());
      if (here && ProcessHandle.of(o.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true)) {
        dead.add(name);
      }
    }
    return dead;
  }
}
