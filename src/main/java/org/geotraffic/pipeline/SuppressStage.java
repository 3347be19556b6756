package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.geotraffic.aggregate.DayAssembler;
import org.geotraffic.aggregate.Slices;
import org.geotraffic.privacy.LinkedDay;
import org.geotraffic.privacy.LinkedSuppressor;
import org.geotraffic.privacy.ReleaseRecompute;
import org.geotraffic.privacy.Slice;
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
   * its published rows; acceptedLines its accepted lines (every accepted line is a hit); linked what
   * auditing it against earlier releases found (null when none overlaps it).
   */
  public record Outcome(String date, String site, Map<Table, TableStats> stats, Map<Table, Long> rowsPerTable, List<String> findings,
      long acceptedLines, Linked linked) implements Serializable {}

  /**
   * What auditing one (date, site) against the earlier releases that overlap it found. Counts only: a finding
   * names a cell.
   *
   * @param releases how many earlier releases it was audited against
   * @param mismatchedRows rows of earlier releases inside it that do not recompute from this run's input
   *     ({@link ReleaseRecompute}); when any, nothing was suppressed and the run is refused
   * @param sameAsLive it has the live version's slices and settings
   * @param withheld its totals had to be hidden because of earlier releases (alone they would be published)
   * @param extraHiddenRows how many fewer rows it publishes than it would alone
   * @param rounds how many times the linked suppressor hid more and audited again
   */
  public record Linked(int releases, int mismatchedRows, boolean sameAsLive, boolean withheld, long extraHiddenRows, int rounds)
      implements Serializable {
    /** The release repeats the live version: same slices and settings, and that version recomputes from this input. */
    public boolean unchanged() {
      return sameAsLive && mismatchedRows == 0;
    }
  }

  /** A day's outcome and its published rows, as one task made them. */
  private record Suppressed(Outcome outcome, PublishedDay published) implements Serializable {}

  /**
   * The outcomes, sorted by (date, site), on the driver; the published days on the executors. {@link
   * #release} frees the published days.
   */
  public static final class Result {
    private final List<JavaRDD<Suppressed>> suppressed;
    private final List<Outcome> outcomes;

    private Result(List<JavaRDD<Suppressed>> suppressed, List<Outcome> outcomes) {
      this.suppressed = List.copyOf(suppressed);
      this.outcomes = outcomes;
    }

    /** The results of several waves as one (each date is in one wave). */
    static Result of(List<Result> waves) {
      List<JavaRDD<Suppressed>> all = new ArrayList<>();
      List<Outcome> outcomes = new ArrayList<>();
      for (Result r : waves) {
        all.addAll(r.suppressed);
        outcomes.addAll(r.outcomes);
      }
      outcomes.sort(Comparator.comparing(Outcome::date).thenComparing(Outcome::site));
      return new Result(all, outcomes);
    }

    public List<Outcome> outcomes() {
      return outcomes;
    }

    /** Every (date, site)'s published rows, one element each, on the executors (a date's sites in one partition). */
    public JavaRDD<PublishedDay> published() {
      JavaRDD<PublishedDay> all = suppressed.get(0).map(Suppressed::published);
      for (int i = 1; i < suppressed.size(); i++) {
        all = all.union(suppressed.get(i).map(Suppressed::published));
      }
      return all;
    }

    public void release() {
      suppressed.forEach(r -> r.unpersist(false));
    }
  }


  /**
   * Suppresses and audits every day; a (date, site) with a context ({@link ReleaseContext#key}) is suppressed
   * and audited together with the earlier releases that overlap it ({@link LinkedSuppressor}).
   */
  static Result suppressAndAudit(SparkSession spark, JavaRDD<DayPartition.Part> days, SuppressionPolicy policy,
      Map<String, ReleaseContext> contexts) {
    spark.sparkContext().setJobDescription("suppress and audit");
    Broadcast<HashMap<String, ReleaseContext>> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new HashMap<>(contexts));
    // On disk, not in memory: the published days wait there for the writer (serialized, and encrypted with
    // the shuffle files), while the heap is free for the next stage.
    JavaRDD<Suppressed> suppressed = days.map(new SuppressDay(policy, shared)).persist(StorageLevel.DISK_ONLY());
    List<Outcome> outcomes = new ArrayList<>(suppressed.map(Suppressed::outcome).collect());
    outcomes.sort(Comparator.comparing(Outcome::date).thenComparing(Outcome::site));
    return new Result(List.of(suppressed), outcomes);
  }

  /**
   * The per-day function: the suppressor, then the audit on its own result; with a context, first the check that
   * the earlier releases recompute from this input, then the linked suppressor.
   */
  private static final class SuppressDay implements Function<DayPartition.Part, Suppressed> {
    private static final long serialVersionUID = 1L;
    private final SuppressionPolicy policy;
    private final Broadcast<HashMap<String, ReleaseContext>> contexts;

    SuppressDay(SuppressionPolicy policy, Broadcast<HashMap<String, ReleaseContext>> contexts) {
      this.policy = policy;
      this.contexts = contexts;
    }

    @Override
    public Suppressed call(DayPartition.Part part) {
      UnsuppressedDay day = part.day();
      ReleaseContext context = contexts.value().get(ReleaseContext.key(day.date(), day.site()));
      PublishedDay published;
      Linked linked = null;
      if (context == null) {
        published = new Suppressor(policy).suppress(day);
      } else {
        LinkedDay linkedDay = new LinkedDay(day, context.slices(), sliceTables(part, context), context.linked());
        int mismatched = ReleaseRecompute.mismatches(linkedDay);
        if (mismatched > 0) {
          // Refused whatever suppression would do: publish nothing from here.
          published = new PublishedDay(Map.of(), Map.of());
          linked = new Linked(context.linked().size(), mismatched, context.sameAsLive(), false, 0, 0);
        } else {
          PublishedDay alone = new Suppressor(policy).suppress(day);
          LinkedSuppressor.Result result = new LinkedSuppressor(policy).suppress(linkedDay, alone);
          published = result.published();
          long extra = 0;
          for (Table t : Table.values()) {
            extra += Math.max(0, alone.rows(t).size() - published.rows(t).size());
          }
          boolean withheld = result.withheld() && !alone.rows(Table.TOTALS).isEmpty();
          linked = new Linked(context.linked().size(), 0, context.sameAsLive(), withheld, extra, result.rounds());
        }
      }
      Map<Table, Long> rows = new EnumMap<>(Table.class);
      for (Table t : Table.values()) {
        rows.put(t, (long) published.rows(t).size());
      }
      List<String> findings = SuppressionAudit.audit(day, published, policy).findings();
      return new Suppressed(new Outcome(day.date(), day.site(), published.stats(), rows, findings, day.totals().hits(), linked), published);
    }

    /** The tables of each of the release's slices; a slice without lines of this (date, site) has empty ones. */
    private static Map<Slice, UnsuppressedDay> sliceTables(DayPartition.Part part, ReleaseContext context) {
      Map<Slice, UnsuppressedDay> tables = new TreeMap<>();
      part.slices().forEach((slice, t) -> tables.put(new Slice(Slices.date(slice), Slices.batch(slice)), t));
      for (Slice s : context.slices()) {
        tables.computeIfAbsent(s, x -> new DayAssembler(x.day(), part.day().site()).build());
      }
      return tables;
    }
  }
}
