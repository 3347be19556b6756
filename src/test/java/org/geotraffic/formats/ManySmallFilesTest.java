package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.storage.RDDInfo;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/**
 * 1,000 small files in nested directories, given as one directory and one glob: the job reads every
 * line of every file (and none of the hidden ones), and the enrich stage packs the 1,000 input splits
 * into a few tasks, as EnrichStage's rule says: at most max(2 x defaultParallelism, totalBytes / 64 MB).
 * Without packing, each file would be one task.
 */
class ManySmallFilesTest {
  @TempDir Path tmp;

  /** Counts the tasks of every completed stage that reads the input files (the enrich stage). */
  static final class InputStages extends SparkListener {
    final Map<Integer, Integer> tasksByStage = new ConcurrentHashMap<>();
    final Map<Integer, Integer> inputSplitsByStage = new ConcurrentHashMap<>();

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
      StageInfo stage = event.stageInfo();
      for (RDDInfo rdd : JavaConverters.seqAsJavaList(stage.rddInfos())) {
        // The RDD that newAPIHadoopFile creates carries that operation's scope.
        if (rdd.scope().isDefined() && rdd.scope().get().name().equals("newAPIHadoopFile")) {
          tasksByStage.put(stage.stageId(), stage.numTasks());
          inputSplitsByStage.put(stage.stageId(), rdd.numPartitions());
        }
      }
    }
  }

  @Test
  void thousandFiles_areAllRead_inFewTasks() throws Exception {
    List<String> fixture;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/same-traffic.combined.log"))) {
      fixture = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    Path logs = tmp.resolve("logs");
    long lines = 0;
    int files = 0;
    for (String tree : List.of("by-dir", "by-glob")) {
      for (int d = 0; d < 10; d++) {
        for (int e = 0; e < 10; e++) {
          Path dir = logs.resolve(tree).resolve("host" + d).resolve("day" + e);
          Files.createDirectories(dir);
          for (int f = 0; f < 5; f++) {
            int n = 1 + files % 4; // 1 to 4 lines
            Files.write(dir.resolve("access" + f + ".log"), fixture.subList(0, n));
            lines += n;
            files++;
          }
        }
      }
    }
    assertEquals(1000, files);
    // Not input: hidden files inside the directory, and a file the glob does not match.
    Files.write(logs.resolve("by-dir/host0/_SUCCESS"), fixture);
    Files.write(logs.resolve("by-dir/host0/day0/.access0.log.swp"), fixture); // an editor's swap file
    Files.write(logs.resolve("by-glob/host0/day0/notes.txt"), fixture);

    SparkContext sc = SparkTestSession.get().sparkContext();
    InputStages listener = new InputStages();
    sc.addSparkListener(listener);
    JobHarness.Result r;
    try {
      r = JobHarness.run(List.of(logs.resolve("by-dir").toString(), logs.resolve("by-glob").toString() + "/*/*/*.log"),
          JobHarness.database(tmp.resolve("db")), tmp.resolve("out"), "suppression.min-visitors=1");
      sc.listenerBus().waitUntilEmpty(); // listener events are delivered asynchronously
    } finally {
      sc.removeSparkListener(listener);
    }

    assertEquals(0, r.exitCode(), r.console());
    assertEquals(1000, r.summary().path("input").path("files").asInt());
    assertEquals(lines, r.lines("read"));
    assertEquals(lines, r.lines("accepted"));
    assertTrue(r.balanced());

    long totalBytes = r.summary().path("input").path("bytes").asLong();
    long bound = Math.max(2L * sc.defaultParallelism(), (totalBytes + (64L << 20) - 1) / (64L << 20));
    assertEquals(2L * sc.defaultParallelism(), bound, "small input: the bound is 2 x defaultParallelism");
    assertTrue(!listener.tasksByStage.isEmpty(), "no stage read the input files");
    listener.tasksByStage.forEach((stage, tasks) -> {
      assertEquals(1000, listener.inputSplitsByStage.get(stage), "one split per file before packing");
      assertTrue(tasks >= 1 && tasks <= bound, "stage " + stage + " ran " + tasks + " tasks, bound " + bound);
    });
  }
}
