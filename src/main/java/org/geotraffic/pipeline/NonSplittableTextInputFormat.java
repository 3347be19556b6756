package org.geotraffic.pipeline;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

/**
 * Text input that keeps every file in one split, for formats whose meaning depends on earlier lines
 * of the same file (W3C's "#Fields:" header).
 */
public final class NonSplittableTextInputFormat extends TextInputFormat {
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }
}
