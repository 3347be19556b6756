package org.geotraffic.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileMoves;

/**
 * What the output publishes now for some dates: whether any table has the date's partition, and how many
 * lines the run that published it accepted for it (from its run summary's {@code accepted_by_date}). A run
 * reads this before it replaces a day, so that an empty or shrunken input cannot silently wipe a good day.
 */
public final class PublishedDays {
  private final Map<String, Boolean> published = new HashMap<>();
  private final Map<String, Long> accepted = new HashMap<>();

  private PublishedDays() {}

  public static PublishedDays read(FileMoves moves, Path output, Collection<String> dates, org.geotraffic.config.Period period)
      throws IOException {
    Set<String> withPartition = new TreeSet<>();
    for (String date : dates) {
      for (Table t : Table.values()) {
        if (moves.exists(new Path(output, TableLayout.partition(period, t, date)))) {
          withPartition.add(date);
        }
      }
    }
    return read(moves, output, dates, period, withPartition);
  }

  /**
   * As {@link #read(FileMoves, Path, Collection, org.geotraffic.config.Period)}, for tables that are not folders (Iceberg):
   * {@code publishedDates} are the dates any table has rows for now.
   */
  public static PublishedDays read(FileMoves moves, Path output, Collection<String> dates, org.geotraffic.config.Period period,
      Set<String> publishedDates) throws IOException {
    PublishedDays d = new PublishedDays();
    for (String date : dates) {
      d.published.put(date, publishedDates.contains(date));
    }
    if (d.published.containsValue(true)) {
      d.readAccepted(moves, output, new TreeSet<>(dates), period);
    }
    return d;
  }

  /** The latest succeeded run that lists a date published it (the same rule as the report's). */
  private void readAccepted(FileMoves moves, Path output, TreeSet<String> dates, org.geotraffic.config.Period period) throws IOException {
    Path runs = new Path(output, RunSummaryWriter.RUNS_DIR);
    ObjectMapper json = new ObjectMapper();
    Map<String, String> startedOf = new HashMap<>();
    for (String name : moves.list(runs)) {
      if (!name.endsWith(".json") || name.startsWith(".") || name.equals(RunSummaryWriter.LATEST)) {
        continue;
      }
      JsonNode root;
      try {
        root = json.readTree(moves.read(new Path(runs, name)));
      } catch (IOException e) {
        continue; // an unreadable summary says nothing about accepted lines
      }
      if (!RunStatus.succeeded(root.path("status").asText()) || !period.key().equals(root.path("period").asText("day"))) {
        continue;
      }
      String started = root.path("started").asText("");
      for (JsonNode d : root.path("dates")) {
        String date = d.asText();
        if (!dates.contains(date) || started.compareTo(startedOf.getOrDefault(date, "")) < 0) {
          continue;
        }
        startedOf.put(date, started);
        JsonNode n = root.path("accepted_by_date").path(date);
        if (n.isNumber()) {
          accepted.put(date, n.asLong());
        } else {
          accepted.remove(date); // published by a run that did not record it
        }
      }
    }
  }

  public boolean published(String date) {
    return published.getOrDefault(date, false);
  }

  /** The accepted lines of the run that published the date, when that run recorded them. */
  public OptionalLong acceptedLines(String date) {
    Long n = accepted.get(date);
    return n == null ? OptionalLong.empty() : OptionalLong.of(n);
  }
}
