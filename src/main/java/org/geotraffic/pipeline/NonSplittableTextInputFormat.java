package org.geotraffic.pipeline;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;

/**
 * Text input that keeps every file in one split, for formats whose meaning depends on earlier lines
 * of the same file (W3C's "#Fields:" header); damaged compressed files as in {@link TolerantTextInputFormat}.
 */
public final class NonSplittableTextInputFormat extends TolerantTextInputFormat {
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }
}
