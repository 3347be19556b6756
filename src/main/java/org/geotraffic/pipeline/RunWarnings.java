package org.geotraffic.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's questionable findings that are not errors: they go to the console and to the run summary's
 * {@code warnings}, so an operator sees them without reading the tables. Counts, paths and dates only.
 */
public final class RunWarnings {
  /** A file with more than this share of its lines rejected is named, even when the run as a whole passes. */
  static final double FILE_REJECT_SHARE = 0.5;
  /** Files with fewer lines say too little about their format. */
  static final long FILE_MIN_LINES = 10;
  /** Dates before this are not a web server's. */
  static final LocalDate EARLIEST_PLAUSIBLE = LocalDate.of(1990, 1, 1);
  /** At most this many files or dates are named in one warning. */
  static final int NAMED = 5;

  private final List<String> warnings = new ArrayList<>();

  public List<String> list() {
    return List.copyOf(warnings);
  }

  public void add(String warning) {
    warnings.add(warning);
  }

  /** One tally per input file, the splits of a file summed. */
  public static Map<String, InputFileTally> byFile(Collection<InputFileTally> splits) {
    Map<String, InputFileTally> files = new TreeMap<>();
    for (InputFileTally t : splits) {
      files.merge(t.path(), t, (a, b) -> {
        Map<String, Long> days = new TreeMap<>(a.acceptedByDay());
        b.acceptedByDay().forEach((d, n) -> days.merge(d, n, Long::sum));
        Map<String, Long> slices = new TreeMap<>(a.acceptedBySlice());
        b.acceptedBySlice().forEach((d, n) -> slices.merge(d, n, Long::sum));
        return new InputFileTally(a.path(), a.lines() + b.lines(), a.rejected() + b.rejected(), a.corrupt() != null ? a.corrupt() : b.corrupt(),
            days, slices);
      });
    }
    return files;
  }

  /** Accepted lines per day over all files. */
  public static Map<String, Long> acceptedByDay(Map<String, InputFileTally> files) {
    Map<String, Long> days = new TreeMap<>();
    files.values().forEach(t -> t.acceptedByDay().forEach((d, n) -> days.merge(d, n, Long::sum)));
    return days;
  }

  /** Accepted lines per slice ({@code day#batch}) over all files; empty when the run did not count by batch. */
  public static Map<String, Long> acceptedBySlice(Map<String, InputFileTally> files) {
    Map<String, Long> slices = new TreeMap<>();
    files.values().forEach(t -> t.acceptedBySlice().forEach((d, n) -> slices.merge(d, n, Long::sum)));
    return slices;
  }

  /** The damaged compressed files, by path: their {@link CorruptInput} key. */
  public static Map<String, String> corruptFiles(Map<String, InputFileTally> files) {
    Map<String, String> corrupt = new TreeMap<>();
    files.forEach((path, t) -> {
      if (t.corrupt() != null) {
        corrupt.put(path, t.corrupt().key());
      }
    });
    return corrupt;
  }

  /** Damaged files whose remainder was skipped, and files whose lines were mostly rejected (another format mixed in). */
  public void inputFiles(Map<String, InputFileTally> files, String inputFormat) {
    Map<String, String> corrupt = corruptFiles(files);
    if (!corrupt.isEmpty()) {
      warnings.add(corrupt.size() + " compressed input file(s) are damaged; the lines before the damage were read, the rest skipped: "
          + named(corrupt.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList())
          + " (input.fail-on-corrupt=true refuses such runs)");
    }
    Map<String, InputFileTally> mostlyRejected = new LinkedHashMap<>();
    files.forEach((path, t) -> {
      if (t.lines() >= FILE_MIN_LINES && t.rejected() > FILE_REJECT_SHARE * t.lines()) {
        mostlyRejected.put(path, t);
      }
    });
    if (!mostlyRejected.isEmpty() && mostlyRejected.size() < files.size()) {
      warnings.add(mostlyRejected.size() + " of " + files.size() + " input files had most of their lines rejected, the others did not:"
          + " are they in another format than input.format=" + inputFormat + "? "
          + named(mostlyRejected.values().stream().map(t -> String.format("%s (%,d of %,d rejected)", t.path(), t.rejected(), t.lines())).toList()));
    }
  }

  /** Dates no web server wrote: before 1990 or after tomorrow (a broken clock or a misread timestamp). */
  public void implausibleDates(Map<String, Long> acceptedByDate, LocalDate today) {
    List<String> odd = new ArrayList<>();
    acceptedByDate.forEach((date, lines) -> {
      LocalDate d = LocalDate.parse(date);
      if (d.isBefore(EARLIEST_PLAUSIBLE) || d.isAfter(today.plusDays(1))) {
        odd.add(String.format("%s (%,d lines)", date, lines));
      }
    });
    if (!odd.isEmpty()) {
      warnings.add(odd.size() + " published date(s) lie before " + EARLIEST_PLAUSIBLE + " or after tomorrow: " + named(odd)
          + "; check the logs' clock and time zone, or publish a window with --from/--to");
    }
  }

  private static String named(List<String> items) {
    if (items.size() <= NAMED) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, NAMED)) + " and " + (items.size() - NAMED) + " more";
  }
}
