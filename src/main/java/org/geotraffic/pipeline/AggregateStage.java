package org.geotraffic.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geotraffic.aggregate.DayAssembler;
import org.geotraffic.aggregate.LineCounts;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Stage 2, aggregate: visitor cells to the unsuppressed tables of every (date, site), plus the line
 * accounting. The tables stay on the executors; the driver collects only the line tallies.
 *
 * <p>One shuffle of visitor data: the enrich stage's visitor cell records are partitioned by (day, visitor)
 * ({@link DayPlacement}, {@link VisitorPartitioner}), so each partition holds every cell of its visitors in its few
 * days, and sorted by (day, visitor) within the partition. Public Spark APIs only: pair RDDs of byte-array records
 * with a custom {@link org.apache.spark.Partitioner}. Plain
 * Java then counts each visitor once per region and per (page, country), and leaves each visitor's set
 * of pages ({@link VisitorTables}); partitions' visitor sets are disjoint, so their counts add up
 * exactly. Countries, totals and pages are sums of those (each visitor has one location). Once the
 * pages' fold order is known, the page sets give the distinct visitors of every prefix of it, which the
 * "(other)" row of pages needs. A second, small shuffle brings each (date, site)'s partial cells
 * together, where {@link DayAssembler} sums them and assembles the day.
 */
public final class AggregateStage {
  private AggregateStage() {}

  /**
   * What the stage produces: the days stay on the executors (persisted on their disks), only the line accounting
   * comes to the driver. {@link #release} frees the days.
   */
  public static final class Aggregates {
    private final JavaRDD<DayPartition.Part> parts;
    private final LineCounts counts;

    Aggregates(JavaRDD<DayPartition.Part> parts, LineCounts counts) {
      this.parts = parts;
      this.counts = counts;
    }

    /**
     * Every (date, site)'s unsuppressed tables, one element each, on the executors; all sites of a date in one
     * partition (the writer writes each date's file from there).
     */
    public JavaRDD<UnsuppressedDay> days() {
      return parts.filter(p -> p.day() != null).map(DayPartition.Part::day);
    }

    /** The same days with their slices' tables (a run audited against earlier releases). */
    JavaRDD<DayPartition.Part> daysWithSlices() {
      return parts.filter(p -> p.day() != null);
    }

    /** The days with their slices' tables whose date is (or, with {@code in} false, is not) one of {@code dates}. */
    JavaRDD<DayPartition.Part> daysWithSlices(java.util.Set<String> dates, boolean in) {
      java.util.HashSet<String> which = new java.util.HashSet<>(dates);
      return parts.filter(p -> p.day() != null && which.contains(p.day().date()) == in);
    }

    public LineCounts counts() {
      return counts;
    }

    public void release() {
      parts.unpersist(false);
    }
  }

  /**
   * The visitor cell records partitioned by (day, visitor) ({@link VisitorPartitioner}: each day its own block of
   * partitions, as {@link DayPlacement} says) and sorted within each partition by their sort key (day, then the
   * visitor id's high bits): the one shuffle, and the first place data leaves the enrich step. A fixed number of
   * partitions: Spark's adaptive execution once coalesced the 10M benchmark into 7 tasks, and 7 tasks on 2 cores
   * left one core idle for the last wave.
   */
  public static JavaPairRDD<byte[], Void> visitorPartitions(JavaPairRDD<byte[], Void> cells, DayPlacement placement) {
    return cells.repartitionAndSortWithinPartitions(new VisitorPartitioner(placement), new VisitorCellRecords.BySortKey());
  }

  /**
   * The partial table records partitioned for the day assembly ({@link DayPartitioner}: with a known day range each
   * day has a partition of its own; hashing (day, site) into Spark's partitions put two days in each of two tasks and
   * one in the third, benchmark, 10M lines over 5 days: 3.9 s for the stage, 3.1 s of it those two tasks), sorted by
   * (day, site) within each partition. Either way all sites of a day share a partition, which the writer relies on.
   */
  static JavaPairRDD<byte[], Void> dayPartitions(JavaPairRDD<byte[], Void> partial, DayPlacement placement) {
    return partial.repartitionAndSortWithinPartitions(new DayPartitioner(placement), new PartialTableRecords.ByDayAndSite());
  }

  /** The day placement for spark.sql.shuffle.partitions partitions over the days firstDay..lastDay, or by visitor only when they are unknown (null). */
  public static DayPlacement placement(SparkSession spark, Integer firstDay, Integer lastDay) {
    int wanted = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    return firstDay == null || lastDay == null ? DayPlacement.visitorsOnly(wanted) : DayPlacement.of(firstDay, lastDay, wanted);
  }

  public static Aggregates aggregate(SparkSession spark, JavaPairRDD<byte[], Void> cells, DayPlacement placement) {
    JavaPairRDD<byte[], Void> partitions = visitorPartitions(cells, placement);
    // One job: the enrich stage's tasks write the visitor shuffle, the aggregation reads it and writes the day shuffle.
    spark.sparkContext().setJobDescription("parse, locate, anonymise, shuffle by visitor, aggregate and assemble days");
    // Partial tables to one task per (date, site): each day is summed and assembled on an executor, so the
    // driver never holds unsuppressed tables (at 40M lines it ran out of a 1 GB heap when it did).
    JavaPairRDD<byte[], Void> partial = partitions.mapPartitionsToPair(new VisitorTablesPartition(), false);
    JavaRDD<DayPartition.Part> parts = dayPartitions(partial, placement)
        .mapPartitions(new DayPartition())
        // On disk, not in memory: a run's days wait there for the suppress stage. In memory they filled the
        // storage pool with the days of the run (40M benchmark lines, 20 days, 1 GiB heap: peak RSS 1,392
        // MiB on average, 1,342 on disk; 10M lines: 1,245-1,283 either way; time the same).
        .persist(StorageLevel.DISK_ONLY());
    LineTallies tallies = new LineTallies();
    parts.filter(p -> p.tallies() != null).collect().forEach(p -> p.tallies().forEach(tallies::add));
    return new Aggregates(parts, countLines(tallies.list()));
  }

  private static LineCounts countLines(List<LineTally> tallies) {
    long read = 0;
    long accepted = 0;
    long bots = 0;
    Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
    Map<FilterReason, Long> filtered = new EnumMap<>(FilterReason.class);
    Map<GeoSource, Long> geo = new EnumMap<>(GeoSource.class);
    for (LineTally t : tallies) {
      LineOutcome outcome = t.outcome();
      long n = t.lines();
      read += n;
      switch (outcome.kind()) {
        case ACCEPTED -> {
          accepted += n;
          geo.merge(t.geoSource(), n, Long::sum);
          if (t.bot()) {
            bots += n;
          }
        }
        case REJECTED -> rejected.merge(outcome.rejectReason(), n, Long::sum);
        case FILTERED -> filtered.merge(outcome.filterReason(), n, Long::sum);
      }
    }
    return new LineCounts(read, accepted, rejected, filtered, bots, geo);
  }
}
