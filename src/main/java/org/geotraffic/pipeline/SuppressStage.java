package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.SuppressionAudit;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Suppressor;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Stage 3, suppress + audit: each (date, site) is suppressed and then attacked by the audit in Spark
 * tasks, over the partitions that assembled the days, so days run in parallel on the executors instead
 * of one after another on the driver (at 40M benchmark lines this stage took 164 s single-threaded).
 * Days hold aggregates only; only published rows come back to the driver.
 */
public final class SuppressStage {
  private SuppressStage() {}

  /** One day's published rows and the audit's findings on them (empty when it passed). */
  public record Outcome(String date, String site, PublishedDay published, List<String> findings) implements Serializable {}

  /** Suppresses and audits every day; the outcomes come back sorted by (date, site). */
  public static List<Outcome> suppressAndAudit(SparkSession spark, JavaRDD<UnsuppressedDay> days, SuppressionPolicy policy) {
    spark.sparkContext().setJobDescription("suppress and audit");
    List<Outcome> outcomes = new ArrayList<>(days.map(new SuppressDay(policy)).collect());
    outcomes.sort(Comparator.comparing(Outcome::date).thenComparing(Outcome::site));
    return outcomes;
  }

  /** The per-day function: the suppressor, then the audit on its own result. */
  private static final class SuppressDay implements Function<UnsuppressedDay, Outcome> {
    private static final long serialVersionUID = 1L;
    private final SuppressionPolicy policy;

    SuppressDay(SuppressionPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Outcome call(UnsuppressedDay day) {
      PublishedDay published = new Suppressor(policy).suppress(day);
      return new Outcome(day.date(), day.site(), published, SuppressionAudit.audit(day, published, policy).findings());
    }
  }
}
