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
import org.geotraffic.aggregate.Slices;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.privacy.UnsuppressedDay;
import scala.Tuple2;

/**
 * Partial table records ({@link PartialTableRecords}) sorted by (day, site) to one assembled {@link UnsuppressedDay}
 * per (date, site) ({@link DayAssembler}), with the tables of each of its slices when its lines carry slices (a run
 * audited against earlier releases), and the line tallies to one summed list. Assembles one day at a time.
 */
final class DayPartition implements FlatMapFunction<Iterator<Tuple2<byte[], Void>>, DayPartition.Part> {
  private static final long serialVersionUID = 1L;

  /**
   * A day with its slices' tables (by {@link org.geotraffic.aggregate.Slices} number; empty when its lines carry
   * none), or the partition's line tallies.
   */
  record Part(UnsuppressedDay day, java.util.TreeMap<Integer, UnsuppressedDay> slices, List<LineTally> tallies) implements Serializable {}

  @Override
  public Iterator<Part> call(Iterator<Tuple2<byte[], Void>> records) {
    List<Part> out = new ArrayList<>();
    LineTallies tallies = new LineTallies();
    PartialTableRecords.Reader in = new PartialTableRecords.Reader();
    Days days = new Days();
    DayAssembler assembler = null;
    // The (date, site)'s own tables once built, and its slices' tables as each is built.
    UnsuppressedDay own = null;
    java.util.TreeMap<Integer, UnsuppressedDay> builtSlices = new java.util.TreeMap<>();
    int day = 0;
    String site = null;
    int slice = Slices.NONE;
    boolean open = false;
    while (records.hasNext()) {
      byte[] record = records.next()._1();
      if (PartialTableRecords.isTally(record)) {
        tallies.add(in.tally(record));
        continue;
      }
      VisitorTables.TableCell c = in.cell(record);
      boolean newDay = !open || c.day() != day || !c.site().equals(site);
      if (newDay || c.slice() != slice) {
        // Records come sorted by (day, site, slice), the day's own tables first (PartialTableRecords.ByDayAndSite):
        // each table is built, and its assembler dropped, as soon as its records end.
        if (assembler != null) {
          if (slice == Slices.NONE) {
            own = assembler.build();
          } else {
            builtSlices.put(slice, assembler.build());
          }
          assembler = null;
        }
        if (newDay && open) {
          out.add(part(own, builtSlices, days.date(day), site));
          own = null;
          builtSlices = new java.util.TreeMap<>();
        }
        open = true;
        day = c.day();
        site = c.site();
        slice = c.slice();
        assembler = new DayAssembler(slice == Slices.NONE ? days.date(day) : Slices.date(slice), site);
      }
      assembler.add(c.table(), c.key1(), c.key2(), c.visitors(), c.hits(), c.pageviews(), c.bytes());
    }
    if (assembler != null) {
      if (slice == Slices.NONE) {
        own = assembler.build();
      } else {
        builtSlices.put(slice, assembler.build());
      }
      out.add(part(own, builtSlices, days.date(day), site));
    }
    out.add(new Part(null, null, tallies.list()));
    return out.iterator();
  }

  /** The day with its slices' tables; a day that had only slices' cells gets empty tables of its own, as it did before. */
  private static Part part(UnsuppressedDay own, java.util.TreeMap<Integer, UnsuppressedDay> slices, String date, String site) {
    return new Part(own != null ? own : new DayAssembler(date, site).build(), slices, null);
  }

}
