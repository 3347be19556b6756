package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** The enrich stage's line decoding gives what Hadoop's Text.toString gives, on valid and invalid UTF-8. */
class LineDecodingTest {
  /** Byte sequences that UTF-8 decoders are known to treat differently when they get them wrong. */
  private static final int[][] TRICKY = {
      {0x80}, {0xBF}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x41}, {0xE0, 0x80, 0xAF}, {0xE0, 0xA0},
      {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xEF, 0xBF, 0xBD}, {0xF0, 0x90, 0x80}, {0xF0, 0x80, 0x80, 0x80},
      {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFE}, {0xFF},
      {0xE2, 0x82, 0xAC}, {0xF0, 0x9F, 0x98, 0x80}, {0xC3, 0xA9}, {0x00}, {0x7F}};

  @Test
  void sameAsHadoopTextOnRandomAndMalformedBytes() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      byte[] line = randomLine(random);
      Text text = new Text();
      // Reused Text objects hold more bytes than the line: only getLength() of them count.
      text.set(new byte[line.length + 7], 0, line.length + 7);
      text.set(line);
      assertEquals(text.toString(), EnrichPartition.decode(text), () -> "bytes " + HexFormat.of().formatHex(line));
    }
  }

  @Test
  void everyTrickySequenceAlone() {
    for (int[] seq : TRICKY) {
      byte[] b = new byte[seq.length];
      for (int i = 0; i < seq.length; i++) {
        b[i] = (byte) seq[i];
      }
      assertEquals(new Text(b).toString(), EnrichPartition.decode(new Text(b)));
    }
  }

  private static byte[] randomLine(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int parts = 1 + random.nextInt(12);
    for (int p = 0; p < parts; p++) {
      switch (random.nextInt(4)) {
        case 0 -> out.writeBytes("192.0.2.1 - - [05/Jan/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 12".getBytes(StandardCharsets.US_ASCII));
        case 1 -> {
          for (int v : TRICKY[random.nextInt(TRICKY.length)]) {
            out.write(v);
          }
        }
        default -> {
          int len = random.nextInt(6);
          for (int i = 0; i < len; i++) {
            out.write(random.nextInt(256));
          }
        }
      }
    }
    return out.toByteArray();
  }
}
