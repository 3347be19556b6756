package org.geotraffic.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Combined-format logs of a site with returning and one-time visitors, one file per day ({@code access.log.D}),
 * written to a documented layout: a visitor is a client address in the RFC 5737 ranges (which the demo database
 * places in GB, DE, US, FR, SE, JP) plus a user agent naming it. Each day a share of a returning pool comes back,
 * and new one-time visitors arrive; each visit requests one to four of six pages. Deterministic for a seed.
 */
final class VisitorLogs {
  /** One request: its day and its visitor (address and user agent). */
  record Request(LocalDate day, String client, String agent, String page) {
    String visitor() {
      return client + " " + agent;
    }
  }

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
  private static final String[] RANGES = {"192.0.2.", "198.51.100.", "203.0.113."};
  private static final String[] PAGES = {"/", "/pricing", "/products/widget", "/products/gadget", "/blog/spring", "/contact"};

  final List<Request> requests = new ArrayList<>();
  private final Random random;
  private int nextVisitor;

  private VisitorLogs(long seed) {
    random = new Random(seed);
  }

  /**
   * Writes one file per day: {@code returning} visitors in the pool, each back on a day with probability one half,
   * and {@code oneTime} new visitors a day.
   */
  static VisitorLogs write(Path dir, List<LocalDate> days, int returning, int oneTime, long seed) throws IOException {
    VisitorLogs logs = new VisitorLogs(seed);
    Files.createDirectories(dir);
    List<String[]> pool = new ArrayList<>();
    for (int i = 0; i < returning; i++) {
      pool.add(logs.newVisitor());
    }
    for (LocalDate day : days) {
      List<String> lines = new ArrayList<>();
      for (String[] v : pool) {
        if (logs.random.nextBoolean()) {
          logs.visit(day, v, lines);
        }
      }
      for (int i = 0; i < oneTime; i++) {
        logs.visit(day, logs.newVisitor(), lines);
      }
      Files.write(dir.resolve("access.log." + day), lines, StandardCharsets.UTF_8);
    }
    return logs;
  }

  /** A late file for {@code day}: {@code visitors} new visitors, two requests each, named {@code name} in {@code dir}. */
  List<Request> writeLate(Path dir, String name, LocalDate day, int visitors) throws IOException {
    List<String> lines = new ArrayList<>();
    int before = requests.size();
    for (int i = 0; i < visitors; i++) {
      String[] v = newVisitor();
      for (int j = 0; j < 2; j++) {
        lines.add(line(day.atTime(13, j, i % 60), v, PAGES[1]));
      }
    }
    Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    return requests.subList(before, requests.size());
  }

  private String[] newVisitor() {
    int n = nextVisitor++;
    return new String[] {RANGES[n % 3] + (1 + (n / 3) % 254), "TestBrowser/1.0 (visitor " + n + ")"};
  }

  private void visit(LocalDate day, String[] visitor, List<String> lines) {
    int pages = 1 + random.nextInt(4);
    LocalDateTime t = day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
    for (int i = 0; i < pages; i++) {
      lines.add(line(t.withSecond(i), visitor, PAGES[random.nextInt(PAGES.length)]));
    }
  }

  private String line(LocalDateTime t, String[] visitor, String page) {
    requests.add(new Request(t.toLocalDate(), visitor[0], visitor[1], page));
    return visitor[0] + " - - [" + STAMP.format(t) + " +0000] \"GET " + page + " HTTP/1.1\" 200 2048 \"-\" \"" + visitor[1] + "\"";
  }

  /** Distinct visitors over [from, to]. */
  long visitors(LocalDate from, LocalDate to) {
    Set<String> v = new HashSet<>();
    for (Request r : requests) {
      if (!r.day().isBefore(from) && !r.day().isAfter(to)) {
        v.add(r.visitor());
      }
    }
    return v.size();
  }

  /** Requests over [from, to]. */
  long hits(LocalDate from, LocalDate to) {
    return requests.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).count();
  }
}
