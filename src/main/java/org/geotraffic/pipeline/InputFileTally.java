package org.geotraffic.pipeline;

import java.io.Serializable;

/**
 * What reading one input split found, for the run summary and the console's warnings: the file (the
 * operator's path, never data), how many of its lines were read and rejected, whether its compressed
 * data broke off (null when it did not), and its accepted lines per day (a week's or month's summary says
 * which of its days had input), and per slice ({@code day#batch}) when the run counts its lines by input batch
 * ({@link org.geotraffic.ledger.Provenance}).
 */
public record InputFileTally(String path, long lines, long rejected, CorruptInput corrupt, java.util.Map<String, Long> acceptedByDay,
    java.util.Map<String, Long> acceptedBySlice) implements Serializable {
  public InputFileTally {
    acceptedByDay = java.util.Map.copyOf(acceptedByDay);
    acceptedBySlice = java.util.Map.copyOf(acceptedBySlice);
  }
}
