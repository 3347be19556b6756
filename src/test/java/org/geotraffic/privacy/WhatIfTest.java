package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WhatIfTest {
  private static WhatIf.Point point(int k, double loss) {
    return new WhatIf.Point(k, List.of(), loss);
  }

  @Test
  void steepThenFlatCurve_suggestsTheKnee() {
    List<WhatIf.Point> curve = List.of(point(2, 0.0), point(5, 0.30), point(10, 0.40), point(20, 0.45), point(50, 0.50));
    // Scaled: k 2,5,10,20,50 -> x 0, .0625, .1667, .375, 1; loss -> y 0, .6, .8, .9, 1.
    // Height above the chord y = x: .5375, .6333, .525 -> the knee is k=10.
    assertEquals(10, WhatIf.suggestedK(curve));
  }

  @Test
  void acceleratingCurve_suggestsSmallestK() {
    List<WhatIf.Point> curve = List.of(point(2, 0.0), point(5, 0.01), point(10, 0.05), point(20, 0.20), point(50, 0.90));
    assertEquals(2, WhatIf.suggestedK(curve));
  }

  @Test
  void twoPoints_suggestSmallestK() {
    assertEquals(3, WhatIf.suggestedK(List.of(point(3, 0.1), point(9, 0.5))));
  }

  @Test
  void noK_isRejectedWithMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WhatIf.run(List.of(), List.of(), SuppressionPolicy.of(5)));
    assertEquals("Cannot run what-if: no k values given", e.getMessage());
  }

  @Test
  void columnLeakDay_atK3_countsEveryCellAndShare() {
    WhatIf.Result r = WhatIf.run(List.of(3), List.of(Days.columnLeak()), SuppressionPolicy.of(3));
    WhatIf.Point p = r.points().get(0);
    assertEquals(List.of(
        new WhatIf.TableLoss(Table.TOTALS, 1, 0, 0, 0, 0),
        new WhatIf.TableLoss(Table.COUNTRIES, 2, 0, 0, 0, 0),
        new WhatIf.TableLoss(Table.REGIONS, 2, 0, 0, 0, 0),
        new WhatIf.TableLoss(Table.PAGES, 2, 0, 0, 0, 0),
        new WhatIf.TableLoss(Table.PAGE_COUNTRIES, 0, 4, 1, 1, 1)), p.tables());
    assertEquals(0.2, p.loss(), 1e-12);
    assertEquals(3, r.suggestedK());
  }

  @Test
  void randomDays_lossGrowsWithKAndJsonParses() throws Exception {
    Random rnd = new Random(5L);
    List<UnsuppressedDay> days = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      days.add(RandomDays.aggregate("2026-01-01", "s" + i, RandomDays.visits(rnd, RandomDays.Shape.ZIPF)));
    }
    WhatIf.Result r = WhatIf.run(List.of(50, 2, 5, 10, 20), days, SuppressionPolicy.of(5));
    assertEquals(List.of(2, 5, 10, 20, 50), r.points().stream().map(WhatIf.Point::k).toList());
    for (int i = 1; i < r.points().size(); i++) {
      WhatIf.TableLoss before = r.points().get(i - 1).tables().get(Table.COUNTRIES.ordinal());
      WhatIf.TableLoss after = r.points().get(i).tables().get(Table.COUNTRIES.ordinal());
      // Countries have no secondary suppression: a larger k never publishes more of them.
      assertEquals(true, after.cellsHidden() >= before.cellsHidden());
    }
    JsonNode json = new ObjectMapper().readTree(WhatIf.toJson(r));
    assertEquals(r.suggestedK(), json.get("suggestedK").asInt());
    assertEquals(5, json.get("points").size());
    assertEquals("page_countries", json.get("points").get(0).get("tables").get(4).get("table").asText());
    String table = WhatIf.formatTable(r);
    assertEquals(5 * 5 + 2, table.split("\n").length);
    System.out.print(table);
  }
}
