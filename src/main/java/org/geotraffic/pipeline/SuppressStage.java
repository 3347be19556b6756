package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.SuppressionAudit;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Suppressor;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.TableStats;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Stage 3, suppress + audit: each (date, site) is suppressed and then attacked by the audit in Spark
 * tasks, over the partitions that assembled the days, so days run in parallel on the executors instead
 * of one after another on the driver (at 40M benchmark lines this stage took 164 s single-threaded).
 *
 * <p>The published rows stay on the executors, persisted on their local disks, until the writer
 * writes them from there: the driver receives only each day's statistics and audit findings, so its
 * memory does not grow with the days of a run (at 40M benchmark lines it held 319,135 page_countries
 * rows when they were collected).
 */
public final class SuppressStage {
  private SuppressStage() {}

  /**
   * One day's audit findings (empty when it passed) and what suppression cost it; rowsPerTable counts
   * its published rows; acceptedLines its accepted lines (every accepted line is a hit).
   */
  public record Outcome(String date, String site, Map<Table, TableStats> stats, Map<Table, Long> rowsPerTable, List<String> findings,
      long acceptedLines) implements Serializable {}

  /** A day's outcome and its published rows, as one task made them. */
  private record Suppressed(Outcome outcome, PublishedDay published) implements Serializable {}

  /**
   * The outcomes, sorted by (date, site), on the driver; the published days on the executors. {@link
   * #release} frees the published days.
   */
  public static final class Result {
    private final JavaRDD<Suppressed> suppressed;
    private final List<Outcome> outcomes;

    private Result(JavaRDD<Suppressed> suppressed, List<Outcome> outcomes) {
      this.suppressed = suppressed;
      this.outcomes = outcomes;
    }

    public List<Outcome> outcomes() {
      return outcomes;
    }

    /** Every (date, site)'s published rows, one element each, on the executors. */
    public JavaRDD<PublishedDay> published() {
      return suppressed.map(Suppressed::published);
    }

    public void release() {
      suppressed.unpersist(false);
    }
  }

  /** Suppresses and audits every day. */
  public static Result suppressAndAudit(SparkSession spark, JavaRDD<UnsuppressedDay> days, SuppressionPolicy policy) {
    spark.sparkContext().setJobDescription("suppress and audit");
    // On disk, not in memory: the published days wait there for the writer (serialized, and encrypted with
    // the shuffle files), while the heap is free for the next stage.
    JavaRDD<Suppressed> suppressed = days.map(new SuppressDay(policy)).persist(StorageLevel.DISK_ONLY());
    List<Outcome> outcomes = new ArrayList<>(suppressed.map(Suppressed::outcome).collect());
    outcomes.sort(Comparator.comparing(Outcome::date).thenComparing(Outcome::site));
    return new Result(suppressed, outcomes);
  }

  /** The per-day function: the suppressor, then the audit on its own result. */
  private static final class SuppressDay implements Function<UnsuppressedDay, Suppressed> {
    private static final long serialVersionUID = 1L;
    private final SuppressionPolicy policy;

    SuppressDay(SuppressionPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Suppressed call(UnsuppressedDay day) {
      PublishedDay published = new Suppressor(policy).suppress(day);
      Map<Table, Long> rows = new EnumMap<>(Table.class);
      for (Table t : Table.values()) {
        rows.put(t, (long) published.rows(t).size());
      }
      List<String> findings = SuppressionAudit.audit(day, published, policy).findings();
      return new Suppressed(new Outcome(day.date(), day.site(), published.stats(), rows, findings, day.totals().hits()), published);
    }
  }
}
