package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.SuppressionAudit;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Suppressor;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Stage 3, suppress + audit: each (date, site) is suppressed and then attacked by the audit, as one
 * Spark task per day, so days run in parallel on the executors instead of one after another on the
 * driver (at 40M benchmark lines this stage took 164 s single-threaded). Days hold aggregates only.
 */
public final class SuppressStage {
  private SuppressStage() {}

  /** One day's published rows and the audit's findings on them (empty when it passed). */
  public record Outcome(PublishedDay published, List<String> findings) implements Serializable {}

  /** Suppresses and audits every day; the outcomes come back in the order of {@code days}. */
  public static List<Outcome> suppressAndAudit(SparkSession spark, List<UnsuppressedDay> days, SuppressionPolicy policy) {
    if (days.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.sparkContext().setJobDescription("suppress and audit");
    // One task per day: days differ a lot in size, and the scheduler balances single days far better than
    // fixed slices of several (5 days in 2 slices left one core idle for a third of the stage). The days
    // travel as one broadcast, not inside the tasks (a benchmark day is ~5 MB: Spark warns on big tasks).
    Broadcast<List<UnsuppressedDay>> all = jsc.broadcast(List.copyOf(days));
    try {
      List<Integer> indexes = IntStream.range(0, days.size()).boxed().toList();
      return jsc.parallelize(indexes, days.size()).map(new SuppressDay(all, policy)).collect();
    } finally {
      all.destroy();
    }
  }

  /** The per-day function: the suppressor, then the audit on its own result. */
  private static final class SuppressDay implements Function<Integer, Outcome> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<List<UnsuppressedDay>> days;
    private final SuppressionPolicy policy;

    SuppressDay(Broadcast<List<UnsuppressedDay>> days, SuppressionPolicy policy) {
      this.days = days;
      this.policy = policy;
    }

    @Override
    public Outcome call(Integer index) {
      UnsuppressedDay day = days.value().get(index);
      PublishedDay published = new Suppressor(policy).suppress(day);
      return new Outcome(published, SuppressionAudit.audit(day, published, policy).findings());
    }
  }
}
