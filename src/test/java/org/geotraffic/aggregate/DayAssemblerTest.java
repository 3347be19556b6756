package org.geotraffic.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.geotraffic.privacy.Cell;
import org.geotraffic.privacy.Measures;
import org.geotraffic.privacy.UnsuppressedDay;
import org.junit.jupiter.api.Test;

/** Partial cells of one day from several partitions, summed and assembled. */
class DayAssemblerTest {
  private static final String SEP = VisitorTables.PAGE_SEPARATOR;

  @Test
  void partialCellsFromTwoPartitions_addUp_andPageSetsGiveThePrefixUnions() {
    DayAssembler d = new DayAssembler("2026-11-23", "www");
    // Partition 1: two visitors in DE-BY, one in FR; partition 2: one more in DE-BY.
    d.add(PartialTable.REGIONS, "DE", "DE-BY", 2, 10, 4, 1000);
    d.add(PartialTable.REGIONS, "FR", "FR-IDF", 1, 3, 1, 300);
    d.add(PartialTable.REGIONS, "DE", "DE-BY", 1, 5, 2, 500);
    d.add(PartialTable.PAGE_COUNTRIES, "/a", "DE", 2, 8, 3, 800);
    d.add(PartialTable.PAGE_COUNTRIES, "/b", "DE", 1, 2, 1, 200);
    d.add(PartialTable.PAGE_COUNTRIES, "/a", "FR", 1, 3, 1, 300);
    d.add(PartialTable.PAGE_COUNTRIES, "/a", "DE", 1, 5, 2, 500);
    // Page sets: {/a} three visitors (two partitions), {/a, /b} one.
    d.add(PartialTable.PAGE_SETS, "/a", null, 2, 0, 0, 0);
    d.add(PartialTable.PAGE_SETS, "/a" + SEP + "/b", null, 1, 0, 0, 0);
    d.add(PartialTable.PAGE_SETS, "/a", null, 1, 0, 0, 0);

    UnsuppressedDay day = d.build();

    assertEquals(new Measures(4, 18, 7, 1800), day.totals());
    assertEquals(List.of(new Cell("FR", new Measures(1, 3, 1, 300)), new Cell("DE", new Measures(3, 15, 6, 1500))),
        day.countries().children());
    assertEquals(List.of(new Cell("DE-BY", new Measures(3, 15, 6, 1500))), day.regionsByCountry().get("DE").children());
    // Fold order: /b (1 visitor) before /a (4). {/a,/b}'s first page is /b, {/a}'s is /a.
    assertEquals(List.of(new Cell("/b", new Measures(1, 2, 1, 200)), new Cell("/a", new Measures(4, 16, 6, 1600))),
        day.pages().children());
    assertArrayEquals(new long[] {0, 1, 4}, day.pages().prefixUnionVisitors());
    assertEquals(new Measures(3, 13, 5, 1300), day.countriesByPage().get("/a").children().get(1).measures());
  }

  @Test
  void aPageSetNamingAnUnknownPage_isAnError_notASilentMiscount() {
    DayAssembler d = new DayAssembler("2026-11-23", "www");
    d.add(PartialTable.PAGE_COUNTRIES, "/a", "DE", 1, 1, 1, 1);
    d.add(PartialTable.REGIONS, "DE", "DE-BY", 1, 1, 1, 1);
    d.add(PartialTable.PAGE_SETS, "/a" + SEP + "/zzz", null, 1, 0, 0, 0);
    assertThrows(IllegalStateException.class, d::build);
  }
}
