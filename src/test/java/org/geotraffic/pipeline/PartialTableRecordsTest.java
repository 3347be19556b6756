package org.geotraffic.pipeline;

import org.geotraffic.aggregate.PartialTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;
import org.junit.jupiter.api.Test;

class PartialTableRecordsTest {
  private static final int DAY = 20_000;

  @Test
  void cellsAndTallies_readBackFieldForField() {
    PartialTableRecords.Writer writer = new PartialTableRecords.Writer();
    PartialTableRecords.Reader reader = new PartialTableRecords.Reader();
    List<VisitorTables.TableCell> cells = List.of(
        new VisitorTables.TableCell(PartialTable.REGIONS, DAY, "shop", "DE", "DE-BE", 3, 4, 5, 6),
        new VisitorTables.TableCell(PartialTable.PAGE_COUNTRIES, DAY, "shop", "/é", "DE", 1, 2, 0, 1L << 35),
        new VisitorTables.TableCell(PartialTable.PAGE_SETS, DAY + 1, "blog", "/a\n/b", null, 7, 0, 0, 0));
    for (VisitorTables.TableCell c : cells) {
      byte[] record = writer.cell(c);
      assertEquals(c, reader.cell(record));
      assertEquals(c.day(), PartialTableRecords.day(record));
    }
    LineTally t = new LineTally(LineOutcome.ACCEPTED, GeoSource.HOST_NAME, true, 12);
    byte[] tally = writer.tally(t);
    assertTrue(PartialTableRecords.isTally(tally));
    assertEquals(t, reader.tally(tally));
  }

  @Test
  void byDayAndSite_keepsEachDaysSitesTogether_talliesFirst() {
    PartialTableRecords.Writer writer = new PartialTableRecords.Writer();
    PartialTableRecords.Reader reader = new PartialTableRecords.Reader();
    Random r = new Random(9);
    List<byte[]> records = new ArrayList<>();
    List<String> sites = List.of("a", "b", "bb", "é", "a-much-longer-site-name-".repeat(8));
    for (int i = 0; i < 2_000; i++) {
      records.add(writer.cell(new VisitorTables.TableCell(PartialTable.PAGE_SETS, DAY + r.nextInt(3), sites.get(r.nextInt(sites.size())),
          "/p" + i, null, 1, 0, 0, 0)));
    }
    records.add(writer.tally(new LineTally(LineOutcome.ACCEPTED, GeoSource.DATABASE, false, 1)));
    Collections.shuffle(records, r);
    records.sort(new PartialTableRecords.ByDayAndSite());
    assertTrue(PartialTableRecords.isTally(records.get(0)), "the tally first");
    Set<String> finished = new HashSet<>();
    String current = null;
    for (byte[] record : records.subList(1, records.size())) {
      VisitorTables.TableCell c = reader.cell(record);
      String group = c.day() + "/" + c.site();
      if (!group.equals(current)) {
        assertTrue(finished.add(group), "day and site " + group + " in two runs");
        current = group;
      }
    }
    assertEquals(15, finished.size());
  }

  @Test
  void byDayAndSite_thenSlice_ownTablesFirst_eachSliceContiguous() {
    PartialTableRecords.Writer writer = new PartialTableRecords.Writer();
    PartialTableRecords.Reader reader = new PartialTableRecords.Reader();
    Random r = new Random(11);
    List<byte[]> records = new ArrayList<>();
    List<Integer> slices = List.of(org.geotraffic.aggregate.Slices.NONE, org.geotraffic.aggregate.Slices.of(DAY, 0),
        org.geotraffic.aggregate.Slices.of(DAY + 1, 0), org.geotraffic.aggregate.Slices.of(DAY + 1, 3));
    for (int i = 0; i < 2_000; i++) {
      records.add(writer.cell(new VisitorTables.TableCell(PartialTable.PAGE_SETS, DAY, i % 2 == 0 ? "a" : "b", "/p" + i, null, 1, 0, 0, 0,
          slices.get(r.nextInt(slices.size())))));
    }
    Collections.shuffle(records, r);
    records.sort(new PartialTableRecords.ByDayAndSite());
    List<String> runs = new ArrayList<>();
    for (byte[] record : records) {
      VisitorTables.TableCell c = reader.cell(record);
      String run = c.site() + "/" + c.slice();
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(run)) {
        runs.add(run);
      }
    }
    List<String> expected = new ArrayList<>();
    for (String site : List.of("a", "b")) {
      for (int slice : slices) {
        expected.add(site + "/" + slice);
      }
    }
    assertEquals(expected, runs);
  }
}
