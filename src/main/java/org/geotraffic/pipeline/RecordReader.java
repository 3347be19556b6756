package org.geotraffic.pipeline;

/**
 * Reads a record that {@link RecordWriter} wrote, field by field in the order written. Reused from record to
 * record ({@link #of}). Not thread-safe: one per task.
 */
final class RecordReader {
  private final SharedStrings strings;
  private byte[] record;
  private int position;

  /** @param strings where read strings come from (one String per distinct value) */
  RecordReader(SharedStrings strings) {
    this.strings = strings;
  }

  /** Starts reading {@code record} from its first byte. */
  RecordReader of(byte[] record) {
    this.record = record;
    this.position = 0;
    return this;
  }

  int getByte() {
    return record[position++] & 0xFF;
  }

  int getInt() {
    int v = RecordBytes.intAt(record, position);
    position += 4;
    return v;
  }

  long getLong() {
    long v = RecordBytes.longAt(record, position);
    position += 8;
    return v;
  }

  long getVarLong() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = record[position++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  String getString() {
    int length = (int) getVarLong() - 1;
    if (length < 0) {
      return null;
    }
    String s = strings.of(record, position, length);
    position += length;
    return s;
  }

  /** A string that seldom repeats: made anew, not kept among the shared strings. */
  String getOwnString() {
    int length = (int) getVarLong() - 1;
    if (length < 0) {
      return null;
    }
    String s = new String(record, position, length, java.nio.charset.StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  /** Fails unless every byte of the record was read: a record holds its fields and nothing else. */
  void requireEnd() {
    if (position != record.length) {
      throw new IllegalStateException("Cannot read a shuffle record: " + (record.length - position) + " bytes after its last field");
    }
  }
}
