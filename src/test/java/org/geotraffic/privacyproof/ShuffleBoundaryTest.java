package org.geotraffic.privacyproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.aggregate.BaseAggregateExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.pipeline.AggregateStage;
import org.geotraffic.pipeline.DayPlacement;
import org.geotraffic.pipeline.EnrichStage;
import org.geotraffic.pipeline.InputFiles;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/**
 * The structural half of the privacy proof: whatever data the canary happens to contain, the physical
 * plan lets only derived columns reach the first shuffle. If someone adds a raw column (client, user,
 * user agent, query string) to the enriched rows, or groups by one, these tests fail.
 */
class ShuffleBoundaryTest {
  /** Three days (2025-11-21..23) in blocks of partitions, as a run places them. */
  private static final DayPlacement PLACEMENT = DayPlacement.of(20413, 20415, 4);
  /** The derived values that may leave the enrich step and cross the first exchange. */
  static final Set<String> ALLOWED =
      Set.of("outcome", "geo_source", "day", "site", "country", "region", "page", "visitor", "bot", "hits", "pageviews", "bytes");

  @TempDir
  Path tmp;

  @Test
  void enrichedSchema_hasNoColumnBeyondTheDerivedValues() throws Exception {
    Set<String> columns = new TreeSet<>(Arrays.asList(enriched(SparkTestSession.get()).schema().fieldNames()));
    Set<String> extra = new TreeSet<>(columns);
    extra.removeAll(ALLOWED);
    assertEquals(Set.of(), extra, "the enrich step emits columns that are not derived values");
    assertTrue(columns.contains("visitor") && columns.contains("page"), "schema unexpectedly changed: " + columns);
  }

  @Test
  void firstExchange_withoutAqe_carriesDerivedValuesOnly() throws Exception {
    SparkSession spark = SparkTestSession.get().newSession();
    spark.conf().set("spark.sql.adaptive.enabled", "false");
    checkFirstExchange(AggregateStage.visitorPartitions(enriched(spark), PLACEMENT).queryExecution().executedPlan());
  }

  @Test
  void firstExchange_underAqe_carriesDerivedValuesOnly() throws Exception {
    SparkSession spark = SparkTestSession.get().newSession();
    spark.conf().set("spark.sql.adaptive.enabled", "true");
    SparkPlan plan = AggregateStage.visitorPartitions(enriched(spark), PLACEMENT).queryExecution().executedPlan();
    assertTrue(plan instanceof AdaptiveSparkPlanExec, "expected an adaptive plan: " + plan.getClass());
    checkFirstExchange(plan);
  }

  @Test
  void check_rejectsARawColumnBeforeTheExchange() throws Exception {
    // Control: the same check fails on a plan that carries a "user_agent" column into the shuffle.
    SparkSession spark = SparkTestSession.get().newSession();
    spark.conf().set("spark.sql.adaptive.enabled", "false");
    Dataset<Row> raw = enriched(spark).withColumn("user_agent", org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.col("site"), org.apache.spark.sql.functions.lit("-ua")));
    SparkPlan plan = AggregateStage.visitorPartitions(raw.groupBy("user_agent", "visitor", "page", "country").count()
        .withColumn("outcome", org.apache.spark.sql.functions.lit("accepted"))
        .withColumn("geo_source", org.apache.spark.sql.functions.lit("database"))
        .withColumn("day", org.apache.spark.sql.functions.lit(20413))
        .withColumn("site", org.apache.spark.sql.functions.lit("s"))
        .withColumn("region", org.apache.spark.sql.functions.lit("r"))
        .withColumn("bot", org.apache.spark.sql.functions.lit(false))
        .withColumn("pageviews", org.apache.spark.sql.functions.lit(1L))
        .withColumn("bytes", org.apache.spark.sql.functions.lit(1L)), PLACEMENT).queryExecution().executedPlan();
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> checkFirstExchange(plan));
    assertTrue(e.getMessage().contains("raw data may reach the first shuffle"), e.getMessage());
  }

  /**
   * Finds the exchange nearest the scan and checks every node below it: each output column is an allowed
   * derived value or a partial-aggregation buffer computed only from allowed values.
   */
  private static void checkFirstExchange(SparkPlan root) {
    List<ShuffleExchangeExec> exchanges = new ArrayList<>();
    collectExchanges(unwrap(root), exchanges);
    assertFalse(exchanges.isEmpty(), "no shuffle exchange in the plan:\n" + root.treeString());
    // The deepest exchange is the first one the data crosses.
    ShuffleExchangeExec first = exchanges.get(exchanges.size() - 1);
    List<String> violations = new ArrayList<>();
    checkSubtree(first.child(), violations);
    assertEquals(List.of(), violations, "raw data may reach the first shuffle:\n" + first.treeString());
    assertTrue(names(first.child().output()).containsAll(Set.of("visitor", "page", "country")),
        "the check looked at an unexpected exchange:\n" + first.treeString());
  }

  private static void checkSubtree(SparkPlan top, List<String> violations) {
    // Partial-aggregation buffers (count, sum) are derived: allowed if their inputs are allowed.
    Set<ExprId> buffers = new HashSet<>();
    collectBuffers(top, buffers, violations);
    checkOutputs(top, buffers, violations);
  }

  private static void collectBuffers(SparkPlan node, Set<ExprId> buffers, List<String> violations) {
    if (node instanceof BaseAggregateExec agg) {
      for (AggregateExpression e : JavaConverters.seqAsJavaList(agg.aggregateExpressions())) {
        for (Attribute input : JavaConverters.seqAsJavaList(e.references().toSeq())) {
          if (!ALLOWED.contains(input.name())) {
            violations.add(node.nodeName() + " aggregates " + input.name());
          }
        }
        JavaConverters.seqAsJavaList(e.aggregateFunction().aggBufferAttributes()).forEach(b -> buffers.add(b.exprId()));
        JavaConverters.seqAsJavaList(e.aggregateFunction().inputAggBufferAttributes()).forEach(b -> buffers.add(b.exprId()));
      }
    }
    for (SparkPlan child : JavaConverters.seqAsJavaList(node.children())) {
      collectBuffers(child, buffers, violations);
    }
  }

  private static void checkOutputs(SparkPlan node, Set<ExprId> buffers, List<String> violations) {
    for (Attribute a : JavaConverters.seqAsJavaList(node.output())) {
      if (!ALLOWED.contains(a.name()) && !buffers.contains(a.exprId())) {
        violations.add(node.nodeName() + " outputs " + a.name());
      }
    }
    for (SparkPlan child : JavaConverters.seqAsJavaList(node.children())) {
      checkOutputs(child, buffers, violations);
    }
  }

  private static void collectExchanges(SparkPlan node, List<ShuffleExchangeExec> found) {
    SparkPlan n = unwrap(node);
    if (n instanceof ShuffleExchangeExec e) {
      found.add(e);
    }
    for (SparkPlan child : JavaConverters.seqAsJavaList(n.children())) {
      collectExchanges(child, found);
    }
  }

  private static SparkPlan unwrap(SparkPlan plan) {
    return plan instanceof AdaptiveSparkPlanExec a ? unwrap(a.executedPlan()) : plan;
  }

  private static Set<String> names(scala.collection.Seq<Attribute> attrs) {
    Set<String> s = new HashSet<>();
    JavaConverters.seqAsJavaList(attrs).forEach(a -> s.add(a.name()));
    return s;
  }

  /** The enrich stage on a one-line file (planned, not run: no database lookup happens). */
  private Dataset<Row> enriched(SparkSession spark) throws Exception {
    Path log = tmp.resolve("access.log");
    if (!Files.exists(log)) {
      Files.writeString(log, "192.0.2.10 - alice [21/Nov/2026:10:00:00 +0000] \"GET /a?token=x HTTP/1.1\" 200 1 \"-\" \"UA\"\n");
    }
    InputFiles input = InputFiles.resolve(List.of(log.toString()), new Configuration());
    EnrichSettings settings = EnrichSettings.of(ConfigLoader.load(null, List.of()), "demo-geo.mmdb", null, null,
        VisitorHasher.newRunSecret());
    return EnrichStage.enrich(spark, input, settings).rows();
  }

}
