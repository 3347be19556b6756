package org.geotraffic.pipeline;

import java.io.File;
import org.geotraffic.config.JobConfig;
import org.geotraffic.geo.GeoDatabaseInfo;
import org.geotraffic.output.RunSummary;

/**
 * One validated run: everything was checked before Spark starts.
 *
 * @param windowFrom first date to publish (inclusive, ISO), or null
 * @param windowTo last date to publish (inclusive, ISO), or null
 * @param allowEmpty --allow-empty: a published day may be replaced by an empty or shrunken one
 * @param warnings what the command line and configuration found questionable (the run adds its own)
 * @param period what one release covers: days, or the ISO week or calendar month that is the window
 */
public record RunRequest(
    String runId,
    InputFiles input,
    String outputDir,
    File geoDatabase,
    GeoDatabaseInfo geoDatabaseInfo,
    JobConfig config,
    String windowFrom,
    String windowTo,
    boolean allowEmpty,
    java.util.List<String> warnings,
    org.geotraffic.config.Period period) implements RunSummary.Request {
  public RunRequest {
    warnings = java.util.List.copyOf(warnings);
  }

  @Override
  public java.util.List<String> inputPatterns() {
    return input.patterns();
  }

  @Override
  public int inputFileCount() {
    return input.files().size();
  }

  @Override
  public long inputBytes() {
    return input.totalBytes();
  }
}
