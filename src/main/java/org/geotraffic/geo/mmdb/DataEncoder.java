package org.geotraffic.geo.mmdb;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Serialises Java values into the MaxMind DB data-section encoding (spec section "Output Data Section"):
 * a control byte with the type in the top three bits (types above 7 as "extended", 0 plus a second byte of
 * type - 7) and a size in the low five bits (29, 30, 31 announce one, two or three more size bytes).
 *
 * <p>Value mapping: {@link String} to utf8_string, {@link Integer}/{@link Long} to uint32 when at most
 * 2<sup>32</sup>-1 and uint64 above, {@link BigInteger} to uint64 or uint128 by range, {@link Double} to
 * double, {@link Float} to float, {@link Boolean} to boolean, {@code byte[]} to bytes, {@link List} (any
 * {@link Collection}) to array, {@link Map} with {@link String} keys to map, and {@link MmdbValue} to its
 * named type. Negative plain integers and {@code null} are rejected: MaxMind DB has no null and its only
 * signed integer is the explicit {@link MmdbValue.Int32}.
 *
 * <p>Map entries are written sorted by key, so equal maps produce equal bytes whatever their iteration
 * order, which both keeps the output deterministic and lets the writer deduplicate records by their bytes.
 * No pointers (type 1) are written: the writer deduplicates whole records, not shared sub-values. Stateless and thread-safe.
 */
final class DataEncoder {
  private static final int UTF8_STRING = 2;
  private static final int DOUBLE = 3;
  private static final int BYTES = 4;
  private static final int UINT16 = 5;
  private static final int UINT32 = 6;
  private static final int MAP = 7;
  private static final int INT32 = 8;
  private static final int UINT64 = 9;
  private static final int UINT128 = 10;
  private static final int ARRAY = 11;
  private static final int BOOLEAN = 14;
  private static final int FLOAT = 15;

  /** Largest payload the five-bit size field with three extra bytes can announce. */
  static final int MAX_SIZE = 65_821 + 0xFF_FFFF;

  private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private DataEncoder() {}

  /** Encodes {@code value}; the message of a rejection names the offending path, e.g. {@code city.names.en}. */
  static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value, "record");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object value, String path) {
    if (value instanceof String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      control(out, UTF8_STRING, utf8.length, path);
      out.writeBytes(utf8);
    } else if (value instanceof Integer || value instanceof Long) {
      long v = ((Number) value).longValue();
      if (v < 0) {
        throw new IllegalArgumentException(
            "negative integer " + v + " at " + path + ": MaxMind DB integers are unsigned, use MmdbValue.Int32");
      }
      unsigned(out, v <= 0xFFFF_FFFFL ? UINT32 : UINT64, BigInteger.valueOf(v), path);
    } else if (value instanceof BigInteger b) {
      if (b.signum() < 0 || b.bitLength() > 128) {
        throw new IllegalArgumentException("integer " + b + " at " + path + " is outside 0 to 2^128-1");
      }
      unsigned(out, b.compareTo(UINT64_LIMIT) < 0 ? UINT64 : UINT128, b, path);
    } else if (value instanceof Double d) {
      control(out, DOUBLE, 8, path);
      long bits = Double.doubleToLongBits(d);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (bits >>> shift));
      }
    } else if (value instanceof Float f) {
      float32(out, f, path);
    } else if (value instanceof Boolean b) {
      control(out, BOOLEAN, b ? 1 : 0, path);
    } else if (value instanceof byte[] bytes) {
      control(out, BYTES, bytes.length, path);
      out.writeBytes(bytes);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map, path);
    } else if (value instanceof Collection<?> list) {
      control(out, ARRAY, list.size(), path);
      int i = 0;
      for (Object element : list) {
        write(out, element, path + "[" + i++ + "]");
      }
    } else if (value instanceof MmdbValue typed) {
      writeTyped(out, typed, path);
    } else if (value == null) {
      throw new IllegalArgumentException("null value at " + path + ": omit the key instead");
    } else {
      throw new IllegalArgumentException(
          "unsupported value type " + value.getClass().getName() + " at " + path);
    }
  }

  private static void writeMap(ByteArrayOutputStream out, Map<?, ?> map, String path) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException("map key " + key + " at " + path + " is not a String");
      }
      keys.add(s);
    }
    keys.sort(null);
    control(out, MAP, keys.size(), path);
    for (String key : keys) {
      write(out, key, path);
      write(out, map.get(key), path + "." + key);
    }
  }

  private static void writeTyped(ByteArrayOutputStream out, MmdbValue typed, String path) {
    if (typed instanceof MmdbValue.Uint16 u) {
      unsigned(out, UINT16, BigInteger.valueOf(u.value()), path);
    } else if (typed instanceof MmdbValue.Uint32 u) {
      unsigned(out, UINT32, BigInteger.valueOf(u.value()), path);
    } else if (typed instanceof MmdbValue.Uint64 u) {
      unsigned(out, UINT64, u.value(), path);
    } else if (typed instanceof MmdbValue.Uint128 u) {
      unsigned(out, UINT128, u.value(), path);
    } else if (typed instanceof MmdbValue.Int32 i) {
      // int32 is written in full four bytes: a shortened negative value would read back as positive.
      control(out, INT32, 4, path);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write(i.value() >>> shift);
      }
    } else {
      float32(out, ((MmdbValue.Float32) typed).value(), path);
    }
  }

  private static void float32(ByteArrayOutputStream out, float value, String path) {
    control(out, FLOAT, 4, path);
    int bits = Float.floatToIntBits(value);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(bits >>> shift);
    }
  }

  /** Unsigned integers are big-endian without leading zero bytes; zero has size 0 (spec: "uintN"). */
  private static void unsigned(ByteArrayOutputStream out, int type, BigInteger value, String path) {
    byte[] raw = value.toByteArray();
    int skip = 0;
    while (skip < raw.length && raw[skip] == 0) {
      skip++;
    }
    control(out, type, raw.length - skip, path);
    out.write(raw, skip, raw.length - skip);
  }

  private static void control(ByteArrayOutputStream out, int type, int size, String path) {
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException("value at " + path + " is too large: " + size + " > " + MAX_SIZE);
    }
    int typeBits = type <= 7 ? type << 5 : 0;
    int sizeBits;
    byte[] extra;
    if (size < 29) {
      sizeBits = size;
      extra = new byte[0];
    } else if (size < 285) {
      sizeBits = 29;
      extra = new byte[] {(byte) (size - 29)};
    } else if (size < 65_821) {
      int rest = size - 285;
      sizeBits = 30;
      extra = new byte[] {(byte) (rest >>> 8), (byte) rest};
    } else {
      int rest = size - 65_821;
      sizeBits = 31;
      extra = new byte[] {(byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest};
    }
    out.write(typeBits | sizeBits);
    if (type > 7) {
      out.write(type - 7);
    }
    out.writeBytes(extra);
  }
}
