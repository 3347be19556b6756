package org.geotraffic.pipeline;

import org.apache.spark.Partitioner;

/**
 * The day assembly's partitioner: every partial table record ({@link PartialTableRecords}) of a day goes to one
 * partition, so all sites of a day share a partition (the writer relies on it). With a known day range each day has
 * a partition of its own ({@link DayPlacement#dayBlock}); without it, days share the placement's partitions by day
 * number. Line tallies go to the first day's partition.
 */
final class DayPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final DayPlacement placement;

  DayPartitioner(DayPlacement placement) {
    this.placement = placement;
  }

  @Override
  public int numPartitions() {
    return placement.knowsDays() ? placement.dayBlocks() : placement.partitions();
  }

  @Override
  public int getPartition(Object key) {
    byte[] record = (byte[]) key;
    int day = PartialTableRecords.isTally(record) ? placement.firstDay() : PartialTableRecords.day(record);
    return placement.knowsDays() ? placement.dayBlock(day) : Math.floorMod(day, placement.partitions());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayPartitioner p && p.placement.equals(placement);
  }

  @Override
  public int hashCode() {
    return placement.hashCode() * 31 + 1;
  }
}
