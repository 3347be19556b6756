package org.geotraffic.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geotraffic.config.Secrets;
import org.geotraffic.geo.GeoDatabaseInfo;
import org.geotraffic.aggregate.LineCounts;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.TableStats;

/**
 * The run summary data engineers alert on: written as JSON to {@code <output>/_runs/<run-id>.json} and
 * {@code _runs/latest.json}. It holds counts, paths, settings and timings only — nothing that
 * identifies a client.
 */
public record RunSummary(
    String runId,
    RunStatus status,
    String exitReason,
    String statusDetail,
    Instant started,
    long durationMillis,
    List<String> inputPatterns,
    int inputFiles,
    long inputBytes,
    String databasePath,
    GeoDatabaseInfo database,
    SuppressionPolicy suppression,
    List<String> dates,
    LineCounts lines,
    Map<Table, Long> rowsPublished,
    Map<Table, TableStats> suppressionStats,
    Map<String, Long> stageMillis,
    List<String> auditFindings,
    Map<String, String> config,
    Map<String, Long> acceptedByDate,
    Map<String, String> corruptFiles,
    List<String> warnings,
    org.geotraffic.config.Period period,
    List<String> daysWithInput,
    RunReleases releases) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The summary as a JSON document with stable key order. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run_id", runId);
    root.put("status", status.key());
    if (exitReason != null) {
      root.put("exit_reason", exitReason);
    }
    if (statusDetail != null) {
      root.put("status_detail", statusDetail);
    }
    root.put("started", started.toString());
    root.put("duration_ms", durationMillis);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("paths", inputPatterns.stream().map(Secrets::withoutCredentials).toList());
    input.put("files", inputFiles);
    input.put("bytes", inputBytes);
    // The operator's paths with why each could not be read to its end (never anything from inside the files).
    input.put("corrupt_files", corruptFiles);
    root.put("input", input);
    if (database != null) {
      Map<String, Object> db = new LinkedHashMap<>();
      db.put("path", databasePath);
      db.put("type", database.type());
      db.put("build_date", database.buildDate().toString());
      db.put("description", database.description());
      db.put("schema", database.kind().name().toLowerCase(java.util.Locale.ROOT));
      root.put("database", db);
    }
    Map<String, Object> threshold = new LinkedHashMap<>();
    threshold.put("min_visitors", suppression.minVisitors());
    Map<String, Integer> perTable = new TreeMap<>();
    for (Table t : Table.values()) {
      perTable.put(t.tableName(), suppression.minVisitors(t));
    }
    threshold.put("min_visitors_by_table", perTable);
    threshold.put("min_hits", suppression.minHits());
    root.put("suppression", threshold);
    root.put("period", period.key());
    root.put("dates", dates);
    if (period != org.geotraffic.config.Period.DAY) {
      // Which days of the week or month had accepted lines (the rest had no input, or none in the window).
      root.put("period_days_with_input", daysWithInput);
    }
    if (releases != null) {
      root.put("releases", releases.toMap());
    }
    // Accepted lines per date: what the next run of a day compares itself with (publish.min-share-of-previous).
    root.put("accepted_by_date", acceptedByDate);
    if (lines != null) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("read", lines.read());
      l.put("accepted", lines.accepted());
      l.put("rejected_total", lines.rejectedTotal());
      l.put("filtered_total", lines.filteredTotal());
      l.put("rejected", lines.rejectedByKey());
      l.put("filtered", lines.filteredByKey());
      l.put("bots", lines.bots());
      l.put("balanced", lines.balanced());
      root.put("lines", l);
      root.put("geo", lines.geoSourcesByKey());
    }
    if (rowsPublished != null) {
      Map<String, Object> tables = new LinkedHashMap<>();
      for (Table t : Table.values()) {
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("rows_published", rowsPublished.getOrDefault(t, 0L));
        TableStats s = suppressionStats.getOrDefault(t, TableStats.EMPTY);
        tm.put("cells_candidate", s.candidateCells());
        tm.put("cells_suppressed", s.hiddenCells());
        tm.put("hits_suppressed", s.lost().hits());
        tm.put("pageviews_suppressed", s.lost().pageviews());
        tables.put(t.tableName(), tm);
      }
      root.put("tables", tables);
    }
    if (auditFindings != null) {
      Map<String, Object> audit = new LinkedHashMap<>();
      audit.put("passed", auditFindings.isEmpty());
      audit.put("findings", auditFindings.size());
      // Only the count: a finding names the hidden cell it recovered, and a page path below k must not be
      // published here either (rerun what-if or the audit test locally to see them).
      root.put("audit", audit);
    }
    root.put("warnings", warnings);
    root.put("stages_ms", stageMillis);
    // The input format's fields by name (from the configuration, never from log lines): what was read, what skipped.
    if (config != null && config.get("input.format") != null) {
      root.put("input_fields", org.geotraffic.parse.LineParsers.fields(config.get("input.format")).toSummary());
    }
    root.put("config", config);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write run summary: " + e.getMessage(), e);
    }
  }

  /**
   * What a summary records of the run it describes. The job's request implements it, so the summary need not know
   * the pipeline (which writes the summary) and no package cycle forms.
   */
  public interface Request {
    String runId();

    /** The input paths as given (files, folders, globs). */
    List<String> inputPatterns();

    int inputFileCount();

    long inputBytes();

    java.io.File geoDatabase();

    GeoDatabaseInfo geoDatabaseInfo();

    org.geotraffic.config.JobConfig config();

    org.geotraffic.config.Period period();
  }

  /** Assembles a summary from what a run knows at its end. */
  public static final class Builder {
    private final Request request;
    private final Instant started;
    private final LineCounts lines;
    private final java.util.Collection<String> dates;
    private final Map<String, Long> stageMillis;
    private List<String> auditFindings;
    private Map<String, Long> acceptedByDate = Map.of();
    private Map<String, String> corruptFiles = Map.of();
    private List<String> warnings = List.of();
    private List<String> daysWithInput = List.of();
    private RunReleases releases;

    public Builder(Request request, Instant started, LineCounts lines, java.util.Collection<String> dates,
        Map<String, Long> stageMillis) {
      this.request = request;
      this.started = started;
      this.lines = lines;
      this.dates = dates;
      this.stageMillis = stageMillis;
    }

    /** The privacy audit's findings (empty when it passed); left out of the summary when never run. */
    public Builder audit(List<String> findings) {
      this.auditFindings = List.copyOf(findings);
      return this;
    }

    /** Accepted lines per date, the damaged input files by path, the run's warnings and the days that had accepted lines. */
    public Builder observed(Map<String, Long> acceptedByDate, Map<String, String> corruptFiles, List<String> warnings,
        List<String> daysWithInput) {
      this.acceptedByDate = new TreeMap<>(acceptedByDate);
      this.corruptFiles = new TreeMap<>(corruptFiles);
      this.warnings = List.copyOf(warnings);
      this.daysWithInput = List.copyOf(daysWithInput);
      return this;
    }

    /** What the run did release by release (left out of the summary when it never got that far). */
    public Builder releases(RunReleases releases) {
      this.releases = releases;
      return this;
    }

    public RunSummary succeeded(Map<Table, Long> rowsPublished, Map<Table, TableStats> stats) {
      return build(RunStatus.SUCCEEDED, null, null, rowsPublished, stats);
    }

    /**
     * The ledger and this summary are published, main of the Iceberg tables is not fast-forwarded yet ({@link
     * RunStatus#INCOMPLETE}); {@code detail} says what readers see and what completes it.
     */
    public RunSummary incomplete(String reason, String detail, Map<Table, Long> rowsPublished, Map<Table, TableStats> stats) {
      return build(RunStatus.INCOMPLETE, reason, detail, rowsPublished, stats);
    }

    /** Nothing was written: the reason is the exit_reason. */
    public RunSummary refused(String reason, Map<Table, TableStats> stats) {
      return build(RunStatus.REFUSED, reason, null, new TreeMap<>(), stats);
    }

    private RunSummary build(RunStatus status, String reason, String detail, Map<Table, Long> rows, Map<Table, TableStats> stats) {
      return new RunSummary(request.runId(), status, reason, detail, started, java.time.Duration.between(started, Instant.now()).toMillis(),
          request.inputPatterns(), request.inputFileCount(), request.inputBytes(), request.geoDatabase().getPath(),
          request.geoDatabaseInfo(), request.config().suppression(), List.copyOf(dates), lines, rows, stats, new LinkedHashMap<>(stageMillis), auditFindings,
          request.config().effectiveRedacted(), acceptedByDate, corruptFiles, warnings, request.period(), daysWithInput, releases);
    }
  }
}
