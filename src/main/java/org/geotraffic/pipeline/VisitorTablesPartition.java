package org.geotraffic.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.aggregate.Days;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.aggregate.VisitorTables;

/**
 * The reduce side over a shuffle partition of visitor cells: partial regions, page_countries and page
 * set cells ({@link VisitorTables}) and the partition's line tallies, as {@link #SCHEMA} rows.
 * Partitions' rows add up to the tables (their visitor sets are disjoint).
 */
final class VisitorTablesPartition implements FlatMapFunction<Iterator<InternalRow>, Row> {
  private static final long serialVersionUID = 1L;
  static final String TABLE = "table";
  static final String DATE = "date";
  static final String KEY1 = "key1";
  static final String KEY2 = "key2";
  static final String VISITORS = "visitors";
  /** Line tallies: key1 is the outcome, key2 the geo source, hits the number of lines. */
  static final String LINES = "lines";

  static final StructType SCHEMA = new StructType()
      .add(TABLE, DataTypes.StringType, false)
      .add(DATE, DataTypes.StringType, true)
      .add(VisitorCellRows.SITE, DataTypes.StringType, true)
      .add(KEY1, DataTypes.StringType, true)
      .add(KEY2, DataTypes.StringType, true)
      .add(VisitorCellRows.BOT, DataTypes.BooleanType, false)
      .add(VISITORS, DataTypes.LongType, false)
      .add(VisitorCellRows.HITS, DataTypes.LongType, false)
      .add(VisitorCellRows.PAGEVIEWS, DataTypes.LongType, false)
      .add(VisitorCellRows.BYTES, DataTypes.LongType, false);

  @Override
  public Iterator<Row> call(Iterator<InternalRow> rows) {
    VisitorTables tables = new VisitorTables();
    SharedStrings strings = new SharedStrings();
    Days days = new Days();
    VisitorCell cell = new VisitorCell();
    LineTallies tallies = new LineTallies();
    return new PartitionOutput<InternalRow, Row>(rows, r -> {
      if (VisitorCellRows.isTally(r)) {
        tallies.add(VisitorCellRows.readTally(r, strings));
        return List.of();
      }
      return toRows(tables.add(VisitorCellRows.readCell(r, cell, strings)), days);
    }, () -> {
      List<Row> out = toRows(tables.finish(), days);
      tallies.list().forEach(t -> out.add(RowFactory.create(LINES, null, null, t.outcome(), t.geoSource(), t.bot(), 0L, t.lines(), 0L, 0L)));
      return out;
    });
  }

  private static List<Row> toRows(List<VisitorTables.TableCell> cells, Days days) {
    List<Row> out = new ArrayList<>(cells.size());
    for (VisitorTables.TableCell c : cells) {
      out.add(RowFactory.create(c.table(), days.date(c.day()), c.site(), c.key1(), c.key2(), false, c.visitors(), c.hits(),
          c.pageviews(), c.bytes()));
    }
    return out;
  }
}
