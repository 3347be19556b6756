package org.geotraffic.aggregate;

import java.time.LocalDate;

/**
 * A slice id in one int: the day (days since 1970-01-01) and the input batch of the lines, as the linked
 * audit across releases needs them ({@code privacy.Slice}). Batch 0 is what the first release covering the
 * day read; each later one adds what it read on top; the newest is this run's own.
 */
public final class Slices {
  /** No slice: the run has no earlier release to audit against. */
  public static final int NONE = -1;
  /** Batches per day: more revisions of one day than this are refused before they run. */
  public static final int MAX_BATCHES = 256;

  private Slices() {}

  public static int of(int day, int batch) {
    if (batch < 0 || batch >= MAX_BATCHES) {
      throw new IllegalArgumentException("Cannot number a slice: batch " + batch + " is outside 0.." + (MAX_BATCHES - 1));
    }
    return day * MAX_BATCHES + batch;
  }

  public static int day(int slice) {
    return Math.floorDiv(slice, MAX_BATCHES);
  }

  public static int batch(int slice) {
    return Math.floorMod(slice, MAX_BATCHES);
  }

  public static String date(int slice) {
    return LocalDate.ofEpochDay(day(slice)).toString();
  }
}
