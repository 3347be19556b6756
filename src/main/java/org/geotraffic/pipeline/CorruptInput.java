package org.geotraffic.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;

/**
 * Why a compressed input file could not be read to its end. The file is named in the run summary with
 * its reason; the lines read before the damage are counted as usual.
 */
public enum CorruptInput {
  /** The compressed stream ends before its end marker: a file cut short (a copy or upload interrupted). */
  TRUNCATED("truncated"),
  /** The file does not start like its compression format: not compressed at all, or another format. */
  NOT_COMPRESSED_DATA("not-compressed-data"),
  /** The compressed data is damaged inside. */
  DAMAGED("damaged");

  private final String key;

  CorruptInput(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static CorruptInput ofKey(String key) {
    for (CorruptInput c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Cannot read corrupt-input reason: unknown key " + key);
  }

  /** The reason behind a decompressor's exception (messages of Hadoop's built-in and native codecs). */
  static CorruptInput of(IOException e) {
    if (e instanceof EOFException) {
      return TRUNCATED;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("not a gzip file") || m.contains("not in gzip format") || m.contains("incorrect header check")
        || m.contains("stream is not in the bzip2 format") || m.contains("bad magic") || m.contains("unknown compression method")) {
      return NOT_COMPRESSED_DATA;
    }
    if (m.contains("unexpected end")) {
      return TRUNCATED;
    }
    return DAMAGED;
  }
}
