package org.geotraffic.privacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The suppressor's output for one (date, site): rows per table and what suppression cost. */
public record PublishedDay(Map<Table, List<PublishedRow>> rows, Map<Table, TableStats> stats) implements java.io.Serializable {
  public PublishedDay {
    EnumMap<Table, List<PublishedRow>> r = new EnumMap<>(Table.class);
    rows.forEach((t, l) -> r.put(t, List.copyOf(l)));
    rows = r;
    // new EnumMap<>(Map) throws on an empty map that is not an EnumMap (Map.of()).
    EnumMap<Table, TableStats> st = new EnumMap<>(Table.class);
    st.putAll(stats);
    stats = st;
  }

  public List<PublishedRow> rows(Table table) {
    return rows.getOrDefault(table, List.of());
  }
}
