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
    java.util.TreeMap<Integer, DayAssembler> sliceAssemblers = new java.util.TreeMap<>();
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
          out.add(built(assembler, sliceAssemblers));
          assembler = null;
        }
        day = c.day();
        site = c.site();
        assembler = new DayAssembler(days.date(day), site);
        sliceAssemblers = new java.util.TreeMap<>();
      }
      DayAssembler into = assembler;
      if (c.slice() != Slices.NONE) {
        String s = site;
        into = sliceAssemblers.computeIfAbsent(c.slice(), x -> new DayAssembler(Slices.date(x), s));
      }
      into.add(c.table(), c.key1(), c.key2(), c.visitors(), c.hits(), c.pageviews(), c.bytes());
    }
    if (assembler != null) {
      out.add(built(assembler, sliceAssemblers));
    }
    out.add(new Part(null, null, tallies.list()));
    return out.iterator();
  }

  /**
   * Builds the day and its slices, each assembler dropped (and its maps freed) as soon as it is built: a week's
   * eight assemblers (the week's and its seven days') held about 500 MB of sums and page-set strings at once (7M
   * benchmark lines, 1 GiB heap), and building them while all were held ran in back-to-back full collections.
   */
  private static Part built(DayAssembler day, java.util.TreeMap<Integer, DayAssembler> slices) {
    java.util.TreeMap<Integer, UnsuppressedDay> built = new java.util.TreeMap<>();
    UnsuppressedDay own = day.build();
    while (!slices.isEmpty()) {
      java.util.Map.Entry<Integer, DayAssembler> e = slices.pollFirstEntry();
      built.put(e.getKey(), e.getValue().build());
    }
    return new Part(own, built, null);
  }
}
