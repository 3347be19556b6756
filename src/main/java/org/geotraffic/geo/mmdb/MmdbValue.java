package org.geotraffic.geo.mmdb;

import java.math.BigInteger;

/**
 * Explicitly typed MaxMind DB values, for fields whose type a reader's schema fixes and that plain Java
 * values would not select: {@code Integer} and {@code Long} become {@code uint32} (or {@code uint64} above
 * 2<sup>32</sup>-1), so a {@code uint16} field such as {@code accuracy_radius}, or a signed {@code int32},
 * needs a wrapper. Each wrapper checks its range when it is created.
 */
public sealed interface MmdbValue {

  /** An unsigned 16-bit integer (MaxMind DB type 5). */
  record Uint16(int value) implements MmdbValue {
    public Uint16 {
      if (value < 0 || value > 0xFFFF) {
        throw new IllegalArgumentException("uint16 must be 0 to 65535, got " + value);
      }
    }
  }

  /** An unsigned 32-bit integer (type 6). */
  record Uint32(long value) implements MmdbValue {
    public Uint32 {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("uint32 must be 0 to 4294967295, got " + value);
      }
    }
  }

  /** An unsigned 64-bit integer (type 9). */
  record Uint64(BigInteger value) implements MmdbValue {
    public Uint64 {
      if (value == null || value.signum() < 0 || value.bitLength() > 64) {
        throw new IllegalArgumentException("uint64 must be 0 to 2^64-1, got " + value);
      }
    }

    public static Uint64 of(long value) {
      return new Uint64(BigInteger.valueOf(value));
    }
  }

  /** An unsigned 128-bit integer (type 10). */
  record Uint128(BigInteger value) implements MmdbValue {
    public Uint128 {
      if (value == null || value.signum() < 0 || value.bitLength() > 128) {
        throw new IllegalArgumentException("uint128 must be 0 to 2^128-1, got " + value);
      }
    }
  }

  /** A signed 32-bit integer (type 8). */
  record Int32(int value) implements MmdbValue {}

  /** An IEEE 754 single-precision float (type 15); plain {@link Double} values become type 3 doubles. */
  record Float32(float value) implements MmdbValue {}
}
