package org.geotraffic.privacyproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Dependency;
import org.apache.spark.ShuffleDependency;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.JobConfig;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.pipeline.AggregateStage;
import org.geotraffic.pipeline.DatabaseShipment;
import org.geotraffic.pipeline.DayPlacement;
import org.geotraffic.pipeline.EnrichStage;
import org.geotraffic.pipeline.InputFiles;
import org.geotraffic.pipeline.VisitorCellRecords;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import scala.Product2;
import scala.Tuple2;

/**
 * The structural half of the privacy proof: whatever data the canary happens to contain, only derived values reach
 * the first shuffle. The test takes the records that the first shuffle's map side hands to Spark (the parent of the
 * first {@link ShuffleDependency} in the lineage of {@link AggregateStage#visitorPartitions}) and requires of each:
 * it is a byte array, with no value beside it; it decodes, field for field and with no byte left over, into a
 * {@link VisitorCell} or a {@link LineTally}, whose every field is a derived value; and no canary value (client
 * address in any form, host name, user, user agent, query string, referer) occurs in its bytes. If someone adds a
 * raw field to the records, appends raw bytes to them, or puts a raw value into a derived field, these tests fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShuffleBoundaryTest {
  /** Three days (2025-11-21..23) in blocks of partitions, as a run places them. */
  private static final DayPlacement PLACEMENT = DayPlacement.of(20413, 20415, 4);
  /** The derived values that may leave the enrich step and cross the first shuffle, by field name. */
  // slice: the line's day and input batch (which earlier run's files held it), numbered; no client data.
  static final Set<String> ALLOWED = Set.of("outcome", "geoSource", "day", "site", "country", "region", "page", "visitor", "bot", "hits",
      "pageviews", "bytes", "lines", "slice");

  private CanaryLogs.Written logs;
  private JavaPairRDD<byte[], Void> cells;

  @BeforeAll
  void enrichCanaryLogs(@TempDir Path tmp) throws Exception {
    SparkSession spark = SparkTestSession.get();
    logs = CanaryLogs.write(tmp.resolve("input"), 20261126L, 400);
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    DatabaseShipment shipped = DatabaseShipment.ship(spark.sparkContext(), db.toFile(), null);
    JobConfig config = ConfigLoader.load(null, List.of("input.format=" + CanaryLogs.FORMAT, "proxies.trusted=" + CanaryLogs.TRUSTED_PROXIES));
    EnrichSettings settings = EnrichSettings.of(config, shipped.fileName(), shipped.contentId(), null, null, VisitorHasher.newRunSecret());
    InputFiles input = InputFiles.resolve(List.of(tmp.resolve("input").toString()), new Configuration());
    cells = EnrichStage.enrich(spark, input, settings, org.geotraffic.config.Period.DAY, null).cells();
  }

  @Test
  void recordTypes_haveNoFieldBeyondTheDerivedValues() {
    List<String> fields = new ArrayList<>();
    for (Field f : VisitorCell.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        fields.add(f.getName());
      }
    }
    for (RecordComponent c : LineTally.class.getRecordComponents()) {
      fields.add(c.getName());
    }
    Set<String> extra = new TreeSet<>(fields);
    extra.removeAll(ALLOWED);
    assertEquals(Set.of(), extra, "what crosses the first shuffle has fields that are not derived values");
    assertTrue(fields.containsAll(List.of("visitor", "page", "outcome")), "the record types unexpectedly changed: " + fields);
  }

  @Test
  void firstShuffle_carriesDerivedValuesOnly() {
    List<? extends Product2<?, ?>> records = firstShuffleInput(AggregateStage.visitorPartitions(cells, PLACEMENT));
    assertEquals(List.of(), violations(records), "raw data may reach the first shuffle");
    long cellRecords = records.stream().filter(r -> !VisitorCellRecords.isTally((byte[]) r._1())).count();
    long tallied = records.stream().filter(r -> VisitorCellRecords.isTally((byte[]) r._1()))
        .mapToLong(r -> ((LineTally) VisitorCellRecords.decode((byte[]) r._1())).lines()).sum();
    System.out.printf("shuffle boundary: %,d records (%,d visitor cells) checked for %,d canary markers%n", records.size(), cellRecords,
        logs.textMarkers().size() + logs.ipv6Binary().size());
    assertEquals(logs.lines(), tallied, "every canary line is in the tallies that cross the shuffle");
    assertTrue(cellRecords > logs.lines() / 2, "most canary lines should cross as visitor cells: " + cellRecords);
  }

  @Test
  void check_rejectsARawValueOrFieldOrRecordInTheFirstShuffle() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    byte[] good = firstShuffleInput(AggregateStage.visitorPartitions(cells, PLACEMENT)).stream().map(r -> (byte[]) r._1())
        .filter(r -> !VisitorCellRecords.isTally(r)).findFirst().orElseThrow();
    String client = logs.textMarkers().stream().filter(m -> m.matches("[0-9.]+")).findFirst().orElseThrow();
    String userAgent = logs.textMarkers().stream().filter(m -> m.toLowerCase(java.util.Locale.ROOT).contains(CanaryLogs.TOKEN)).findFirst()
        .orElseThrow();

    // Raw bytes appended to a derived record.
    byte[] appended = Arrays.copyOf(good, good.length + client.length());
    System.arraycopy(client.getBytes(StandardCharsets.US_ASCII), 0, appended, good.length, client.length());
    assertRefused(jsc.parallelizePairs(List.of(new Tuple2<byte[], Void>(appended, null))));

    // A raw value in a derived field.
    VisitorCell cell = VisitorCellRecords.decode(good) instanceof VisitorCell c ? c : null;
    byte[] rawSite = VisitorCellRecords.encode(cell.set(cell.day, userAgent, cell.country, cell.region, cell.page, cell.visitor, cell.hits,
        cell.pageviews, cell.bytes));
    assertRefused(jsc.parallelizePairs(List.of(new Tuple2<byte[], Void>(rawSite, null))));

    // A record that is not one of ours: the raw line itself, or a value beside the record.
    @SuppressWarnings({"unchecked", "rawtypes"})
    JavaPairRDD<byte[], Void> line = (JavaPairRDD) jsc.parallelizePairs(List.of(new Tuple2<Object, Object>(client + " - - [...]", null)));
    assertRefused(line);
    @SuppressWarnings({"unchecked", "rawtypes"})
    JavaPairRDD<byte[], Void> withValue = (JavaPairRDD) jsc.parallelizePairs(List.of(new Tuple2<Object, Object>(good, userAgent)));
    assertRefused(withValue);
  }

  private void assertRefused(JavaPairRDD<byte[], Void> records) {
    List<? extends Product2<?, ?>> input = firstShuffleInput(AggregateStage.visitorPartitions(records, PLACEMENT));
    AssertionError e = assertThrows(AssertionError.class, () -> assertEquals(List.of(), violations(input), "raw data may reach the first shuffle"));
    assertTrue(e.getMessage().contains("raw data may reach the first shuffle"), e.getMessage());
  }

  /** What is wrong with each record that would cross the shuffle: not ours, not decodable, or holding a canary value. */
  private List<String> violations(List<? extends Product2<?, ?>> records) {
    MarkerSearch canaries = new MarkerSearch(logs.textMarkers(), logs.ipv6Binary());
    List<String> found = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Product2<?, ?> r = records.get(i);
      if (!(r._1() instanceof byte[] record)) {
        found.add("record " + i + " is a " + r._1().getClass().getName() + ", not a cell record");
        continue;
      }
      if (r._2() != null) {
        found.add("record " + i + " has a value beside it: " + r._2().getClass().getName());
      }
      try {
        Object decoded = VisitorCellRecords.decode(record);
        if (!(decoded instanceof VisitorCell) && !(decoded instanceof LineTally)) {
          found.add("record " + i + " decodes to a " + decoded.getClass().getName());
        }
      } catch (RuntimeException e) {
        found.add("record " + i + " is not a cell record: " + e.getMessage());
      }
      List<MarkerSearch.Hit> hits = new ArrayList<>();
      canaries.search("record " + i, record, hits);
      hits.stream().limit(3).forEach(h -> found.add(h.toString()));
    }
    return found.stream().limit(20).toList();
  }

  /** Collects the records the first (deepest) shuffle of the lineage writes: its map side's output. */
  private static List<? extends Product2<?, ?>> firstShuffleInput(JavaPairRDD<byte[], Void> shuffled) {
    List<ShuffleDependency<?, ?, ?>> shuffles = new ArrayList<>();
    Deque<RDD<?>> todo = new ArrayDeque<>(List.of(shuffled.rdd()));
    while (!todo.isEmpty()) {
      RDD<?> rdd = todo.pop();
      for (Dependency<?> d : scala.collection.JavaConverters.seqAsJavaList(rdd.dependencies())) {
        if (d instanceof ShuffleDependency<?, ?, ?> s) {
          shuffles.add(s);
        }
        todo.push(d.rdd());
      }
    }
    assertFalse(shuffles.isEmpty(), "no shuffle in the lineage:\n" + shuffled.toDebugString());
    assertEquals(1, shuffles.size(), "the visitor shuffle is expected to be the first and only one:\n" + shuffled.toDebugString());
    return shuffles.get(0).rdd().toJavaRDD().collect();
  }
}
