package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one shuffle record as a compact byte array ({@link VisitorCellRecords}, {@link PartialTableRecords}):
 * fixed-width big-endian ints and longs where a partitioner or a sort reads them, unsigned LEB128 varints for
 * counts, strings as their UTF-8 bytes after a varint of length + 1 (0: null). Reused from record to record; each
 * {@link #finish} returns a new array. Not thread-safe: one per task.
 */
final class RecordWriter {
  private byte[] buffer = new byte[256];
  private int size;

  RecordWriter putByte(int b) {
    ensure(1);
    buffer[size++] = (byte) b;
    return this;
  }

  RecordWriter putInt(int v) {
    ensure(4);
    RecordBytes.INT.set(buffer, size, v);
    size += 4;
    return this;
  }

  RecordWriter putLong(long v) {
    ensure(8);
    RecordBytes.LONG.set(buffer, size, v);
    size += 8;
    return this;
  }

  /** A non-negative number in 1 to 10 bytes (7 bits each, the high bit saying that more follow). */
  RecordWriter putVarLong(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("Cannot write a negative count: " + v);
    }
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[size++] = (byte) v;
    return this;
  }

  /** A string as its UTF-8 bytes ({@code utf8} null for null). */
  RecordWriter putUtf8(byte[] utf8) {
    if (utf8 == null) {
      return putVarLong(0);
    }
    putVarLong(utf8.length + 1L);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buffer, size, utf8.length);
    size += utf8.length;
    return this;
  }

  RecordWriter putString(String s) {
    return putUtf8(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  /** The record written since the last finish, as a new array; the writer starts the next record. */
  byte[] finish() {
    byte[] record = Arrays.copyOf(buffer, size);
    size = 0;
    return record;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
