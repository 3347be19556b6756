package org.geotraffic.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.enrich.EnrichedEvent;

/** The schema of enriched lines: derived values only, the only shape that reaches a shuffle. */
public final class EnrichedRows {
  static final String OUTCOME = "outcome";
  static final String GEO_SOURCE = "geo_source";
  static final String DATE = "date";
  static final String SITE = "site";
  static final String COUNTRY = "country";
  static final String REGION = "region";
  static final String PAGE = "page";
  static final String VISITOR = "visitor";
  static final String BOT = "bot";
  static final String PAGEVIEW = "pageview";
  static final String BYTES = "bytes";

  static final StructType SCHEMA = new StructType()
      .add(OUTCOME, DataTypes.StringType, false)
      .add(GEO_SOURCE, DataTypes.StringType, true)
      .add(DATE, DataTypes.StringType, true)
      .add(SITE, DataTypes.StringType, true)
      .add(COUNTRY, DataTypes.StringType, true)
      .add(REGION, DataTypes.StringType, true)
      .add(PAGE, DataTypes.StringType, true)
      .add(VISITOR, DataTypes.LongType, false)
      .add(BOT, DataTypes.BooleanType, false)
      .add(PAGEVIEW, DataTypes.IntegerType, false)
      .add(BYTES, DataTypes.LongType, false);

  private EnrichedRows() {}

  static Row toRow(EnrichedEvent e) {
    return RowFactory.create(e.outcome, e.geoSource, e.date, e.site, e.country, e.region, e.page, e.visitor, e.bot,
        e.pageView ? 1 : 0, e.bytes);
  }
}
