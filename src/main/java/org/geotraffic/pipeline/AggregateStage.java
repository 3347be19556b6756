package org.geotraffic.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.geotraffic.pipeline.VisitorCellRows.OUTCOME;
import static org.geotraffic.pipeline.VisitorCellRows.PAGE;
import static org.geotraffic.pipeline.VisitorCellRows.REGION;
import static org.geotraffic.pipeline.VisitorCellRows.SITE;
import static org.geotraffic.pipeline.VisitorCellRows.VISITOR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geotraffic.aggregate.FirstPageRanks;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.privacy.Cell;
import org.geotraffic.privacy.ChildGroup;
import org.geotraffic.privacy.Measures;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Stage 2, aggregate: visitor cells to the unsuppressed tables of every (date, site), plus the line
 * accounting. Everything the driver collects here is aggregated (one row per table cell or per
 * outcome), never per line.
 *
 * <p>One shuffle of visitor data: the enrich stage's visitor cells are partitioned by visitor, so each
 * partition holds every cell of its visitors, and sorted by (day, visitor) within the partition. Plain
 * Java then counts each visitor once per region and per (page, country), and leaves each visitor's set
 * of pages ({@link VisitorTables}); partitions' visitor sets are disjoint, so their counts add up
 * exactly. Countries, totals and pages are sums of those (each visitor has one location). Once the
 * pages' fold order is known, the page sets give the distinct visitors of every prefix of it, which the
 * "(other)" row of pages needs ({@link FirstPageRanks}).
 */
public final class AggregateStage {
  private AggregateStage() {}

  /** What the stage produces. */
  public record Aggregates(List<UnsuppressedDay> days, LineCounts counts) {}

  /**
   * The visitor cells partitioned by visitor (cells without one spread by page) and sorted within each
   * partition by {@link VisitorTables#sortKey} (day, then the visitor id's high bits: one long, so Spark
   * radix-sorts it): the one shuffle, and the first place data leaves the enrich step.
   */
  public static Dataset<Row> visitorPartitions(Dataset<Row> cells) {
    Column spread = when(col(VISITOR).notEqual(LineEnricher.NO_VISITOR), col(VISITOR))
        .otherwise(hash(col(PAGE), col(REGION), col(OUTCOME)).cast("long"));
    Column sortKey = shiftleft(col(VisitorCellRows.DAY).cast("long"), 32).bitwiseOR(shiftrightunsigned(col(VISITOR), 32));
    // A fixed number (spark.sql.shuffle.partitions, scaled with the input), not left to AQE: it coalesced the
    // 10M benchmark into 7 tasks, and 7 tasks on 2 cores left one core idle for the last wave.
    int partitions = Integer.parseInt(cells.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    return cells.repartition(partitions, spread).sortWithinPartitions(sortKey);
  }

  public static Aggregates aggregate(SparkSession spark, Dataset<Row> cells) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> partitions = visitorPartitions(cells).javaRDD();

    spark.sparkContext().setJobDescription("aggregate regions, page_countries and page sets");
    Dataset<Row> partial = spark.createDataFrame(partitions.mapPartitions(new VisitorTablesPartition()), VisitorTablesPartition.SCHEMA)
        .groupBy(col(VisitorTablesPartition.TABLE), col(VisitorTablesPartition.DATE), col(SITE), col(VisitorTablesPartition.KEY1),
            col(VisitorTablesPartition.KEY2), col(VisitorCellRows.BOT))
        .agg(sum(col(VisitorTablesPartition.VISITORS)), sum(col(VisitorCellRows.HITS)), sum(col(VisitorCellRows.PAGEVIEWS)),
            sum(col(VisitorCellRows.BYTES)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column isPageSet = col(VisitorTablesPartition.TABLE).equalTo(VisitorTables.PAGE_SETS);
      List<Row> tables = partial.filter(not(isPageSet)).collectAsList();
      LineCounts counts = countLines(tables);
      Map<DaySite, DayBuilder> days = buildDays(tables);

      // Page sets stay on the executors (one row per distinct set: too many to collect); only their
      // counts per first rank come back.
      spark.sparkContext().setJobDescription("aggregate page prefix unions");
      Broadcast<FirstPageRanks> ranks = jsc.broadcast(ranksOf(days));
      try {
        List<Row> firstRanks = spark.createDataFrame(partial.filter(isPageSet).javaRDD().mapPartitions(new FirstPageRanksPartition(ranks)),
                FirstPageRanksPartition.SCHEMA)
            .groupBy(col(VisitorTablesPartition.DATE), col(SITE), col(FirstPageRanksPartition.RANK))
            .agg(sum(col(VisitorTablesPartition.VISITORS)))
            .collectAsList();
        return new Aggregates(finishDays(days, firstRanks), counts);
      } finally {
        ranks.destroy();
      }
    } finally {
      partial.unpersist();
    }
  }

  private static LineCounts countLines(List<Row> tables) {
    long read = 0;
    long accepted = 0;
    long bots = 0;
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> filtered = new TreeMap<>();
    Map<String, Long> geo = new TreeMap<>();
    for (Row r : tables) {
      if (!r.getString(0).equals(VisitorTablesPartition.LINES)) {
        continue;
      }
      String outcome = r.getString(3);
      long n = r.getLong(7);
      read += n;
      if (outcome.equals(LineEnricher.ACCEPTED)) {
        accepted += n;
        geo.merge(r.getString(4), n, Long::sum);
        if (r.getBoolean(5)) {
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
   * Regions (distinct visitors per location) sum up exactly to countries and totals, because every
   * visitor has exactly one location; page_countries (distinct visitors per page and country) sum up
   * exactly to pages for the same reason.
   */
  private static Map<DaySite, DayBuilder> buildDays(List<Row> tables) {
    Map<DaySite, DayBuilder> days = new TreeMap<>();
    for (Row r : tables) {
      String table = r.getString(0);
      if (table.equals(VisitorTablesPartition.LINES)) {
        continue;
      }
      DayBuilder d = days.computeIfAbsent(new DaySite(r.getString(1), r.getString(2)), DayBuilder::new);
      Measures m = new Measures(r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9));
      if (table.equals(VisitorTables.REGIONS)) {
        d.regions.computeIfAbsent(r.getString(3), c -> new ArrayList<>()).add(new Cell(r.getString(4), m));
        d.countries.merge(r.getString(3), m, Measures::plus);
        d.totals = d.totals.plus(m);
      } else {
        d.pageCountries.computeIfAbsent(r.getString(3), p -> new ArrayList<>()).add(new Cell(r.getString(4), m));
        d.pageTotals.merge(r.getString(3), m, Measures::plus);
      }
    }
    days.values().forEach(d -> {
      d.pageTotals.forEach((page, m) -> d.pages.add(new Cell(page, m)));
      d.pages.sort(ChildGroup.FOLD_ORDER);
    });
    return days;
  }

  /** The fold-order rank (1-based) of every page of every (date, site). */
  private static FirstPageRanks ranksOf(Map<DaySite, DayBuilder> days) {
    Map<String, Map<String, Map<String, Integer>>> bySite = new HashMap<>();
    for (DayBuilder d : days.values()) {
      Map<String, Integer> ranks = new HashMap<>();
      for (int i = 0; i < d.pages.size(); i++) {
        ranks.put(d.pages.get(i).key(), i + 1);
      }
      bySite.computeIfAbsent(d.key.date(), x -> new HashMap<>()).put(d.key.site(), ranks);
    }
    return new FirstPageRanks(bySite);
  }

  /** Distinct visitors of every prefix of each day's pages: a running sum of the first-rank counts. */
  private static List<UnsuppressedDay> finishDays(Map<DaySite, DayBuilder> days, List<Row> firstRanks) {
    Map<DaySite, long[]> unions = new HashMap<>();
    days.values().forEach(d -> unions.put(d.key, new long[d.pages.size() + 1]));
    for (Row r : firstRanks) {
      long[] u = unions.get(new DaySite(r.getString(0), r.getString(1)));
      u[r.getInt(2)] += r.getLong(3);
    }
    unions.values().forEach(u -> {
      for (int j = 1; j < u.length; j++) {
        u[j] += u[j - 1];
      }
    });
    List<UnsuppressedDay> result = new ArrayList<>();
    for (DayBuilder d : days.values()) {
      Map<String, ChildGroup> regions = new HashMap<>();
      d.regions.forEach((country, list) -> regions.put(country, ChildGroup.disjoint(list)));
      Map<String, ChildGroup> pageCountries = new HashMap<>();
      d.pageCountries.forEach((page, list) -> pageCountries.put(page, ChildGroup.disjoint(list)));
      List<Cell> countries = new ArrayList<>();
      d.countries.forEach((country, m) -> countries.add(new Cell(country, m)));
      ChildGroup pages = new ChildGroup(d.pages, unions.get(d.key), false);
      result.add(new UnsuppressedDay(d.key.date(), d.key.site(), d.totals, ChildGroup.disjoint(countries), regions, pages, pageCountries));
    }
    return result;
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
