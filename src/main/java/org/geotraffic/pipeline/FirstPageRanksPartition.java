package org.geotraffic.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.aggregate.FirstPageRanks;

/**
 * Page-set rows ({@link VisitorTablesPartition#SCHEMA}, table page_sets) to the number of visitors per
 * (date, site, first rank), as {@link #SCHEMA} rows.
 */
final class FirstPageRanksPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;
  static final String RANK = "rank";

  static final StructType SCHEMA = new StructType()
      .add(VisitorTablesPartition.DATE, DataTypes.StringType, false)
      .add(VisitorCellRows.SITE, DataTypes.StringType, false)
      .add(RANK, DataTypes.IntegerType, false)
      .add(VisitorTablesPartition.VISITORS, DataTypes.LongType, false);

  private record DaySiteRank(String date, String site, int rank) {}

  private final Broadcast<FirstPageRanks> ranks;

  FirstPageRanksPartition(Broadcast<FirstPageRanks> ranks) {
    this.ranks = ranks;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> pageSets) {
    FirstPageRanks first = ranks.value();
    Map<DaySiteRank, long[]> counts = new HashMap<>();
    while (pageSets.hasNext()) {
      Row r = pageSets.next();
      String date = r.getString(1);
      String site = r.getString(2);
      counts.computeIfAbsent(new DaySiteRank(date, site, first.firstRank(date, site, r.getString(3))), k -> new long[1])[0] += r.getLong(6);
    }
    List<Row> out = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> out.add(RowFactory.create(k.date(), k.site(), k.rank(), n[0])));
    return out.iterator();
  }
}
