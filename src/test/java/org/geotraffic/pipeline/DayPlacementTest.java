package org.geotraffic.pipeline;

import org.geotraffic.aggregate.PartialTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The visitor shuffle puts each (day, visitor) where {@link DayPlacement} says, and the day assembly each day in a
 * partition of its own, checked on Spark's shuffle with the job's partitioners ({@link VisitorPartitioner},
 * {@link DayPartitioner}).
 */
class DayPlacementTest {
  private static final int FIRST_DAY = 20_500;

  @Test
  void sizes_giveEachDayItsOwnBlock() {
    DayPlacement p = DayPlacement.of(FIRST_DAY, FIRST_DAY + 4, 20);
    assertEquals(4, p.perDay());
    assertEquals(20, p.partitions());
    DayPlacement uneven = DayPlacement.of(FIRST_DAY, FIRST_DAY + 2, 20);
    assertEquals(7, uneven.perDay());
    assertEquals(21, uneven.partitions());
    DayPlacement manyDays = DayPlacement.of(FIRST_DAY, FIRST_DAY + 99, 20);
    assertEquals(1, manyDays.perDay());
    assertEquals(20, manyDays.partitions());
    DayPlacement unknown = DayPlacement.visitorsOnly(20);
    assertEquals(20, unknown.perDay());
    assertEquals(20, unknown.partitions());
    assertThrows(IllegalArgumentException.class, () -> DayPlacement.of(FIRST_DAY, FIRST_DAY - 1, 20));
    assertEquals(5, p.dayBlocks());
    assertEquals(3, uneven.dayBlocks());
    assertEquals(20, manyDays.dayBlocks(), "more days than partitions: days wrap onto the partitions");
    assertEquals(1, manyDays.dayBlock(FIRST_DAY + 21));
    assertTrue(p.knowsDays());
    assertEquals(false, unknown.knowsDays());
    assertEquals(0, unknown.dayBlocks());
  }

  @Test
  void sparkShuffle_givesEachDayOfTheAssemblyAPartitionOfItsOwn() {
    SparkSession spark = SparkTestSession.get();
    DayPlacement p = DayPlacement.of(FIRST_DAY, FIRST_DAY + 4, 20);
    PartialTableRecords.Writer writer = new PartialTableRecords.Writer();
    List<Tuple2<byte[], Void>> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      for (String site : List.of("a", "b")) {
        records.add(new Tuple2<>(writer.cell(new VisitorTables.TableCell(PartialTable.PAGE_SETS, FIRST_DAY + i % 5, site, "/p" + i, null, 1, 1,
            1, 1)), null));
      }
    }
    records.add(new Tuple2<>(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, false, 5)), null));
    JavaPairRDD<byte[], Void> partial = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelizePairs(records, 4);
    List<Tuple2<Integer, byte[]>> placed = byPartition(AggregateStage.dayPartitions(partial, p));
    assertEquals(records.size(), placed.size());
    Map<Integer, Set<Integer>> daysOfPartition = new HashMap<>();
    for (Tuple2<Integer, byte[]> row : placed) {
      if (PartialTableRecords.isTally(row._2())) {
        assertEquals(p.dayBlock(FIRST_DAY), row._1(), "line tallies go to the first day's partition");
        continue;
      }
      int day = PartialTableRecords.day(row._2());
      assertEquals(p.dayBlock(day), row._1());
      daysOfPartition.computeIfAbsent(row._1(), x -> new HashSet<>()).add(day);
    }
    assertEquals(5, daysOfPartition.size(), "five days, five partitions: " + daysOfPartition);
    daysOfPartition.values().forEach(days -> assertEquals(1, days.size(), "a partition with days " + days));
  }

  @Test
  void partition_keepsADaysVisitorsInItsBlock_andWrapsDaysOutsideTheRange() {
    DayPlacement p = DayPlacement.of(FIRST_DAY, FIRST_DAY + 4, 20);
    Random r = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      int day = FIRST_DAY + r.nextInt(5);
      int partition = p.partition(day, r.nextLong());
      assertEquals(day - FIRST_DAY, partition / 4, "day " + day + " left its block");
    }
    int outside = p.partition(FIRST_DAY + 5, 3);
    assertTrue(outside >= 0 && outside < 20);
    int before = p.partition(FIRST_DAY - 1, -3);
    assertTrue(before >= 0 && before < 20);
  }

  @Test
  void sparkShuffle_putsEveryRecordWherePlacementSays_sortedBySortKey() {
    SparkSession spark = SparkTestSession.get();
    for (DayPlacement p : List.of(DayPlacement.of(FIRST_DAY, FIRST_DAY + 4, 20), DayPlacement.of(FIRST_DAY, FIRST_DAY + 2, 7),
        DayPlacement.visitorsOnly(5))) {
      Random r = new Random(7);
      List<Tuple2<byte[], Void>> records = new ArrayList<>();
      VisitorCellRecords.Writer writer = new VisitorCellRecords.Writer();
      for (int i = 0; i < 3_000; i++) {
        long visitor = i % 10 == 0 ? LineEnricher.NO_VISITOR : r.nextLong();
        // Days 0..6 of a 5-day range: two days outside it, which wrap.
        records.add(new Tuple2<>(writer.cell(new VisitorCell().set(FIRST_DAY + r.nextInt(7), "s", "DE", "DE-BE", "/p" + r.nextInt(50), visitor,
            1, 1, 10)), null));
      }
      records.add(new Tuple2<>(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, false, 5)), null));
      JavaPairRDD<byte[], Void> cells = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelizePairs(records, 3);
      List<Tuple2<Integer, byte[]>> placed = byPartition(AggregateStage.visitorPartitions(cells, p));
      assertEquals(records.size(), placed.size());
      Map<Integer, Set<Integer>> partitionsOfDay = new HashMap<>();
      long previousKey = Long.MIN_VALUE;
      int previousPartition = -1;
      for (Tuple2<Integer, byte[]> row : placed) {
        byte[] record = row._2();
        if (row._1() != previousPartition) {
          previousPartition = row._1();
          previousKey = Long.MIN_VALUE;
        }
        assertTrue(VisitorCellRecords.sortKey(record) >= previousKey, p + ": partition " + row._1() + " not sorted by the sort key");
        previousKey = VisitorCellRecords.sortKey(record);
        if (VisitorCellRecords.isTally(record)) {
          assertEquals(p.partition(p.firstDay(), 0), row._1(), "line tallies go to the first day's block");
          continue;
        }
        int day = VisitorCellRecords.day(record);
        long visitor = VisitorCellRecords.visitor(record);
        if (visitor != LineEnricher.NO_VISITOR) {
          assertEquals(p.partition(day, visitor), row._1(), p + ": day " + day + ", visitor " + visitor);
        }
        long blockStart = Math.floorMod((long) (day - p.firstDay()) * p.perDay(), (long) p.partitions());
        assertEquals(blockStart / p.perDay(), row._1() / p.perDay(), p + ": a cell of day " + day + " left its day's block");
        partitionsOfDay.computeIfAbsent(day, d -> new HashSet<>()).add(row._1());
      }
      for (Set<Integer> used : partitionsOfDay.values()) {
        assertTrue(used.size() <= p.perDay(), p + ": a day spread over " + used.size() + " partitions");
      }
    }
  }

  /** Each record of the pair RDD with the index of the partition it is in, in partition order. */
  private static List<Tuple2<Integer, byte[]>> byPartition(JavaPairRDD<byte[], Void> records) {
    return records.mapPartitionsWithIndex((index, it) -> {
      List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
      while (it.hasNext()) {
        out.add(new Tuple2<>(index, it.next()._1()));
      }
      return out.iterator();
    }, false).collect();
  }
}
