package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.geotraffic.aggregate.DayAssembler;
import org.geotraffic.aggregate.Days;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Partial-table rows ({@link VisitorTablesPartition#SCHEMA}, Spark's own rows) sorted by (day, site) to
 * one assembled {@link UnsuppressedDay} per (date, site) ({@link DayAssembler}), and the line tallies
 * (day null) to one summed list. Assembles one day at a time.
 */
final class DayPartition implements FlatMapFunction<Iterator<InternalRow>, DayPartition.Part> {
  private static final long serialVersionUID = 1L;

  /** A day, or the partition's line tallies. */
  record Part(UnsuppressedDay day, List<LineTally> tallies) implements Serializable {}

  @Override
  public Iterator<Part> call(Iterator<InternalRow> rows) {
    List<Part> out = new ArrayList<>();
    LineTallies tallies = new LineTallies();
    SharedStrings strings = new SharedStrings();
    Days days = new Days();
    DayAssembler assembler = null;
    int day = 0;
    String site = null;
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      String table = strings.of(r.getUTF8String(0));
      if (table.equals(VisitorTablesPartition.LINES)) {
        tallies.add(new LineTally(TallyCodes.outcome(strings.of(r.getUTF8String(3))),
            r.isNullAt(4) ? null : TallyCodes.geoSource(strings.of(r.getUTF8String(4))), r.getBoolean(5), r.getLong(7)));
        continue;
      }
      String rowSite = strings.of(r.getUTF8String(2));
      if (assembler == null || r.getInt(1) != day || !rowSite.equals(site)) {
        if (assembler != null) {
          out.add(new Part(assembler.build(), null));
        }
        day = r.getInt(1);
        site = rowSite;
        assembler = new DayAssembler(days.date(day), site);
      }
      // A page set seldom repeats within a partition: it is not worth keeping among the shared strings.
      String key1 = table.equals(VisitorTables.PAGE_SETS) ? r.getUTF8String(3).toString() : strings.of(r.getUTF8String(3));
      assembler.add(table, key1, strings.of(r.getUTF8String(4)), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9));
    }
    if (assembler != null) {
      out.add(new Part(assembler.build(), null));
    }
    out.add(new Part(null, tallies.list()));
    return out.iterator();
  }
}
