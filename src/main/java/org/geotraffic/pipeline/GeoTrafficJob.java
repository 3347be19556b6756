package org.geotraffic.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.output.PublishedTableWriter;
import org.geotraffic.output.RunSummary;
import org.geotraffic.output.RunSummaryWriter;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.Suppressor;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.TableStats;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * One run of the pipeline on an existing SparkSession: enrich -> aggregate -> suppress -> check ->
 * write. Nothing is written before every check has passed; the run summary is written last, also when
 * the run was refused.
 */
public final class GeoTrafficJob {
  private final SparkSession spark;
  private final Consumer<String> progress;

  /**
   * @param progress receives one human-readable line per finished stage (counts and timings only)
   */
  public GeoTrafficJob(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public RunSummary run(RunRequest request) throws IOException, RunRefusedException {
    try {
      return runStages(request);
    } finally {
      // Descriptions are per thread: later jobs of the caller's session must not carry our stage names.
      spark.sparkContext().setJobDescription(null);
    }
  }

  private RunSummary runStages(RunRequest request) throws IOException, RunRefusedException {
    Instant started = Instant.now();
    Map<String, Long> stageMillis = new LinkedHashMap<>();
    String dbName = request.geoDatabase().getName();
    shipDatabase(request.geoDatabase().getAbsolutePath(), dbName);

    long t0 = System.nanoTime();
    byte[] secret = VisitorHasher.newRunSecret();
    EnrichSettings settings = EnrichSettings.of(request.config(), dbName, request.windowFrom(), request.windowTo(), secret);
    spark.sparkContext().setJobDescription("parse, locate, anonymise and aggregate");
    Dataset<Row> enriched = EnrichStage.enrich(spark, request.input(), settings);
    AggregateStage.Aggregates aggregates = AggregateStage.aggregate(spark, enriched);
    LineCounts counts = aggregates.counts();
    stageMillis.put("enrich_aggregate", millisSince(t0));
    progress.accept(String.format("enrich+aggregate: %,d lines read, %,d accepted, %,d rejected, %,d filtered (%d ms)",
        counts.read(), counts.accepted(), counts.rejectedTotal(), counts.filteredTotal(), stageMillis.get("enrich_aggregate")));
    if (!counts.balanced()) {
      throw new IllegalStateException("Cannot account for every line: read " + counts.read() + " != accepted + rejected + filtered");
    }

    long t1 = System.nanoTime();
    Suppressor suppressor = new Suppressor(request.config().suppression());
    List<PublishedDay> published = new ArrayList<>();
    Map<Table, TableStats> stats = new EnumMap<>(Table.class);
    for (UnsuppressedDay day : aggregates.days()) {
      PublishedDay p = suppressor.suppress(day);
      published.add(p);
      p.stats().forEach((t, s) -> stats.merge(t, s, TableStats::plus));
    }
    stageMillis.put("suppress", millisSince(t1));
    progress.accept(String.format("suppress: %d day/site groups, k=%d (%d ms)", published.size(),
        request.config().suppression().minVisitors(), stageMillis.get("suppress")));

    TreeSet<String> dates = processedDates(request, aggregates.days());
    RunSummary.Builder summary = new RunSummary.Builder(request, started, counts, dates, stageMillis);
    double rejectRatio = counts.read() == 0 ? 0 : (double) counts.rejectedTotal() / counts.read();
    if (rejectRatio > request.config().maxRejectRatio()) {
      String message = String.format("Cannot publish: %.1f%% of lines were rejected, above input.max-reject-ratio=%s; top reasons: %s"
          + " (is input.format=%s right for these logs?)", 100 * rejectRatio, request.config().maxRejectRatio(),
          topReasons(counts.rejected()), request.config().inputFormat());
      writeSummary(request, summary.refused("reject-ratio-exceeded", stats));
      throw new RunRefusedException(RunRefusedException.Reason.REJECT_RATIO_EXCEEDED, message);
    }

    long t2 = System.nanoTime();
    Map<Table, Long> written = PublishedTableWriter.write(spark, request.outputDir(), published, dates, request.config().compression());
    stageMillis.put("write", millisSince(t2));
    progress.accept(String.format("write: %s rows (%d ms)", written, stageMillis.get("write")));
    RunSummary done = summary.succeeded(written, stats);
    writeSummary(request, done);
    return done;
  }

  private void shipDatabase(String path, String name) {
    // Under spark-submit --files the database may already be registered; adding it twice fails.
    for (String f : scala.collection.JavaConverters.seqAsJavaList(spark.sparkContext().listFiles())) {
      if (f.endsWith("/" + name)) {
        return;
      }
    }
    spark.sparkContext().addFile(path);
  }

  private void writeSummary(RunRequest request, RunSummary summary) throws IOException {
    RunSummaryWriter.write(request.outputDir(), summary, spark.sparkContext().hadoopConfiguration());
  }

  /** The window's days when one was given (so empty days are cleared too), else the days seen. */
  private static TreeSet<String> processedDates(RunRequest request, List<UnsuppressedDay> days) {
    TreeSet<String> dates = new TreeSet<>();
    days.forEach(d -> dates.add(d.date()));
    if (request.windowFrom() != null && request.windowTo() != null) {
      for (LocalDate d = LocalDate.parse(request.windowFrom()); !d.isAfter(LocalDate.parse(request.windowTo())); d = d.plusDays(1)) {
        dates.add(d.toString());
      }
    }
    return dates;
  }

  private static String topReasons(Map<String, Long> rejected) {
    return rejected.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3)
        .map(e -> e.getKey() + "=" + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
