package org.geotraffic.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

  static boolean isTally(Row r) {
    return !r.isNullAt(OUTCOME_INDEX);
  }

  /** Reads a cell row into {@code into}. */
  static VisitorCell readCell(Row r, VisitorCell into) {
    return into.set(r.getInt(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getLong(6),
        r.getLong(7), r.getLong(8));
  }

  static LineTally readTally(Row r) {
    return new LineTally(r.getString(OUTCOME_INDEX), r.getString(10), r.getBoolean(11), r.getLong(6));
  }
}
