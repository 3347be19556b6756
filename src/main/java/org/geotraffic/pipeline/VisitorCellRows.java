package org.geotraffic.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;

/**
 * The rows the enrich stage hands to the shuffle: derived values only. Two kinds share the schema: a
 * visitor cell ({@link VisitorCell}: outcome null) and a line tally ({@link LineTally}: outcome set,
 * day null, its line count in hits).
 */
public final class VisitorCellRows {
  static final String DAY = "day";
  static final String SITE = "site";
  static final String COUNTRY = "country";
  static final String REGION = "region";
  static final String PAGE = "page";
  static final String VISITOR = "visitor";
  static final String HITS = "hits";
  static final String PAGEVIEWS = "pageviews";
  static final String BYTES = "bytes";
  static final String OUTCOME = "outcome";
  static final String GEO_SOURCE = "geo_source";
  static final String BOT = "bot";

  static final StructType SCHEMA = new StructType()
      .add(DAY, DataTypes.IntegerType, true)
      .add(SITE, DataTypes.StringType, true)
      .add(COUNTRY, DataTypes.StringType, true)
      .add(REGION, DataTypes.StringType, true)
      .add(PAGE, DataTypes.StringType, true)
      .add(VISITOR, DataTypes.LongType, false)
      .add(HITS, DataTypes.LongType, false)
      .add(PAGEVIEWS, DataTypes.LongType, false)
      .add(BYTES, DataTypes.LongType, false)
      .add(OUTCOME, DataTypes.StringType, true)
      .add(GEO_SOURCE, DataTypes.StringType, true)
      .add(BOT, DataTypes.BooleanType, false);

  private static final int OUTCOME_INDEX = 9;

  private VisitorCellRows() {}

  /**
   * Writes cells and tallies into one reused row: Spark copies each row out (into its shuffle's row format)
   * before it asks for the next, so a row is valid until the next call. Not thread-safe: one per task.
   */
  static final class Writer {
    private final SpecificInternalRow row = new SpecificInternalRow(SCHEMA);
    // Site, country and region repeat from line to line: each is encoded once per change.
    private final LastUtf8String site = new LastUtf8String();
    private final LastUtf8String country = new LastUtf8String();
    private final LastUtf8String region = new LastUtf8String();

    InternalRow cell(VisitorCell c) {
      row.setInt(0, c.day);
      row.update(1, site.of(c.site));
      row.update(2, country.of(c.country));
      row.update(3, region.of(c.region));
      row.update(4, LastUtf8String.nullable(c.page));
      row.setLong(5, c.visitor);
      row.setLong(6, c.hits);
      row.setLong(7, c.pageviews);
      row.setLong(8, c.bytes);
      row.setNullAt(9);
      row.setNullAt(10);
      row.setBoolean(11, false);
      return row;
    }

    InternalRow tally(LineTally t) {
      for (int i = 0; i < 5; i++) {
        row.setNullAt(i);
      }
      row.setLong(5, 0L);
      row.setLong(6, t.lines());
      row.setLong(7, 0L);
      row.setLong(8, 0L);
      row.update(9, TallyCodes.outcome(t.outcome()));
      row.update(10, TallyCodes.geoSource(t.geoSource()));
      row.setBoolean(11, t.bot());
      return row;
    }
  }

  static boolean isTally(InternalRow r) {
    return !r.isNullAt(OUTCOME_INDEX);
  }

  /**
   * Reads a cell row, as the shuffle hands it over (Spark's own row, not converted to a {@link Row}),
   * into {@code into}; its strings come from {@code strings}.
   */
  static VisitorCell readCell(InternalRow r, VisitorCell into, SharedStrings strings) {
    return into.set(r.getInt(0), strings.of(r.getUTF8String(1)), strings.of(r.getUTF8String(2)), strings.of(r.getUTF8String(3)),
        strings.of(r.getUTF8String(4)), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8));
  }

  static LineTally readTally(InternalRow r, SharedStrings strings) {
    return new LineTally(TallyCodes.outcome(strings.of(r.getUTF8String(OUTCOME_INDEX))),
        r.isNullAt(10) ? null : TallyCodes.geoSource(strings.of(r.getUTF8String(10))), r.getBoolean(11), r.getLong(6));
  }
}
