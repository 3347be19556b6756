package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged compressed files in a folder of rotated logs: a .gz cut short (a copy interrupted), a ".gz" that
 * is plain text, a file with a gzip header and garbage after it. Each is named in the run summary with its
 * reason and on the console in one line; the lines before the damage count as usual and the rest of the
 * folder is published (exit 0). With input.fail-on-corrupt=true the run is refused with exit 3 naming them,
 * and nothing is published. Never a task failure, a stack trace or exit 5.
 */
class CorruptCompressedFileTest {
  static final String GOOD = "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n";
  @TempDir Path tmp;
  Path in;
  long linesBeforeTheCut;

  @BeforeEach
  void writeLogs() throws IOException {
    in = tmp.resolve("in");
    Files.createDirectories(in);
    byte[] whole = gzip(GOOD.repeat(2000));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    Files.write(in.resolve("cut.log.gz"), cut);
    linesBeforeTheCut = linesReadable(cut);
    Files.writeString(in.resolve("plain-text.log.gz"), GOOD.repeat(3));
    // A valid gzip header, then bytes that are no deflate stream (0xff: a reserved block type).
    byte[] garbage = new byte[4096];
    Arrays.fill(garbage, (byte) 0xff);
    System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, 0, garbage, 0, 10);
    Files.write(in.resolve("garbage.log.gz"), garbage);
    Files.write(in.resolve("whole.log.gz"), gzip(GOOD.repeat(7)));
    Files.writeString(in.resolve("ok.log"), GOOD.repeat(5));
  }

  @Test
  void damagedGzipFiles_areNamedWithTheirReason_andTheRestIsPublished() throws IOException {
    JobHarness.Result r = JobHarness.run(List.of(in.toString()), JobHarness.database(tmp.resolve("db")), tmp.resolve("out"),
        "suppression.min-visitors=1");

    assertEquals(0, r.exitCode(), r.console());
    Map<String, String> corrupt = new java.util.TreeMap<>();
    r.summary().path("input").path("corrupt_files").fields().forEachRemaining(e -> corrupt.put(Path.of(java.net.URI.create(e.getKey()))
        .getFileName().toString(), e.getValue().asText()));
    assertEquals(Map.of("cut.log.gz", "truncated", "plain-text.log.gz", "not-compressed-data", "garbage.log.gz", "damaged"), corrupt);
    // The lines before the cut, then the good files: accounted for and published.
    assertEquals(linesBeforeTheCut + 7 + 5, r.lines("read"));
    assertEquals(linesBeforeTheCut + 7 + 5, r.lines("accepted"));
    assertTrue(r.balanced());
    String warning = "";
    for (com.fasterxml.jackson.databind.JsonNode w : r.summary().path("warnings")) {
      warning = w.asText().contains("damaged") ? w.asText() : warning;
    }
    assertTrue(warning.startsWith("3 compressed input file(s) are damaged"), warning);
    assertTrue(warning.contains("cut.log.gz (truncated)"), warning);
    assertTrue(r.console().contains("geotraffic: warning: 3 compressed input file(s) are damaged"), r.console());
    assertFalse(r.console().contains("Exception"), "no stack trace: " + r.console());
    assertFalse(r.console().contains("192.0.2.10"), r.console());
    assertTrue(Files.isDirectory(tmp.resolve("out").resolve("totals")));
  }

  @Test
  void failOnCorrupt_refusesWithExit3_namingTheFile_andPublishesNothing() throws IOException {
    Files.delete(in.resolve("plain-text.log.gz"));
    Files.delete(in.resolve("garbage.log.gz"));
    JobHarness.Result r = JobHarness.run(List.of(in.toString()), JobHarness.database(tmp.resolve("db")), tmp.resolve("out"),
        "suppression.min-visitors=1", "input.fail-on-corrupt=true");

    assertEquals(3, r.exitCode(), r.console());
    assertTrue(r.console().contains("Cannot read input: damaged compressed file(s) [" + in.resolve("cut.log.gz").toUri().toString()
        .replace("file:///", "file:/") + " (truncated)]"), r.console());
    assertEquals("refused", r.summary().path("status").asText());
    assertEquals("corrupt-input", r.summary().path("exit_reason").asText());
    assertFalse(Files.exists(tmp.resolve("out").resolve("totals")), "a refused run published a table");
  }

  /** A ".gz" that is not gzip at all is refused before Spark starts: its first bytes say so. */
  @Test
  void failOnCorrupt_notGzipAtAll_isRefusedBeforeSparkStarts() throws IOException {
    JobHarness.Result r = JobHarness.run(List.of(in.resolve("plain-text.log.gz").toString()), JobHarness.database(tmp.resolve("db")),
        tmp.resolve("out"), "input.fail-on-corrupt=true");

    assertEquals(3, r.exitCode(), r.console());
    assertTrue(r.console().contains("Cannot read input: not gzip data (a .gz file that is not compressed?) and input.fail-on-corrupt=true, "),
        r.console());
    assertTrue(r.console().contains("plain-text.log.gz"), r.console());
    assertFalse(r.console().contains("geotraffic: run "), "Spark never started: " + r.console());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return gz.toByteArray();
  }

  /** The whole lines java.util.zip can read from a cut gzip stream: what any reader can recover. */
  private static long linesReadable(byte[] cut) {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (java.util.zip.GZIPInputStream gin = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(cut))) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = gin.read(buf)) > 0) {
        plain.write(buf, 0, n);
      }
    } catch (IOException expected) {
      // the cut
    }
    return plain.toString(StandardCharsets.US_ASCII).chars().filter(c -> c == '\n').count();
  }
}
