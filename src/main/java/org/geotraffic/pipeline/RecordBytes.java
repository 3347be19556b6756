package org.geotraffic.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian views of a byte array, shared by {@link RecordWriter} and {@link RecordReader}. */
final class RecordBytes {
  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private RecordBytes() {}

  static int intAt(byte[] record, int offset) {
    return (int) INT.get(record, offset);
  }

  static long longAt(byte[] record, int offset) {
    return (long) LONG.get(record, offset);
  }
}
