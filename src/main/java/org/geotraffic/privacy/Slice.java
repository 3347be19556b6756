package org.geotraffic.privacy;

import java.io.Serializable;

/**
 * The lines of one day that the same releases include: a day and a batch. Batch 0 is the day's first
 * input; later batches are input that arrived after some release of the day was published (late files, a
 * log grown since), told apart by the runs' input fingerprints. Each release covers a set of slices: a day
 * release its day's batches up to its version, a week or month release the slices of its days it was
 * built on.
 */
public record Slice(String day, int batch) implements Serializable, Comparable<Slice> {
  @Override
  public int compareTo(Slice o) {
    int c = day.compareTo(o.day);
    return c != 0 ? c : Integer.compare(batch, o.batch);
  }

  @Override
  public String toString() {
    return day + "#" + batch;
  }
}
