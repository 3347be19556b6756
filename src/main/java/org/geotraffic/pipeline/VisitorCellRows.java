package org.geotraffic.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

  static Row cellRow(VisitorCell c) {
    return RowFactory.create(c.day, c.site, c.country, c.region, c.page, c.visitor, c.hits, c.pageviews, c.bytes, null, null, false);
  }

  static Row tallyRow(LineTally t) {
    return RowFactory.create(null, null, null, null, null, 0L, t.lines(), 0L, 0L, t.outcome(), t.geoSource(), t.bot());
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
    String geoSource = r.isNullAt(10) ? null : strings.of(r.getUTF8String(10));
    return new LineTally(strings.of(r.getUTF8String(OUTCOME_INDEX)), geoSource, r.getBoolean(11), r.getLong(6));
  }
}
