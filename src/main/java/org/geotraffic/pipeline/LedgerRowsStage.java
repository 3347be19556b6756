package org.geotraffic.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.config.Period;
import org.geotraffic.ledger.LedgerRelease;
import org.geotraffic.ledger.ReleaseLedger;
import org.geotraffic.privacy.Measures;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.PublishedRow;
import org.geotraffic.privacy.Table;

/**
 * Reads the rows earlier releases published, from the ledger's copies ({@code
 * _ledger/rows/<period folder>/<table>/run_id=<run>/date=<first day>/}, the same Parquet the tables got): one
 * read per table and period for all the releases asked for, since the rows of superseded versions are kept
 * there too. Suppressed rows only, a few per cell of a day.
 */
final class LedgerRowsStage {
  private static final String RUN_ID = ReleaseLedger.RUN_ID;

  private LedgerRowsStage() {}

  /** Each release's rows by site (a site without rows in it is absent). */
  static Map<LedgerRelease, Map<String, PublishedDay>> read(SparkSession spark, Path output, Collection<LedgerRelease> releases)
      throws IOException {
    Map<String, LedgerRelease> byKey = new HashMap<>();
    for (LedgerRelease r : releases) {
      byKey.put(key(r.runId(), r.period(), r.date()), r);
    }
    Map<LedgerRelease, Map<String, Map<Table, List<PublishedRow>>>> rows = new HashMap<>();
    FileSystem fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    spark.sparkContext().setJobDescription("read the rows of earlier releases");
    for (Period period : Period.values()) {
      for (Table table : Table.values()) {
        List<String> paths = new ArrayList<>();
        for (LedgerRelease r : releases) {
          Path p = new Path(output, ReleaseLedger.rowsFolder(r.runId(), period, table, r.date()));
          if (r.period() == period && !r.cleared() && fs.exists(p)) {
            paths.add(p.toString());
          }
        }
        if (paths.isEmpty()) {
          continue;
        }
        StructType schema = PublishedTableWriter.schema(table).add(RUN_ID, DataTypes.StringType, false);
        Dataset<Row> df = spark.read().schema(schema)
            .option("basePath", new Path(output, ReleaseLedger.rowsTable(period, table)).toString())
            .parquet(paths.toArray(new String[0]));
        for (Row r : df.collectAsList()) {
          LedgerRelease release = byKey.get(key(r.getAs(RUN_ID), period, r.getAs(PublishedTableWriter.DATE)));
          if (release == null) {
            continue;
          }
          PublishedRow row = toRow(table, r);
          rows.computeIfAbsent(release, x -> new HashMap<>()).computeIfAbsent(row.site(), x -> new EnumMap<>(Table.class))
              .computeIfAbsent(table, x -> new ArrayList<>()).add(row);
        }
      }
    }
    Map<LedgerRelease, Map<String, PublishedDay>> out = new HashMap<>();
    rows.forEach((release, bySite) -> {
      Map<String, PublishedDay> days = new HashMap<>();
      bySite.forEach((site, tables) -> days.put(site, new PublishedDay(tables, Map.of())));
      out.put(release, days);
    });
    return out;
  }

  private static String key(String runId, Period period, String date) {
    return runId + "\u0000" + period.key() + "\u0000" + date;
  }

  private static PublishedRow toRow(Table table, Row r) {
    List<String> columns = List.of(PublishedTableWriter.schema(table).fieldNames());
    String country = columns.contains("country") ? r.getAs("country") : null;
    String region = columns.contains("region") ? r.getAs("region") : null;
    String page = columns.contains("page") ? r.getAs("page") : null;
    long bytes = columns.contains("bytes") ? r.<Long>getAs("bytes") : 0L;
    return new PublishedRow(r.getAs(PublishedTableWriter.DATE), r.getAs("site"), country, region, page,
        new Measures(r.<Long>getAs("visitors"), r.<Long>getAs("hits"), r.<Long>getAs("pageviews"), bytes));
  }
}
