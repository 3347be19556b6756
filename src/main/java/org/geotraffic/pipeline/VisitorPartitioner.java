package org.geotraffic.pipeline;

import java.util.Arrays;
import org.apache.spark.Partitioner;
import org.geotraffic.enrich.LineEnricher;

/**
 * The visitor shuffle's partitioner: each visitor cell record ({@link VisitorCellRecords}) goes to the partition
 * that {@link DayPlacement#partition} names for its (day, visitor). Cells without a visitor (crawlers) count only
 * additively, so they spread over their day's block by a hash of their bytes; line tallies go to the first day's
 * block.
 */
final class VisitorPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final DayPlacement placement;

  VisitorPartitioner(DayPlacement placement) {
    this.placement = placement;
  }

  @Override
  public int numPartitions() {
    return placement.partitions();
  }

  @Override
  public int getPartition(Object key) {
    byte[] record = (byte[]) key;
    if (VisitorCellRecords.isTally(record)) {
      return placement.partition(placement.firstDay(), 0);
    }
    long visitor = VisitorCellRecords.visitor(record);
    long spread = visitor != LineEnricher.NO_VISITOR ? visitor : Arrays.hashCode(record);
    return placement.partition(VisitorCellRecords.day(record), spread);
  }

  /** Equal placements partition alike: Spark then knows that the data is already where it needs to be. */
  @Override
  public boolean equals(Object o) {
    return o instanceof VisitorPartitioner p && p.placement.equals(placement);
  }

  @Override
  public int hashCode() {
    return placement.hashCode();
  }
}
