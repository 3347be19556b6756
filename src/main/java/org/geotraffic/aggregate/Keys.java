package org.geotraffic.aggregate;

/**
 * Hash codes for composite keys. A record's generated hashCode combines its fields as 31 * h + next,
 * which collides systematically on this data: a page whose String hash is one more than another's,
 * with a country code whose first letter is one less ("DE" and "EE" differ by exactly 31), hash alike.
 * In the benchmark such collisions turned HashMap buckets into trees (a third of the reduce side's
 * time). Mixing each field through a multiplier and shift avoids that linear structure.
 */
final class Keys {
  private Keys() {}

  static int hash(Object a, Object b, Object c) {
    return mix(mix(mix(0, a), b), c);
  }

  static int hash(long a, Object b, Object c, Object d) {
    return mix(mix(mix(mix(0, Long.hashCode(a)), b), c), d);
  }

  static int hash(long a, Object b) {
    return mix(mix(0, Long.hashCode(a)), b);
  }

  private static int mix(int h, Object field) {
    return mix(h, field == null ? 0 : field.hashCode());
  }

  private static int mix(int h, int field) {
    int x = (h ^ field) * 0x9E3779B1;
    return x ^ (x >>> 15);
  }
}
