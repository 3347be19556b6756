package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.geotraffic.aggregate.DayAssembler;
import org.geotraffic.aggregate.Days;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.privacy.UnsuppressedDay;
import scala.Tuple2;

/**
 * Partial table records ({@link PartialTableRecords}) sorted by (day, site) to one assembled {@link UnsuppressedDay}
 * per (date, site) ({@link DayAssembler}), and the line tallies to one summed list. Assembles one day at a time.
 */
final class DayPartition implements FlatMapFunction<Iterator<Tuple2<byte[], Void>>, DayPartition.Part> {
  private static final long serialVersionUID = 1L;

  /** A day, or the partition's line tallies. */
  record Part(UnsuppressedDay day, List<LineTally> tallies) implements Serializable {}

  @Override
  public Iterator<Part> call(Iterator<Tuple2<byte[], Void>> records) {
    List<Part> out = new ArrayList<>();
    LineTallies tallies = new LineTallies();
    PartialTableRecords.Reader in = new PartialTableRecords.Reader();
    Days days = new Days();
    DayAssembler assembler = null;
    int day = 0;
    String site = null;
    while (records.hasNext()) {
      byte[] record = records.next()._1();
      if (PartialTableRecords.isTally(record)) {
        tallies.add(in.tally(record));
        continue;
      }
      VisitorTables.TableCell c = in.cell(record);
      if (assembler == null || c.day() != day || !c.site().equals(site)) {
        if (assembler != null) {
          out.add(new Part(assembler.build(), null));
        }
        day = c.day();
        site = c.site();
        assembler = new DayAssembler(days.date(day), site);
      }
      assembler.add(c.table(), c.key1(), c.key2(), c.visitors(), c.hits(), c.pageviews(), c.bytes());
    }
    if (assembler != null) {
      out.add(new Part(assembler.build(), null));
    }
    out.add(new Part(null, tallies.list()));
    return out.iterator();
  }
}
