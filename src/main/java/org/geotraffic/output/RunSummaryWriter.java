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
    writeAtomically(fs, new Path(runs, summary.runId() + ".json"), json);
    writeAtomically(fs, new Path(runs, "latest.json"), json);
  }

  /** Write to a temporary name, then rename: a reader never sees half a summary. */
  private static void writeAtomically(FileSystem fs, Path target, byte[] content) throws IOException {
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(content);
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("Cannot write run summary: rename failed, " + target);
    }
  }
}
