package org.geotraffic.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily-rotated combined-format logs as a server writes them: {@code access.log.D} holds day D's events,
 * plus the first seconds of D+1 (written before rotation) and a late event of D-1 (written after). Every
 * client is in RFC 5737 192.0.2.0/24, which the demo database places in GB.
 */
final class RotatedLogs {
  /** One event: its UTC day and client. */
  record Event(LocalDate day, String client) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
  private static final String UA = "TestBrowser/1.0 (X11; Linux x86_64)";

  final List<Path> files = new ArrayList<>();
  final List<Event> events = new ArrayList<>();

  /** Writes one rotated file per day of {@code days} into {@code dir}, with {@code visitorsPerDay} clients each. */
  static RotatedLogs write(Path dir, List<LocalDate> days, int visitorsPerDay) throws IOException {
    RotatedLogs logs = new RotatedLogs();
    Files.createDirectories(dir);
    for (LocalDate day : days) {
      List<String> lines = new ArrayList<>();
      // a late event of the day before, logged after rotation
      lines.add(logs.line(day.minusDays(1).atTime(23, 59, 58), "192.0.2.40"));
      for (int v = 0; v < visitorsPerDay; v++) {
        String client = "192.0.2." + (v + 1);
        lines.add(logs.line(day.atTime(9, v % 60, 0), client));
        lines.add(logs.line(day.atTime(15, v % 60, 30), client));
      }
      // the first seconds of the next day, before the file was rotated
      for (int v = 0; v < 3; v++) {
        lines.add(logs.line(day.plusDays(1).atTime(0, 0, v), "192.0.2." + (50 + v)));
      }
      Path file = dir.resolve("access.log." + day);
      Files.write(file, lines, StandardCharsets.UTF_8);
      logs.files.add(file);
    }
    return logs;
  }

  private String line(LocalDateTime t, String client) {
    events.add(new Event(t.toLocalDate(), client));
    return client + " - - [" + STAMP.format(t) + " +0000] \"GET /index.html HTTP/1.1\" 200 1024 \"-\" \"" + UA + "\"";
  }

  /** Hits per UTC day. */
  Map<LocalDate, Long> hitsByDay() {
    Map<LocalDate, Long> hits = new TreeMap<>();
    events.forEach(e -> hits.merge(e.day(), 1L, Long::sum));
    return hits;
  }

  /** Distinct visitors per UTC day (one user agent, so a client is a visitor). */
  Map<LocalDate, Long> visitorsByDay() {
    Map<LocalDate, Set<String>> v = new TreeMap<>();
    events.forEach(e -> v.computeIfAbsent(e.day(), d -> new TreeSet<>()).add(e.client()));
    Map<LocalDate, Long> result = new TreeMap<>();
    v.forEach((d, s) -> result.put(d, (long) s.size()));
    return result;
  }

  long lines() {
    return events.size();
  }
}
