package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.geotraffic.aggregate.DayAssembler;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Partial-table rows ({@link VisitorTablesPartition#SCHEMA}) sorted by (date, site) to one assembled
 * {@link UnsuppressedDay} per (date, site) ({@link DayAssembler}), and the line tallies (date null) to
 * one summed list. Assembles one day at a time.
 */
final class DayPartition implements FlatMapFunction<Iterator<Row>, DayPartition.Part> {
  private static final long serialVersionUID = 1L;

  /** A day, or the partition's line tallies. */
  record Part(UnsuppressedDay day, List<LineTally> tallies) implements Serializable {}

  @Override
  public Iterator<Part> call(Iterator<Row> rows) {
    List<Part> out = new ArrayList<>();
    LineTallies tallies = new LineTallies();
    DayAssembler day = null;
    String date = null;
    String site = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.getString(0).equals(VisitorTablesPartition.LINES)) {
        tallies.add(new LineTally(r.getString(3), r.getString(4), r.getBoolean(5), r.getLong(7)));
        continue;
      }
      if (day == null || !Objects.equals(r.getString(1), date) || !Objects.equals(r.getString(2), site)) {
        if (day != null) {
          out.add(new Part(day.build(), null));
        }
        date = r.getString(1);
        site = r.getString(2);
        day = new DayAssembler(date, site);
      }
      day.add(r.getString(0), r.getString(3), r.getString(4), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9));
    }
    if (day != null) {
      out.add(new Part(day.build(), null));
    }
    out.add(new Part(null, tallies.list()));
    return out.iterator();
  }
}
