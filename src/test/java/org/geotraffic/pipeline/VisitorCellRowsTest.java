package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;

class VisitorCellRowsTest {
  private static final int DAY = 20_000;

  @Test
  void writerRows_becomeTheDataFramesRows_fieldForField() {
    SparkSession spark = SparkTestSession.get();
    VisitorCellRows.Writer writer = new VisitorCellRows.Writer();
    VisitorCell cell = new VisitorCell();
    List<InternalRow> rows = new ArrayList<>();
    // The same site and country on consecutive rows, then a change: the writer's reuse must not leak a value.
    rows.add(writer.cell(cell.set(DAY, "shop", "DE", "DE-BE", "/a", 11L, 1, 1, 100)).copy());
    rows.add(writer.cell(cell.set(DAY + 1, "shop", "DE", "DE-BY", "/b", 12L, 1, 0, 200)).copy());
    rows.add(writer.cell(cell.set(DAY + 2, "blog", "FR", null, "/é", -5L, 2, 1, 300)).copy());
    rows.add(writer.tally(new LineTally(LineOutcome.rejected(RejectReason.MALFORMED), null, false, 7)).copy());
    rows.add(writer.cell(cell.set(DAY + 3, "shop", "DE", "DE-BE", "/a", 13L, 1, 1, 400)).copy());
    rows.add(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, true, 9)).copy());

    List<Row> read = InternalFrames.of(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2), VisitorCellRows.SCHEMA)
        .orderBy("day", "outcome").collectAsList();

    assertEquals(6, read.size());
    // Tallies carry their outcome's and geo source's numbers (TallyCodes): accepted 0, database 0, rejected:malformed 1.
    assertEquals(List.of("[null,null,null,null,null,0,9,0,0,0,0,true]",
        "[null,null,null,null,null,0,7,0,0,1,null,false]",
        "[20000,shop,DE,DE-BE,/a,11,1,1,100,null,null,false]",
        "[20001,shop,DE,DE-BY,/b,12,1,0,200,null,null,false]",
        "[20002,blog,FR,null,/é,-5,2,1,300,null,null,false]",
        "[20003,shop,DE,DE-BE,/a,13,1,1,400,null,null,false]"), read.stream().map(Row::toString).toList());
  }

  @Test
  void tallyAfterCell_clearsTheCellsFields_andCellAfterTally_clearsTheTallys() {
    VisitorCellRows.Writer writer = new VisitorCellRows.Writer();
    VisitorCell cell = new VisitorCell();
    writer.cell(cell.set(DAY, "shop", "DE", "DE-BE", "/a", 11L, 1, 1, 100));
    InternalRow tally = writer.tally(new LineTally(LineOutcome.filtered(FilterReason.BLANK), null, true, 3));
    assertTrue(tally.isNullAt(0) && tally.isNullAt(1) && tally.isNullAt(4) && tally.isNullAt(10));
    assertTrue(VisitorCellRows.isTally(tally));
    InternalRow again = writer.cell(cell.set(DAY, "shop", "DE", "DE-BE", "/a", 11L, 1, 1, 100));
    assertFalse(VisitorCellRows.isTally(again));
    assertFalse(again.getBoolean(11));
    assertEquals("shop", again.getUTF8String(1).toString());
    assertNull(again.getUTF8String(10));
  }
}
