package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the job meets in the field, in one run of the whole job (combined format,
 * k=1, input.max-reject-ratio=1): the job exits 0, every line is accounted for under exactly the reason
 * it deserves, and the console names no client.
 *
 * <p>Each line is written together with the outcome it must get ({@link Lines#add}); the test sums those
 * and compares them with the run summary, so a line counted under the wrong reason fails the test.
 */
class BadInputJobTest {
  static final String GOOD =
      "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
  static final String ACCEPTED = "accepted";

  @TempDir static Path tmp;
  static Lines expected = new Lines();
  static JobHarness.Result result;

  /** The bytes of one file and what each of its lines must become. */
  static final class Lines {
    final Map<String, Long> outcomes = new TreeMap<>();
    long read;

    /** Adds the outcome ("accepted", "rejected:reason", "filtered:reason") of one line. */
    void add(String outcome) {
      outcomes.merge(outcome, 1L, Long::sum);
      read++;
    }

    Map<String, Long> with(String prefix) {
      Map<String, Long> m = new TreeMap<>();
      outcomes.forEach((k, v) -> {
        if (k.startsWith(prefix + ":")) {
          m.put(k.substring(prefix.length() + 1), v);
        }
      });
      return m;
    }
  }

  /** Collects a file's lines as bytes, each terminated by "\n" unless told otherwise. */
  static final class FileBuilder {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    FileBuilder line(String text, String outcome) {
      return line(text.getBytes(StandardCharsets.UTF_8), outcome);
    }

    FileBuilder line(byte[] raw, String outcome) {
      bytes.writeBytes(raw);
      bytes.write('\n');
      expected.add(outcome);
      return this;
    }

    /** A line made of {@code before}, the raw bytes, then {@code after}. */
    FileBuilder lineWithBytes(String before, byte[] raw, String after, String outcome) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
      b.writeBytes(raw);
      b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
      return line(b.toByteArray(), outcome);
    }

    void write(Path file) throws IOException {
      Files.write(file, bytes.toByteArray());
    }
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** GOOD with another user agent. */
  static String withAgent(String agent) {
    return GOOD.substring(0, GOOD.lastIndexOf(" \"") + 2) + agent + "\"";
  }

  @BeforeAll
  static void runOnBadInput() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);

    // Binary garbage: every byte value except the line ends, three times; NUL and bytes >= 0x80 make
    // each one a binary line (invalid UTF-8 decodes to U+FFFD, which counts as binary too).
    FileBuilder garbage = new FileBuilder();
    byte[] everyByte = new byte[254];
    for (int v = 0, i = 0; v < 256; v++) {
      if (v != '\n' && v != '\r') {
        everyByte[i++] = (byte) v;
      }
    }
    garbage.line(everyByte, "rejected:binary").line(everyByte, "rejected:binary").line(everyByte, "rejected:binary");
    garbage.write(in.resolve("garbage.log"));

    // Invalid UTF-8 inside otherwise well-formed lines, and valid UTF-8 that must pass.
    String head = GOOD.substring(0, GOOD.lastIndexOf(" \"") + 2);
    FileBuilder utf8 = new FileBuilder()
        .lineWithBytes(head + "Mozilla ", bytes(0xC3, 0x28), "\"", "rejected:binary") // bad continuation byte
        .lineWithBytes(head + "Mozilla ", bytes(0xE9), "\"", "rejected:binary") // a Latin-1 byte
        .lineWithBytes(head + "Mozilla ", bytes(0xC0, 0xAF), "\"", "rejected:binary") // overlong "/"
        .lineWithBytes(head + "Mozilla ", bytes(0xED, 0xA0, 0x80), "\"", "rejected:binary") // a UTF-16 surrogate
        .lineWithBytes(head + "Mozilla ", bytes(0xE2, 0x82), "", "rejected:binary") // cut-off sequence at the end
        .line(withAgent("Mözilla/5.0 (Linux; ünïcödé)"), ACCEPTED)
        .line(withAgent("Mozilla/5.0 \uD83D\uDE00 (4-byte UTF-8)"), ACCEPTED);
    utf8.write(in.resolve("utf8.log"));

    // Long lines: input.max-line-length is 65536 characters; a 1 MB line is rejected, the reader goes on.
    String padding = "a".repeat(1 << 20);
    String shortPath = "/index.html";
    String exactly = GOOD.replace(shortPath, "/" + "p".repeat(65_536 - GOOD.length() + shortPath.length() - 1));
    assertEquals(65_536, exactly.length());
    new FileBuilder()
        .line(GOOD.replace(shortPath, "/" + padding), "rejected:too-long")
        .line(GOOD, ACCEPTED)
        .line(exactly, ACCEPTED)
        .line(exactly.replace("/p", "/pp"), "rejected:too-long")
        .line(padding, "rejected:too-long")
        .write(in.resolve("long.log"));

    // A record split over two lines (inside the user agent, and inside the request): two rejects each.
    int inAgent = GOOD.indexOf("(X11;") + 5;
    int inRequest = GOOD.indexOf(" HTTP/1.1\"");
    new FileBuilder()
        .line(GOOD.substring(0, inAgent), "rejected:unterminated-quote")
        .line(GOOD.substring(inAgent), "rejected:malformed")
        .line(GOOD.substring(0, inRequest), "rejected:unterminated-quote")
        .line(GOOD.substring(inRequest + 1), "rejected:malformed")
        .write(in.resolve("split.log"));

    // Quotes: never closed, closed too early, and escaped quotes that are fine.
    new FileBuilder()
        .line(GOOD.substring(0, GOOD.length() - 1), "rejected:unterminated-quote")
        .line(GOOD.replace("HTTP/1.1\"", "HTTP/1.1"), "rejected:malformed")
        .line(GOOD.replace("\"-\"", "\"-\\\" \\\"x\""), ACCEPTED)
        .line(GOOD.replace("/index.html", "/a\\\"b"), ACCEPTED)
        .write(in.resolve("quotes.log"));

    // Wrong field counts. Fields appended after the last one are a server's additions (Traefik's request count,
    // router and duration; Apache's %D): the preset skips them. Text glued to the last field is not a field.
    new FileBuilder()
        .line(GOOD.substring(0, GOOD.indexOf(" \"-\"")), "rejected:malformed") // common, not combined
        .line(GOOD + " \"extra\"", ACCEPTED)
        .line(GOOD + " extra", ACCEPTED)
        .line(GOOD + "\"extra\"", "rejected:malformed")
        .line(GOOD + "extra", "rejected:malformed")
        .line("192.0.2.10 - -", "rejected:malformed")
        .line("-", "rejected:malformed")
        .write(in.resolve("fields.log"));

    // Impossible or unreadable dates.
    new FileBuilder()
        .line(GOOD.replace("17/May/2015", "31/Feb/2015"), "rejected:bad-timestamp")
        .line(GOOD.replace("17/May/2015", "29/Feb/2015"), "rejected:bad-timestamp") // not a leap year
        .line(GOOD.replace("17/May/2015", "17/Foo/2015"), "rejected:bad-timestamp")
        .line(GOOD.replace("10:05:03", "25:05:03"), "rejected:bad-timestamp")
        .line(GOOD.replace("+0000", "+9999"), "rejected:bad-timestamp")
        .line(GOOD.replace("[17/May/2015:10:05:03 +0000]", "[]"), "rejected:bad-timestamp")
        .line(GOOD.replace("17/May/2015", "29/Feb/2016"), ACCEPTED) // a leap day
        .write(in.resolve("dates.log"));

    // Blank lines, and an empty file.
    new FileBuilder()
        .line("", "filtered:blank")
        .line("   ", "filtered:blank")
        .line("\t\t", "filtered:blank")
        .line(" \t ", "filtered:blank")
        .write(in.resolve("blank.log"));
    Files.write(in.resolve("empty.log"), new byte[0]);

    // Compressed files: decompressed by Hadoop's codecs, then parsed like any other.
    FileBuilder gz = new FileBuilder().line(GOOD, ACCEPTED).line(GOOD.replace(" 200 ", " 304 "), ACCEPTED).line("", "filtered:blank");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("access.log.gz")))) {
      out.write(gz.bytes.toByteArray());
    }
    FileBuilder bz2 = new FileBuilder().line(GOOD, ACCEPTED).line(GOOD.replace(" 200 ", " 999 "), "rejected:bad-status")
        .line(GOOD, ACCEPTED).line(everyByte, "rejected:binary");
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration());
    try (OutputStream out = codec.createOutputStream(Files.newOutputStream(in.resolve("access.log.bz2")))) {
      out.write(bz2.bytes.toByteArray());
    }

    // Classic Mac line ends (CR only) and Windows line ends (CRLF): Hadoop's reader ends a line at
    // either, so these are three and two ordinary lines.
    Files.write(in.resolve("cr-only.log"), (GOOD + "\r" + GOOD + "\r" + GOOD + "\r").getBytes(StandardCharsets.US_ASCII));
    expected.add(ACCEPTED);
    expected.add(ACCEPTED);
    expected.add(ACCEPTED);
    Files.write(in.resolve("crlf.log"), (GOOD + "\r\n" + "\r\n").getBytes(StandardCharsets.US_ASCII));
    expected.add(ACCEPTED);
    expected.add("filtered:blank");

    // Mixed: good lines between one of every other reject reason.
    new FileBuilder()
        .line(GOOD, ACCEPTED)
        .line(GOOD.replace(" 200 ", " 99 "), "rejected:bad-status")
        .line(GOOD.replace(" 5120 ", " -5 "), "rejected:bad-bytes")
        .line(GOOD.replace(" 5120 ", " abc "), "rejected:bad-bytes")
        .line(GOOD.replace("\"GET /index.html HTTP/1.1\"", "\"\""), "rejected:bad-request")
        .line(GOOD.replace("\"GET /index.html HTTP/1.1\"", "\"GARBAGE\""), "rejected:bad-request")
        .line(GOOD, ACCEPTED)
        .line(GOOD.replace("192.0.2.10", "-"), "rejected:bad-client")
        .line(GOOD.replace("192.0.2.10", "999.1.1.1"), "rejected:bad-client") // neither an address nor a host name
        .line(GOOD.replace("192.0.2.10", "not_a_host!"), "rejected:bad-client")
        .line(GOOD.replace("192.0.2.10", "2001:db8::1"), ACCEPTED)
        .line("", "filtered:blank")
        .line(everyByte, "rejected:binary")
        .line("#Fields: date time c-ip", "rejected:malformed") // a W3C directive means nothing in combined
        .line(GOOD, ACCEPTED)
        .write(in.resolve("mixed.log"));

    result = JobHarness.run(List.of(in.toString()), JobHarness.database(tmp.resolve("db")), tmp.resolve("out"),
        "suppression.min-visitors=1", "input.max-reject-ratio=1");
  }

  @Test
  void badInput_exitsZero_andSucceeds() {
    assertEquals(0, result.exitCode(), result.console());
    assertEquals("succeeded", result.summary().path("status").asText());
    assertEquals(14, result.summary().path("input").path("files").asInt());
  }

  @Test
  void everyLine_isRead_andTheIdentityHolds() {
    assertEquals(expected.read, result.lines("read"));
    assertTrue(result.balanced());
    assertEquals(result.lines("read"),
        result.lines("accepted") + result.lines("rejected_total") + result.lines("filtered_total"));
  }

  @Test
  void everyReason_isCountedExactly() {
    assertEquals(expected.outcomes.get(ACCEPTED), result.lines("accepted"));
    assertEquals(expected.with("rejected"), result.rejected());
    assertEquals(expected.with("filtered"), result.filtered());
  }

  @Test
  void theExpectedCounts_areTheIntendedOnes() {
    // A guard against a slip in the builder above: the numbers a reader can check by eye.
    assertEquals(Map.of("binary", 10L, "too-long", 3L, "unterminated-quote", 3L, "malformed", 9L, "bad-timestamp", 6L,
        "bad-status", 2L, "bad-bytes", 2L, "bad-request", 2L, "bad-client", 3L), expected.with("rejected"));
    assertEquals(Map.of("blank", 7L), expected.with("filtered"));
    assertEquals(21L, expected.outcomes.get(ACCEPTED));
  }

  @Test
  void console_namesNoClient() {
    for (String client : List.of("192.0.2.10", "2001:db8::1", "999.1.1.1", "not_a_host")) {
      assertFalse(result.console().contains(client), client);
    }
  }
}
