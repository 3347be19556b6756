package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong input.format shows up as a high reject ratio: above input.max-reject-ratio (default 0.5) the
 * job exits 6, writes nothing but its run summary (status "refused"), leaves the tables of earlier runs
 * as they were, and tells the operator the top reject reasons and the format, never a client.
 */
class RejectRatioTest {
  static final String GOOD =
      "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

  @TempDir Path tmp;

  Path combinedFixture() throws IOException {
    Path log = tmp.resolve("logs").resolve("combined.log");
    Files.createDirectories(log.getParent());
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/same-traffic.combined.log"))) {
      Files.copy(in, log);
    }
    return log;
  }

  /** Every path under {@code dir}, relative, sorted. */
  static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  /** Every file under {@code dir} with its content, for "nothing changed" comparisons. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void w3cOnCombinedLogs_isRefused_withNothingWrittenButTheSummary() throws IOException {
    Path out = tmp.resolve("out");
    JobHarness.Result r = JobHarness.run(List.of(combinedFixture().toString()), JobHarness.database(tmp.resolve("db")), out,
        "suppression.min-visitors=1", "input.format=w3c");

    assertEquals(6, r.exitCode(), r.console());
    // Only the run summary: no table directory, no stray file at the top.
    for (String path : tree(out)) {
      assertTrue(path.startsWith("_runs"), "written although refused: " + path);
    }
    assertFalse(Files.exists(out.resolve("_runs/latest.json")), "latest.json names only a run whose tables are live");
    assertTrue(Files.isRegularFile(out.resolve("_runs/formats-test.json")));
    assertEquals("refused", r.summary().path("status").asText());
    assertEquals("reject-ratio-exceeded", r.summary().path("exit_reason").asText());
    assertEquals(6, r.lines("read"));
    assertEquals(Map.of("malformed", 6L), r.rejected());
    assertTrue(r.balanced());
    // The operator learns why and what to check: the reasons with counts, and the format in use.
    assertTrue(r.console().contains("100.0% of lines were rejected"), r.console());
    assertTrue(r.console().contains("top reasons: malformed=6"), r.console());
    assertTrue(r.console().contains("input.format=w3c"), r.console());
    // One example of the top reason travels from the executors, as its shape only.
    assertTrue(r.console().contains("; a malformed line looks like (letters and digits masked): "), r.console());
    JobHarness.FIXTURE_CLIENTS.forEach(client -> assertFalse(r.console().contains(client), "console names a client: " + r.console()));
  }

  @Test
  void combinedOnW3cLogs_isRefused_namingTheReasons() throws IOException {
    Path log = tmp.resolve("w3c.log");
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/same-traffic.w3c.log"))) {
      Files.copy(in, log);
    }
    Path out = tmp.resolve("out");
    JobHarness.Result r = JobHarness.run(List.of(log.toString()), JobHarness.database(tmp.resolve("db")), out,
        "suppression.min-visitors=1", "input.format=combined");

    assertEquals(6, r.exitCode(), r.console());
    assertEquals(List.of("_runs"), tree(out).stream().filter(p -> !p.startsWith("_runs/")).toList());
    assertEquals("refused", r.summary().path("status").asText());
    assertEquals(r.lines("read"), r.lines("rejected_total"), "every line of a W3C file is wrong for combined");
    assertTrue(r.console().contains("top reasons: "), r.console());
    r.rejected().forEach((reason, n) -> assertTrue(r.console().contains(reason + "=" + n), reason + " not named: " + r.console()));
    assertTrue(r.console().contains("input.format=combined"), r.console());
    JobHarness.FIXTURE_CLIENTS.forEach(client -> assertFalse(r.console().contains(client), "console names a client: " + r.console()));
  }

  /**
   * The ratio is rejected / read and must exceed the maximum to refuse: 2 of 4 lines (0.5) publishes,
   * 3 of 5 (0.6) is refused; the refused run leaves the first run's tables byte for byte as they were,
   * and latest.json still names the first run (the refused one writes its own summary only).
   */
  @Test
  void exactlyTheMaximum_publishes_andAboveIt_isRefused_keepingEarlierTables() throws IOException {
    Path db = JobHarness.database(tmp.resolve("db"));
    String bad = GOOD.replace(" 200 ", " 999 ");
    Path half = tmp.resolve("half.log");
    Files.write(half, List.of(GOOD, bad, GOOD.replace("10:05", "11:05"), bad));
    Path out = tmp.resolve("out");
    JobHarness.Result first = JobHarness.run(List.of(half.toString()), db, out, "suppression.min-visitors=1");
    assertEquals(0, first.exitCode(), first.console());
    assertEquals("succeeded", first.summary().path("status").asText());
    assertEquals(Map.of("bad-status", 2L), first.rejected());
    Map<String, String> tables = snapshot(out);
    tables.keySet().removeIf(p -> p.startsWith("_runs"));
    assertFalse(tables.isEmpty());

    Path more = tmp.resolve("more.log");
    List<String> lines = new ArrayList<>(List.of(GOOD, bad, GOOD, bad, bad));
    Files.write(more, lines);
    JobHarness.Result second = JobHarness.run(List.of(more.toString()), db, out, "suppression.min-visitors=1");
    assertEquals(6, second.exitCode(), second.console());
    assertTrue(second.console().contains("60.0% of lines were rejected"), second.console());
    assertTrue(second.console().contains("top reasons: bad-status=3"), second.console());
    assertEquals("refused", second.summary().path("status").asText());
    Map<String, String> after = snapshot(out);
    after.keySet().removeIf(p -> p.startsWith("_runs"));
    assertEquals(tables, after);
    assertEquals("succeeded", new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("_runs/latest.json").toFile())
        .path("status").asText(), "latest.json still names the run whose tables are live");
  }
}
