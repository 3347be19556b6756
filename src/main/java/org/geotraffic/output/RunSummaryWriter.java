package org.geotraffic.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes the run summary to {@code <output>/_runs/<run-id>.json} and {@code _runs/latest.json}. */
public final class RunSummaryWriter {
  public static final String RUNS_DIR = "_runs";

  private RunSummaryWriter() {}

  public static void write(String outputDir, RunSummary summary, Configuration conf) throws IOException {
    Path runs = new Path(outputDir, RUNS_DIR);
    FileSystem fs = runs.getFileSystem(conf);
    fs.mkdirs(runs);
    byte[] json = summary.toJson().getBytes(StandardCharsets.UTF_8);
    writeAtomically(fs, new Path(runs, summary.runId() + ".json"), json, summary.runId());
    writeAtomically(fs, new Path(runs, "latest.json"), json, summary.runId());
  }

  /**
   * Write to a temporary name, then rename: a reader never sees half a summary. The temporary name
   * carries the run id, because runs of different days may finish at the same time in one output
   * directory; for latest.json the last rename wins.
   */
  private static void writeAtomically(FileSystem fs, Path target, byte[] content, String runId) throws IOException {
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + runId + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(content);
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      fs.delete(target, false);
      if (fs.rename(tmp, target)) {
        return;
      }
    }
    fs.delete(tmp, false);
    throw new IOException("Cannot write run summary: rename failed, " + target);
  }
}
