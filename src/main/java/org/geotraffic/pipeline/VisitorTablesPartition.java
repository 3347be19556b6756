package org.geotraffic.pipeline;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.aggregate.VisitorTables;

/**
 * The reduce side over a shuffle partition of visitor cells: partial regions, page_countries and page
 * set cells ({@link VisitorTables}) and the partition's line tallies, as {@link #SCHEMA} rows (Spark's
 * own rows, {@link InternalFrames}). Partitions' rows add up to the tables (their visitor sets are disjoint).
 */
final class VisitorTablesPartition implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;
  static final String TABLE = "table";
  static final String DAY = VisitorCellRows.DAY;
  static final String KEY1 = "key1";
  static final String KEY2 = "key2";
  static final String VISITORS = "visitors";
  /** Line tallies: day null, key1 the outcome, key2 the geo source, hits the number of lines. */
  static final String LINES = "lines";

  static final StructType SCHEMA = new StructType()
      .add(TABLE, DataTypes.StringType, false)
      .add(DAY, DataTypes.IntegerType, true)
      .add(VisitorCellRows.SITE, DataTypes.StringType, true)
      .add(KEY1, DataTypes.StringType, true)
      .add(KEY2, DataTypes.StringType, true)
      .add(VisitorCellRows.BOT, DataTypes.BooleanType, false)
      .add(VISITORS, DataTypes.LongType, false)
      .add(VisitorCellRows.HITS, DataTypes.LongType, false)
      .add(VisitorCellRows.PAGEVIEWS, DataTypes.LongType, false)
      .add(VisitorCellRows.BYTES, DataTypes.LongType, false);

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    VisitorTables tables = new VisitorTables();
    SharedStrings strings = new SharedStrings();
    VisitorCell cell = new VisitorCell();
    LineTallies tallies = new LineTallies();
    Writer out = new Writer();
    Iterator<VisitorTables.TableCell> cells = new PartitionOutput<InternalRow, VisitorTables.TableCell>(rows, r -> {
      if (VisitorCellRows.isTally(r)) {
        tallies.add(VisitorCellRows.readTally(r, strings));
        return List.of();
      }
      return tables.add(VisitorCellRows.readCell(r, cell, strings));
    }, tables::finish);
    Iterator<InternalRow> cellRows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return cells.hasNext();
      }

      @Override
      public InternalRow next() {
        return out.cell(cells.next());
      }
    };
    return new FollowedBy<>(cellRows, () -> tallies.list().stream().map(out::tally).iterator());
  }

  /** Writes {@link #SCHEMA} rows into one reused row (Spark copies each out before it asks for the next). */
  static final class Writer {
    private final SpecificInternalRow row = new SpecificInternalRow(SCHEMA);
    private final LastUtf8String table = new LastUtf8String();
    private final LastUtf8String site = new LastUtf8String();

    InternalRow cell(VisitorTables.TableCell c) {
      row.update(0, table.of(c.table()));
      row.setInt(1, c.day());
      row.update(2, site.of(c.site()));
      row.update(3, LastUtf8String.nullable(c.key1()));
      row.update(4, LastUtf8String.nullable(c.key2()));
      row.setBoolean(5, false);
      row.setLong(6, c.visitors());
      row.setLong(7, c.hits());
      row.setLong(8, c.pageviews());
      row.setLong(9, c.bytes());
      return row;
    }

    InternalRow tally(LineTally t) {
      row.update(0, table.of(LINES));
      row.setNullAt(1);
      row.setNullAt(2);
      row.update(3, TallyCodes.outcome(t.outcome()));
      row.update(4, TallyCodes.geoSource(t.geoSource()));
      row.setBoolean(5, t.bot());
      row.setLong(6, 0L);
      row.setLong(7, t.lines());
      row.setLong(8, 0L);
      row.setLong(9, 0L);
      return row;
    }
  }
}
