package org.geotraffic.pipeline;

import java.io.IOException;
import java.io.InputStream;

/** Whether a compressed file starts as its format says: gzip's 1f 8b, bzip2's "BZh". */
final class CompressedHeader {
  private CompressedHeader() {}

  /** What is wrong with the file's first bytes for its extension, or null (also for other extensions). */
  static String problem(String fileName, InputStream in) throws IOException {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    byte[] head = in.readNBytes(3);
    if (name.endsWith(".gz")) {
      return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b ? null : "not gzip data (a .gz file that is not compressed?)";
    }
    if (name.endsWith(".bz2")) {
      return head.length == 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' ? null : "not bzip2 data";
    }
    return null;
  }
}
