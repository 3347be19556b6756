package org.geotraffic.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.geotraffic.pipeline.EnrichedRows.BOT;
import static org.geotraffic.pipeline.EnrichedRows.BYTES;
import static org.geotraffic.pipeline.EnrichedRows.COUNTRY;
import static org.geotraffic.pipeline.EnrichedRows.DATE;
import static org.geotraffic.pipeline.EnrichedRows.GEO_SOURCE;
import static org.geotraffic.pipeline.EnrichedRows.OUTCOME;
import static org.geotraffic.pipeline.EnrichedRows.PAGE;
import static org.geotraffic.pipeline.EnrichedRows.PAGEVIEW;
import static org.geotraffic.pipeline.EnrichedRows.REGION;
import static org.geotraffic.pipeline.EnrichedRows.SITE;
import static org.geotraffic.pipeline.EnrichedRows.VISITOR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.privacy.Cell;
import org.geotraffic.privacy.ChildGroup;
import org.geotraffic.privacy.Measures;
import org.geotraffic.privacy.UnsuppressedDay;
import scala.collection.JavaConverters;

/**
 * Stage 2, aggregate: enriched lines to the unsuppressed tables of every (date, site), plus the line
 * accounting. Everything the driver collects here is aggregated (one row per table cell or per
 * outcome), never per line.
 *
 * <p>First the lines are reduced to visitor-level cells (one row per date, site, location, page and
 * visitor, with partial aggregation before the shuffle); every table and the accounting are computed
 * from those. For pages, whose visitor sets overlap, the distinct visitors of every "(other)"
 * candidate (a prefix of the fold order) are computed exactly from the visitor-level cells.
 */
public final class AggregateStage {
  static final String HITS = "hits";
  static final String PAGEVIEWS = "pageviews";
  static final String VISITORS = "visitors";
  private static final String RANK = "rank";

  private AggregateStage() {}

  /** What the stage produces. */
  public record Aggregates(List<UnsuppressedDay> days, LineCounts counts) {}

  /**
   * Enriched lines reduced to visitor-level cells: one row per outcome, location, page and visitor of a
   * (date, site), with hits, page views and bytes. Its first shuffle is the first place data leaves
   * the enrich step; only derived columns reach it.
   */
  public static Dataset<Row> visitorCells(Dataset<Row> enriched) {
    return enriched
        .groupBy(col(OUTCOME), col(GEO_SOURCE), col(DATE), col(SITE), col(COUNTRY), col(REGION), col(PAGE), col(VISITOR), col(BOT))
        .agg(count(lit(1)).as(HITS), sum(col(PAGEVIEW)).as(PAGEVIEWS), sum(col(BYTES)).as(BYTES));
  }

  public static Aggregates aggregate(SparkSession spark, Dataset<Row> enriched) {
    Dataset<Row> cells = visitorCells(enriched).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      LineCounts counts = countLines(cells);
      Dataset<Row> accepted = cells.filter(col(OUTCOME).equalTo(LineEnricher.ACCEPTED));
      List<UnsuppressedDay> days = buildDays(spark, accepted);
      return new Aggregates(days, counts);
    } finally {
      cells.unpersist();
    }
  }

  private static LineCounts countLines(Dataset<Row> cells) {
    long read = 0;
    long accepted = 0;
    long bots = 0;
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> filtered = new TreeMap<>();
    Map<String, Long> geo = new TreeMap<>();
    for (Row r : cells.groupBy(col(OUTCOME), col(GEO_SOURCE), col(BOT)).agg(sum(col(HITS)).as(HITS)).collectAsList()) {
      String outcome = r.getString(0);
      long n = r.getLong(3);
      read += n;
      if (outcome.equals(LineEnricher.ACCEPTED)) {
        accepted += n;
        geo.merge(r.getString(1), n, Long::sum);
        if (r.getBoolean(2)) {
          bots += n;
        }
      } else if (outcome.startsWith("rejected:")) {
        rejected.merge(outcome.substring("rejected:".length()), n, Long::sum);
      } else {
        filtered.merge(outcome.substring("filtered:".length()), n, Long::sum);
      }
    }
    return new LineCounts(read, accepted, rejected, filtered, bots, geo);
  }

  /**
   * Measures of every (date, site, key...) group. Visitors: each visitor has one location, so where the
   * key holds the location, the non-bot cells of one page are one per visitor and a plain count is the
   * distinct count; elsewhere a single count(distinct), which Spark plans without an Expand.
   */
  private static List<Row> table(Dataset<Row> accepted, Column visitors, String... keys) {
    Column[] keyCols = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keyCols[i] = col(keys[i]);
    }
    return accepted.groupBy(keyCols)
        .agg(visitors.as(VISITORS), sum(col(HITS)).as(HITS), sum(col(PAGEVIEWS)).as(PAGEVIEWS), sum(col(BYTES)).as(BYTES))
        .collectAsList();
  }

  /** Measures of a collected table row whose first {@code keys} columns are keys. */
  private static Measures measuresOf(Row r, int keys) {
    return new Measures(r.getLong(keys), r.getLong(keys + 1), r.getLong(keys + 2), r.getLong(keys + 3));
  }

  /**
   * Two aggregations give all five tables. Regions (distinct visitors per location) sum up exactly to
   * countries and totals, because every visitor has exactly one location; page_countries (one non-bot
   * cell per visitor, page and country) sum up exactly to pages for the same reason. Only the pages'
   * "(other)" candidates need visitor-level data again (their visitor sets overlap).
   */
  private static List<UnsuppressedDay> buildDays(SparkSession spark, Dataset<Row> accepted) {
    Map<DaySite, DayBuilder> days = new TreeMap<>();
    Column distinctVisitors = countDistinct(when(col(VISITOR).notEqual(LineEnricher.NO_VISITOR), col(VISITOR)));
    spark.sparkContext().setJobDescription("aggregate regions");
    for (Row r : table(accepted, distinctVisitors, DATE, SITE, COUNTRY, REGION)) {
      DayBuilder d = days.computeIfAbsent(new DaySite(r.getString(0), r.getString(1)), DayBuilder::new);
      Measures m = measuresOf(r, 4);
      d.regions.computeIfAbsent(r.getString(2), c -> new ArrayList<>()).add(new Cell(r.getString(3), m));
      d.countries.merge(r.getString(2), m, Measures::plus);
      d.totals = d.totals.plus(m);
    }
    Column visitorCells = sum(when(col(VISITOR).notEqual(LineEnricher.NO_VISITOR), 1L).otherwise(0L));
    spark.sparkContext().setJobDescription("aggregate page_countries");
    for (Row r : table(accepted, visitorCells, DATE, SITE, PAGE, COUNTRY)) {
      DayBuilder d = days.get(new DaySite(r.getString(0), r.getString(1)));
      Measures m = measuresOf(r, 4);
      d.pageCountries.computeIfAbsent(r.getString(2), p -> new ArrayList<>()).add(new Cell(r.getString(3), m));
      d.pageTotals.merge(r.getString(2), m, Measures::plus);
    }
    days.values().forEach(d -> {
      d.pageTotals.forEach((page, m) -> d.pages.add(new Cell(page, m)));
      d.pages.sort(ChildGroup.FOLD_ORDER);
    });
    spark.sparkContext().setJobDescription("aggregate page prefix unions");
    Map<DaySite, long[]> pageUnions = pagePrefixUnions(spark, accepted, days);

    List<UnsuppressedDay> result = new ArrayList<>();
    for (DayBuilder d : days.values()) {
      Map<String, ChildGroup> regions = new HashMap<>();
      d.regions.forEach((country, list) -> regions.put(country, ChildGroup.disjoint(list)));
      Map<String, ChildGroup> pageCountries = new HashMap<>();
      d.pageCountries.forEach((page, list) -> pageCountries.put(page, ChildGroup.disjoint(list)));
      List<Cell> countries = new ArrayList<>();
      d.countries.forEach((country, m) -> countries.add(new Cell(country, m)));
      ChildGroup pages = new ChildGroup(d.pages, pageUnions.get(d.key), false);
      result.add(new UnsuppressedDay(d.key.date(), d.key.site(), d.totals, ChildGroup.disjoint(countries), regions, pages, pageCountries));
    }
    return result;
  }

  /**
   * Distinct visitors of every prefix of each day's pages in fold order: each visitor counts once, at
   * the smallest rank among the pages it visited; a running sum over ranks gives the prefix unions.
   */
  private static Map<DaySite, long[]> pagePrefixUnions(SparkSession spark, Dataset<Row> accepted, Map<DaySite, DayBuilder> days) {
    List<Row> ranks = new ArrayList<>();
    Map<DaySite, long[]> unions = new HashMap<>();
    for (DayBuilder d : days.values()) {
      for (int i = 0; i < d.pages.size(); i++) {
        ranks.add(RowFactory.create(d.key.date(), d.key.site(), d.pages.get(i).key(), i + 1));
      }
      unions.put(d.key, new long[d.pages.size() + 1]);
    }
    StructType rankSchema = new StructType()
        .add(DATE, DataTypes.StringType).add(SITE, DataTypes.StringType).add(PAGE, DataTypes.StringType).add(RANK, DataTypes.IntegerType);
    Dataset<Row> rankTable = spark.createDataFrame(ranks, rankSchema);
    List<Row> firstRanks = accepted.filter(col(VISITOR).notEqual(LineEnricher.NO_VISITOR))
        .select(col(DATE), col(SITE), col(PAGE), col(VISITOR))
        .join(rankTable, JavaConverters.asScalaBufferConverter(List.of(DATE, SITE, PAGE)).asScala())
        .groupBy(col(DATE), col(SITE), col(VISITOR)).agg(min(col(RANK)).as(RANK))
        .groupBy(col(DATE), col(SITE), col(RANK)).agg(count(lit(1)).as(VISITORS))
        .collectAsList();
    for (Row r : firstRanks) {
      long[] u = unions.get(new DaySite(r.getString(0), r.getString(1)));
      u[r.getInt(2)] += r.getLong(3);
    }
    unions.values().forEach(u -> {
      for (int j = 1; j < u.length; j++) {
        u[j] += u[j - 1];
      }
    });
    return unions;
  }

  private record DaySite(String date, String site) implements Comparable<DaySite> {
    @Override
    public int compareTo(DaySite o) {
      int c = date.compareTo(o.date);
      return c != 0 ? c : site.compareTo(o.site);
    }
  }

  private static final class DayBuilder {
    final DaySite key;
    Measures totals = Measures.ZERO;
    final Map<String, Measures> countries = new TreeMap<>();
    final Map<String, Measures> pageTotals = new TreeMap<>();
    final Map<String, List<Cell>> regions = new HashMap<>();
    final List<Cell> pages = new ArrayList<>();
    final Map<String, List<Cell>> pageCountries = new HashMap<>();

    DayBuilder(DaySite key) {
      this.key = key;
    }
  }
}
