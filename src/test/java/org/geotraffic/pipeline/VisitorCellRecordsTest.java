package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.parse.RejectReason;
import org.junit.jupiter.api.Test;

class VisitorCellRecordsTest {
  private static final int DAY = 20_000;

  @Test
  void cellsAndTallies_readBackFieldForField() {
    VisitorCellRecords.Writer writer = new VisitorCellRecords.Writer();
    List<byte[]> records = new ArrayList<>();
    // The same site and country on consecutive records, then a change: the writer's reuse must not leak a value.
    records.add(writer.cell(new VisitorCell().set(DAY, "shop", "DE", "DE-BE", "/a", 11L, 1, 1, 100)));
    records.add(writer.cell(new VisitorCell().set(DAY + 1, "shop", "DE", "DE-BY", "/b", -12L, 1, 0, 200)));
    records.add(writer.cell(new VisitorCell().set(DAY + 2, "blog", "FR", null, "/é", LineEnricher.NO_VISITOR, 2, 1, 3_000_000_000L)));
    records.add(writer.tally(new LineTally(LineOutcome.rejected(RejectReason.MALFORMED), null, false, 7)));
    records.add(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.LOOKUP_ERROR, true, 1L << 40)));
    records.add(writer.tally(new LineTally(LineOutcome.filtered(FilterReason.OUT_OF_WINDOW), null, false, 0)));

    VisitorCellRecords.Reader reader = new VisitorCellRecords.Reader();
    VisitorCell into = new VisitorCell();
    List<String> read = new ArrayList<>();
    for (byte[] r : records) {
      if (VisitorCellRecords.isTally(r)) {
        read.add(reader.tally(r).toString());
      } else {
        VisitorCell c = reader.cell(r, into);
        read.add(String.join(",", String.valueOf(c.day), c.site, c.country, String.valueOf(c.region), c.page, String.valueOf(c.visitor),
            String.valueOf(c.hits), String.valueOf(c.pageviews), String.valueOf(c.bytes)));
      }
    }
    assertEquals(List.of("20000,shop,DE,DE-BE,/a,11,1,1,100", "20001,shop,DE,DE-BY,/b,-12,1,0,200", "20002,blog,FR,null,/é,0,2,1,3000000000",
        "LineTally[outcome=rejected:malformed, geoSource=null, bot=false, lines=7]",
        "LineTally[outcome=accepted, geoSource=LOOKUP_ERROR, bot=true, lines=1099511627776]",
        "LineTally[outcome=filtered:out-of-window, geoSource=null, bot=false, lines=0]"), read);
  }

  @Test
  void sortKey_isTheOneTheReduceSideNeeds_andPlacementReadsDayAndVisitor() {
    VisitorCellRecords.Writer writer = new VisitorCellRecords.Writer();
    Random r = new Random(3);
    for (int i = 0; i < 1_000; i++) {
      int day = DAY + r.nextInt(3) - 1;
      long visitor = r.nextLong();
      byte[] record = writer.cell(new VisitorCell().set(day, "s", "DE", "DE-BE", "/p", visitor, 1, 1, 1));
      assertEquals(VisitorTables.sortKey(day, visitor), VisitorCellRecords.sortKey(record));
      assertEquals(day, VisitorCellRecords.day(record));
      assertEquals(visitor, VisitorCellRecords.visitor(record));
      assertFalse(VisitorCellRecords.isTally(record));
    }
  }

  @Test
  void bySortKey_ordersAsTheSortKeyDoes() {
    VisitorCellRecords.Writer writer = new VisitorCellRecords.Writer();
    Random r = new Random(5);
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      records.add(writer.cell(new VisitorCell().set(DAY + r.nextInt(4), "s", "DE", "DE-BE", "/p" + i, r.nextLong(), 1, 1, 1)));
    }
    records.sort(new VisitorCellRecords.BySortKey());
    for (int i = 1; i < records.size(); i++) {
      assertTrue(VisitorCellRecords.sortKey(records.get(i - 1)) <= VisitorCellRecords.sortKey(records.get(i)));
    }
  }

  @Test
  void aRecordWithBytesAfterItsLastField_isRefused() {
    byte[] cell = new VisitorCellRecords.Writer().cell(new VisitorCell().set(DAY, "s", "DE", "DE-BE", "/p", 1L, 1, 1, 1));
    byte[] longer = Arrays.copyOf(cell, cell.length + 3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VisitorCellRecords.Reader().cell(longer, new VisitorCell()));
    assertEquals("Cannot read a shuffle record: 3 bytes after its last field", e.getMessage());
  }
}
