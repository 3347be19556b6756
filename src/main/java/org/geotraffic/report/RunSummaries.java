package org.geotraffic.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.geotraffic.config.Period;
import org.geotraffic.output.RunSummaryWriter;
import org.geotraffic.privacy.Table;

/**
 * The succeeded runs found in {@code <output>/_runs/*.json}: which run published each day (or week, or
 * month), with which threshold k and which geo database. A later run of a period replaced the earlier one's
 * partitions, so the run that published a period is the latest succeeded run of that kind of period listing
 * its first day. A week run lists its Monday: that is not the Monday's day release, so every question here
 * names the {@link Period}.
 *
 * <p>Reads only the fields the report shows (run id, start, period, dates, thresholds, database type and
 * build date); the summaries hold no client data anyway. Reads nothing but {@code _runs/} (not the
 * operator's other {@code _} folders such as {@code _ledger/}). Immutable after {@link #read}.
 */
public final class RunSummaries {

  /**
   * One succeeded run. {@code minVisitors} maps table names to k; {@code dates} are the first days of the
   * periods it published ({@code period}: days for summaries written before periods existed).
   */
  public record Run(String runId, String started, Period period, List<String> dates, int defaultMinVisitors,
      Map<String, Integer> minVisitors, String databaseType, String databaseBuildDate) {
    public Run {
      dates = List.copyOf(dates);
      minVisitors = Collections.unmodifiableMap(new TreeMap<>(minVisitors));
    }

    /** k of a table in this run. */
    public int k(Table table) {
      return minVisitors.getOrDefault(table.tableName(), defaultMinVisitors);
    }
  }

  private final List<Run> runs;

  public RunSummaries(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing(Run::started).thenComparing(Run::runId));
    this.runs = List.copyOf(sorted);
  }

  /** Reads every {@code _runs/*.json} of the output; {@code latest.json} repeats a run and is skipped. */
  public static RunSummaries read(String outputDir, Configuration conf) throws IOException {
    Path dir = new Path(outputDir, RunSummaryWriter.RUNS_DIR);
    FileSystem fs = dir.getFileSystem(conf);
    List<Run> runs = new ArrayList<>();
    if (!fs.isDirectory(dir)) {
      return new RunSummaries(runs);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Run> byId = new LinkedHashMap<>();
    for (FileStatus f : fs.listStatus(dir, p -> p.getName().endsWith(".json") && !p.getName().startsWith("."))) {
      JsonNode root;
      try (InputStream in = fs.open(f.getPath())) {
        root = json.readTree(in);
      } catch (IOException e) {
        throw new IOException("Cannot read run summary: " + e.getMessage() + ", " + f.getPath(), e);
      }
      parse(root).ifPresent(run -> byId.putIfAbsent(run.runId(), run));
    }
    return new RunSummaries(new ArrayList<>(byId.values()));
  }

  /** The run if the summary is one of a succeeded run of a period this version knows, else empty. */
  static Optional<Run> parse(JsonNode root) {
    if (root == null || !org.geotraffic.output.RunStatus.succeeded(root.path("status").asText()) || !root.hasNonNull("run_id")) {
      return Optional.empty();
    }
    Period period;
    try {
      period = Period.of(root.path("period").asText(Period.DAY.key()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a kind of release a later version publishes; its tables are not ours to read
    }
    List<String> dates = new ArrayList<>();
    root.path("dates").forEach(d -> dates.add(d.asText()));
    JsonNode suppression = root.path("suppression");
    Map<String, Integer> k = new TreeMap<>();
    suppression.path("min_visitors_by_table").fields().forEachRemaining(e -> k.put(e.getKey(), e.getValue().asInt()));
    JsonNode db = root.path("database");
    return Optional.of(new Run(root.get("run_id").asText(), root.path("started").asText(""), period, dates,
        suppression.path("min_visitors").asInt(0), k, db.path("type").asText(""), db.path("build_date").asText("")));
  }

  public List<Run> runs() {
    return runs;
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** The runs that published {@code period}s, oldest first. */
  public List<Run> runs(Period period) {
    return runs.stream().filter(r -> r.period() == period).toList();
  }

  /**
   * The run whose numbers for the {@code period} starting on {@code date} are published: the latest run of
   * that period that processed it, else the latest run of that period, else the latest run.
   */
  public Run publisherOf(Period period, String date) {
    List<Run> ofPeriod = runs(period);
    for (int i = ofPeriod.size() - 1; i >= 0; i--) {
      if (ofPeriod.get(i).dates().contains(date)) {
        return ofPeriod.get(i);
      }
    }
    return ofPeriod.isEmpty() ? runs.get(runs.size() - 1) : ofPeriod.get(ofPeriod.size() - 1);
  }

  /** The first day of every {@code period} some run processed, sorted. */
  public List<String> processedDates(Period period) {
    return runs(period).stream().flatMap(r -> r.dates().stream()).distinct().sorted().toList();
  }

  /** The kinds of period some run published, in {@link Period} order. */
  public Set<Period> periods() {
    Set<Period> periods = EnumSet.noneOf(Period.class);
    runs.forEach(r -> periods.add(r.period()));
    return periods;
  }
}
