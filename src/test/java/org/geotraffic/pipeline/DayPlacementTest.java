package org.geotraffic.pipeline;

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
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * The visitor shuffle puts each (day, visitor) where {@link DayPlacement} says, checked against Spark's
 * own hash partitioning: if Spark ever hashes differently, the days spread over every partition again
 * and this test fails (the results would still be right, only the memory bound lost).
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
    VisitorTablesPartition.Writer writer = new VisitorTablesPartition.Writer();
    List<InternalRow> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      for (String site : List.of("a", "b")) {
        rows.add(writer.cell(new VisitorTables.TableCell(VisitorTables.PAGE_SETS, FIRST_DAY + i % 5, site, "/p" + i, null, 1, 1, 1, 1)).copy());
      }
    }
    rows.add(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, false, 5)).copy());
    Dataset<Row> partial = InternalFrames.of(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 4),
        VisitorTablesPartition.SCHEMA);
    List<Row> placed = byPartition(AggregateStage.dayPartitions(partial, p),
        row -> new Object[] {row.isNullAt(1) ? null : row.getInt(1), row.getString(2)});
    assertEquals(rows.size(), placed.size());
    Map<Integer, Set<Integer>> daysOfPartition = new HashMap<>();
    for (Row row : placed) {
      if (row.isNullAt(1)) {
        assertEquals(p.dayBlock(FIRST_DAY), row.getInt(0), "line tallies go to the first day's partition");
        continue;
      }
      assertEquals(p.dayBlock(row.getInt(1)), row.getInt(0));
      daysOfPartition.computeIfAbsent(row.getInt(0), x -> new HashSet<>()).add(row.getInt(1));
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
  void sparkShuffle_putsEveryRowWherePlacementSays() {
    SparkSession spark = SparkTestSession.get();
    for (DayPlacement p : List.of(DayPlacement.of(FIRST_DAY, FIRST_DAY + 4, 20), DayPlacement.of(FIRST_DAY, FIRST_DAY + 2, 7),
        DayPlacement.visitorsOnly(5))) {
      Random r = new Random(7);
      List<InternalRow> rows = new ArrayList<>();
      VisitorCell cell = new VisitorCell();
      VisitorCellRows.Writer writer = new VisitorCellRows.Writer();
      for (int i = 0; i < 3_000; i++) {
        long visitor = i % 10 == 0 ? LineEnricher.NO_VISITOR : r.nextLong();
        // Days 0..6 of a 5-day range: two days outside it, which wrap.
        rows.add(writer.cell(cell.set(FIRST_DAY + r.nextInt(7), "s", "DE", "DE-BE", "/p" + r.nextInt(50), visitor, 1, 1, 10)).copy());
      }
      rows.add(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, false, 5)).copy());
      Dataset<Row> cells = InternalFrames.of(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), VisitorCellRows.SCHEMA);
      List<Row> placed = byPartition(AggregateStage.visitorPartitions(cells, p),
          row -> new Object[] {row.isNullAt(0) ? null : row.getInt(0), row.getLong(5), row.getString(4)});
      assertEquals(rows.size(), placed.size());
      Map<Integer, Set<Integer>> partitionsOfDay = new HashMap<>();
      for (Row row : placed) {
        if (row.isNullAt(1)) {
          continue;
        }
        int day = row.getInt(1);
        long visitor = row.getLong(2);
        if (visitor != LineEnricher.NO_VISITOR) {
          assertEquals(p.partition(day, visitor), row.getInt(0), p + ": day " + day + ", visitor " + visitor);
        }
        long blockStart = Math.floorMod((long) (day - p.firstDay()) * p.perDay(), (long) p.partitions());
        assertEquals(blockStart / p.perDay(), row.getInt(0) / p.perDay(), p + ": a cell of day " + day + " left its day's block");
        partitionsOfDay.computeIfAbsent(day, d -> new HashSet<>()).add(row.getInt(0));
      }
      for (Set<Integer> used : partitionsOfDay.values()) {
        assertTrue(used.size() <= p.perDay(), p + ": a day spread over " + used.size() + " partitions");
      }
    }
  }

  /** Each row of the frame as (the index of the partition it is in, then what {@code pick} takes from it). */
  private static List<Row> byPartition(Dataset<Row> frame, org.apache.spark.api.java.function.Function<Row, Object[]> pick) {
    return frame.javaRDD().mapPartitionsWithIndex((index, it) -> {
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        Object[] picked = pick.call(it.next());
        Object[] values = new Object[picked.length + 1];
        values[0] = index;
        System.arraycopy(picked, 0, values, 1, picked.length);
        out.add(org.apache.spark.sql.RowFactory.create(values));
      }
      return out.iterator();
    }, false).collect();
  }
}
