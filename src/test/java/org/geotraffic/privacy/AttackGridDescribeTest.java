package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttackGridDescribeTest {
  @Test
  void describe_isExactlyTheListsToString_soDisclosuresDeduplicateAsBefore() {
    List<AttackGrid.Position> positions = List.of(
        new AttackGrid.Position("/a", "DE"), new AttackGrid.Position(null, "FR"),
        new AttackGrid.Position("/b, country=x]", null), new AttackGrid.Position(null, null));
    assertEquals(positions.toString(), AttackGrid.describe(positions));
    assertEquals(List.of().toString(), AttackGrid.describe(List.of()));
    assertEquals(List.of(positions.get(0)).toString(), AttackGrid.describe(List.of(positions.get(0))));
  }
}
