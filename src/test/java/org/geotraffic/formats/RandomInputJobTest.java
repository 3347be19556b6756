package org.geotraffic.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever lines a file holds, the job (k=1, input.max-reject-ratio=1) exits 0, reads exactly
 * the newline-terminated lines written, and accounts for every one (lines.balanced).
 *
 * <p>Each run writes {@value #FILES_PER_RUN} seeded random files (some gzip-compressed) of the
 * same-traffic fixture lines of one format, mutated (characters deleted, inserted, replaced, cut,
 * repeated; quotes, backslashes, brackets, control bytes, invalid UTF-8), mixed with random byte lines,
 * blank lines, over-long lines and, for W3C, mutated directives. Lines never contain CR or LF: Hadoop's
 * reader ends a line at either, so a random CR would make two lines of one (BadInputJobTest covers that).
 * Three runs of eight files keep the whole test at three job runs.
 */
class RandomInputJobTest {
  static final int FILES_PER_RUN = 8;
  private static final String NASTY = "\"\\[]{} \t%#:-+,/?=&0123456789.";

  @TempDir Path tmp;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(101L, "combined", "same-traffic.combined.log"),
        Arguments.of(202L, "w3c", "same-traffic.w3c.log"),
        Arguments.of(303L, SameTrafficAggregatesTest.NGINX_JSON, "same-traffic.nginx-json.log"));
  }

  @ParameterizedTest(name = "seed {0}, {2}")
  @MethodSource("runs")
  void randomFiles_alwaysExitZero_andBalance(long seed, String format, String fixture) throws IOException {
    List<byte[]> base = fixtureLines(fixture);
    Random random = new Random(seed);
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    long written = 0;
    for (int f = 0; f < FILES_PER_RUN; f++) {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      int lines = 5 + random.nextInt(60);
      for (int i = 0; i < lines; i++) {
        file.writeBytes(randomLine(random, base, format.equals("w3c")));
        file.write('\n');
      }
      written += lines;
      boolean gzip = f % 4 == 3;
      Path path = in.resolve("f" + f + (gzip ? ".log.gz" : ".log"));
      try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(path)) : Files.newOutputStream(path)) {
        out.write(file.toByteArray());
      }
    }

    JobHarness.Result r = JobHarness.run(List.of(in.toString()), JobHarness.database(tmp.resolve("db")), tmp.resolve("out"),
        "suppression.min-visitors=1", "input.max-reject-ratio=1", "input.format=" + format);

    String context = "seed " + seed + ": " + r.console();
    assertEquals(0, r.exitCode(), context);
    assertEquals("succeeded", r.summary().path("status").asText(), context);
    assertEquals(written, r.lines("read"), context);
    assertTrue(r.balanced(), context);
    // Not vacuous: the seeded files hold lines the job accepts and lines it rejects.
    assertTrue(r.lines("accepted") > 0 && r.lines("rejected_total") > 0, context);
    JobHarness.FIXTURE_CLIENTS.forEach(client -> assertFalse(r.console().contains(client), context));
  }

  static List<byte[]> fixtureLines(String fixture) throws IOException {
    try (InputStream in = Objects.requireNonNull(RandomInputJobTest.class.getResourceAsStream("/fixtures/" + fixture), fixture)) {
      List<byte[]> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        lines.add(line.getBytes(StandardCharsets.UTF_8));
      }
      return lines;
    }
  }

  /** One line without CR or LF: a fixture line, mutated or not, or something else entirely. */
  static byte[] randomLine(Random random, List<byte[]> base, boolean w3c) {
    int kind = random.nextInt(20);
    byte[] line = base.get(random.nextInt(base.size())).clone();
    if (kind < 5) {
      return line; // as written
    }
    if (kind < 13) {
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        line = mutate(random, line);
      }
      return withoutLineEnds(line);
    }
    return withoutLineEnds(switch (kind) {
      case 13, 14 -> randomBytes(random, random.nextInt(300));
      case 15 -> new byte[random.nextInt(4)]; // empty, or NULs
      case 16 -> " \t ".substring(0, random.nextInt(4)).getBytes(StandardCharsets.US_ASCII);
      case 17 -> concat(line, concat(new byte[] {' '}, base.get(random.nextInt(base.size())))); // two records on one line
      case 18 -> concat(line, "x".repeat(70_000).getBytes(StandardCharsets.US_ASCII)); // over input.max-line-length
      default -> w3c ? randomDirective(random) : concat(line, randomBytes(random, 5));
    });
  }

  static byte[] mutate(Random random, byte[] line) {
    int n = line.length;
    int at = n == 0 ? 0 : random.nextInt(n);
    return switch (random.nextInt(6)) {
      case 0 -> n == 0 ? line : concat(slice(line, 0, at), slice(line, Math.min(n, at + 1 + random.nextInt(8)), n)); // delete
      case 1 -> concat(slice(line, 0, at), concat(new byte[] {(byte) NASTY.charAt(random.nextInt(NASTY.length()))}, slice(line, at, n)));
      case 2 -> concat(slice(line, 0, at), concat(randomBytes(random, 1 + random.nextInt(3)), slice(line, at, n))); // raw bytes
      case 3 -> slice(line, 0, at); // cut short
      case 4 -> concat(slice(line, 0, at), line); // a piece repeated
      default -> { // replace a digit or letter by another of its kind: plausible but wrong values
        byte[] copy = line.clone();
        if (n > 0) {
          byte b = copy[at];
          copy[at] = b >= '0' && b <= '9' ? (byte) ('0' + random.nextInt(10)) : b >= 'a' && b <= 'z' ? (byte) ('a' + random.nextInt(26)) : b;
        }
        yield copy;
      }
    };
  }

  static byte[] randomDirective(Random random) {
    String[] fields = {"date", "time", "c-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "sc-status", "sc-bytes", "cs-host",
        "cs(User-Agent)", "cs(Referer)", "cs-username", "cs-version", "bogus-field"};
    StringBuilder s = new StringBuilder(random.nextBoolean() ? "#Fields:" : "#" + "Software: x");
    int count = random.nextInt(fields.length + 1);
    for (int i = 0; i < count; i++) {
      s.append(' ').append(fields[random.nextInt(fields.length)]);
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static byte[] withoutLineEnds(byte[] line) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == '\n' || line[i] == '\r') {
        line[i] = ' ';
      }
    }
    return line;
  }

  static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
