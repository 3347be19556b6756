package org.geotraffic.privacy;

import java.util.Set;

/**
 * The cells a published row covers, as a product of two conditions on one side of the tables: on the
 * {@link Side#PAGE} side (page, country) pairs, the atoms of page_countries; on the {@link Side#REGION}
 * side (country, region) pairs, the atoms of regions. Totals and countries have a key set on each side;
 * regions only on the region side; pages and page_countries only on the page side. Key sets may be defined
 * by exclusion ("every page but the published ones"), so that two releases' key sets compare without
 * knowing every key that exists: only what the rows say.
 *
 * @param first the page (page side) or country (region side) condition
 * @param second the country (page side) or region (region side) condition
 */
record KeySet(Side side, Cond first, Cond second) {
  /** Which pairs a key set is made of. */
  enum Side { PAGE, REGION }

  /** A condition on one key: any value, one value, or any value but some. */
  record Cond(Kind kind, String value, Set<String> excluded) {
    enum Kind { ANY, ONE, NOT }

    static final Cond ANY = new Cond(Kind.ANY, null, Set.of());

    static Cond one(String value) {
      return new Cond(Kind.ONE, value, Set.of());
    }

    static Cond not(Set<String> excluded) {
      return new Cond(Kind.NOT, null, Set.copyOf(excluded));
    }

    boolean matches(String key) {
      return switch (kind) {
        case ANY -> true;
        case ONE -> value.equals(key);
        case NOT -> !excluded.contains(key);
      };
    }

    /** Whether every key this condition matches, also of keys no row names, the other matches. */
    boolean within(Cond other) {
      return switch (other.kind) {
        case ANY -> true;
        case ONE -> kind == Kind.ONE && value.equals(other.value);
        case NOT -> switch (kind) {
          case ANY -> false;
          case ONE -> !other.excluded.contains(value);
          case NOT -> excluded.containsAll(other.excluded);
        };
      };
    }
  }

  boolean within(KeySet other) {
    return side == other.side && first.within(other.first) && second.within(other.second);
  }

  boolean matches(String a, String b) {
    return first.matches(a) && second.matches(b);
  }

  /** A single cell: one value on both keys. */
  boolean isCell() {
    return first.kind() == Cond.Kind.ONE && second.kind() == Cond.Kind.ONE;
  }

  static KeySet page(Cond page, Cond country) {
    return new KeySet(Side.PAGE, page, country);
  }

  static KeySet region(Cond country, Cond region) {
    return new KeySet(Side.REGION, country, region);
  }
}
