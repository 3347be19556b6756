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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .gz cut short (a copy interrupted, a rotation still being written) cannot be read to its end. The
 * job cannot account for the lines it never saw, so it must fail the run the documented way: exit code
 * 5 ("job failed") with a one-line message, not an exception out of {@code GeoTraffic.run} (which under
 * {@code main} becomes exit code 1 and a stack trace).
 */
class CorruptCompressedFileTest {
  @TempDir Path tmp;

  @Test
  void truncatedGzip_failsTheRun_withExitCode5() throws IOException {
    String good = "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"\n";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(good.repeat(2000).getBytes(StandardCharsets.US_ASCII));
    }
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    byte[] whole = gz.toByteArray();
    Files.write(in.resolve("cut.log.gz"), Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(in.resolve("ok.log"), good);

    JobHarness.Result r = JobHarness.run(List.of(in.toString()), JobHarness.database(tmp.resolve("db")), tmp.resolve("out"),
        "suppression.min-visitors=1", "input.max-reject-ratio=1");

    assertEquals(5, r.exitCode(), r.console());
    assertTrue(r.console().contains("geotraffic: job failed: "), r.console());
    assertFalse(r.console().contains("192.0.2.10"), r.console());
    assertFalse(Files.exists(tmp.resolve("out").resolve("totals")), "a failed run published a table");
  }
}
