package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geotraffic.privacy.KeySet.Cond;

/**
 * What one release tells an attacker, as key sets: each published row with the cells it covers
 * ({@link KeySet}), on each side of the tables it has; residual rows by exclusion of the group's published
 * rows. Package-private helper of {@link LinkedAudit}; immutable.
 */
final class ReleaseBlocks {
  /**
   * One known sum: a row (or, for the new release, a set the attacker derives from its rows, row null), its
   * table and its cells on one side.
   */
  record Block(KeySet keys, Table table, PublishedRow row) {}

  private final List<Block> blocks = new ArrayList<>();
  private final Map<String, List<Block>> byFirst = new HashMap<>();
  private final Map<String, List<Block>> bySecond = new HashMap<>();

  ReleaseBlocks(PublishedDay day) {
    Set<String> countries = ownKeys(day.rows(Table.COUNTRIES), PublishedRow::country);
    Set<String> pages = ownKeys(day.rows(Table.PAGES), PublishedRow::page);
    Map<String, Set<String>> regionsOf = new HashMap<>();
    Map<String, Set<String>> countriesOfPage = new HashMap<>();
    Map<String, Set<String>> pagesOfCountry = new HashMap<>();
    for (PublishedRow r : day.rows(Table.REGIONS)) {
      if (!PublishedRow.OTHER.equals(r.region())) {
        regionsOf.computeIfAbsent(r.country(), x -> new HashSet<>()).add(r.region());
      }
    }
    for (PublishedRow r : day.rows(Table.PAGE_COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country()) && !r.isOtherPages()) {
        countriesOfPage.computeIfAbsent(r.page(), x -> new HashSet<>()).add(r.country());
        pagesOfCountry.computeIfAbsent(r.country(), x -> new HashSet<>()).add(r.page());
      }
    }
    for (PublishedRow r : day.rows(Table.TOTALS)) {
      add(KeySet.page(Cond.ANY, Cond.ANY), Table.TOTALS, r);
      add(KeySet.region(Cond.ANY, Cond.ANY), Table.TOTALS, r);
    }
    for (PublishedRow r : day.rows(Table.COUNTRIES)) {
      Cond c = PublishedRow.OTHER.equals(r.country()) ? Cond.not(countries) : Cond.one(r.country());
      add(KeySet.page(Cond.ANY, c), Table.COUNTRIES, r);
      add(KeySet.region(c, Cond.ANY), Table.COUNTRIES, r);
    }
    for (PublishedRow r : day.rows(Table.REGIONS)) {
      Cond region = PublishedRow.OTHER.equals(r.region()) ? Cond.not(regionsOf.getOrDefault(r.country(), Set.of())) : Cond.one(r.region());
      add(KeySet.region(Cond.one(r.country()), region), Table.REGIONS, r);
    }
    for (PublishedRow r : day.rows(Table.PAGES)) {
      Cond p = PublishedRow.OTHER.equals(r.page()) ? Cond.not(pages) : Cond.one(r.page());
      add(KeySet.page(p, Cond.ANY), Table.PAGES, r);
    }
    for (PublishedRow r : day.rows(Table.PAGE_COUNTRIES)) {
      KeySet k;
      if (r.isOtherPages()) {
        k = KeySet.page(Cond.not(pagesOfCountry.getOrDefault(r.country(), Set.of())), Cond.one(r.country()));
      } else if (PublishedRow.OTHER.equals(r.country())) {
        k = KeySet.page(Cond.one(r.page()), Cond.not(countriesOfPage.getOrDefault(r.page(), Set.of())));
      } else {
        k = KeySet.page(Cond.one(r.page()), Cond.one(r.country()));
      }
      add(k, Table.PAGE_COUNTRIES, r);
    }
  }

  private interface KeyOf {
    String of(PublishedRow r);
  }

  private static Set<String> ownKeys(List<PublishedRow> rows, KeyOf key) {
    Set<String> out = new HashSet<>();
    for (PublishedRow r : rows) {
      if (!PublishedRow.OTHER.equals(key.of(r))) {
        out.add(key.of(r));
      }
    }
    return out;
  }

  /** Adds a known sum: a row's, or a derived set's (row null). */
  void add(KeySet keys, Table table, PublishedRow row) {
    Block b = new Block(keys, table, row);
    blocks.add(b);
    if (groups != null) {
      addToGroups(b);
    }
    if (keys.first().kind() == Cond.Kind.ONE) {
      byFirst.computeIfAbsent(keys.side() + "\u0000" + keys.first().value(), x -> new ArrayList<>()).add(b);
    }
    if (keys.second().kind() == Cond.Kind.ONE) {
      bySecond.computeIfAbsent(keys.side() + "\u0000" + keys.second().value(), x -> new ArrayList<>()).add(b);
    }
  }

  List<Block> blocks() {
    return blocks;
  }

  /** The blocks whose cells all lie within {@code k}. */
  List<Block> within(KeySet k) {
    List<Block> candidates;
    if (k.first().kind() == Cond.Kind.ONE) {
      candidates = byFirst.getOrDefault(k.side() + "\u0000" + k.first().value(), List.of());
    } else if (k.second().kind() == Cond.Kind.ONE) {
      candidates = bySecond.getOrDefault(k.side() + "\u0000" + k.second().value(), List.of());
    } else {
      candidates = blocks;
    }
    List<Block> out = new ArrayList<>();
    for (Block b : candidates) {
      if (b.keys().within(k)) {
        out.add(b);
      }
    }
    return out;
  }

  /** The blocks whose cells include all of {@code k}'s. */
  List<Block> containing(KeySet k) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (k.within(b.keys())) {
        out.add(b);
      }
    }
    return out;
  }

  /** Whether some block has exactly these cells. */
  boolean hasExactly(KeySet k) {
    for (Block b : within(k)) {
      if (k.within(b.keys())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the release's rows give the sum over exactly these cells: one row, a union of rows of one
   * group (rows that fix the same key and vary the other), or a row minus such a union ("GB" minus
   * "GB-ENG" is every region of GB but England).
   */
  boolean knows(KeySet k) {
    if (hasExactly(k)) {
      return true;
    }
    // Fix the first key and vary the second, then the other way round.
    return knowsVarying(k, true) || knowsVarying(k, false);
  }

  /** The rows of one group: one side, and the same condition on the key that is fixed. */
  private record GroupKey(KeySet.Side side, boolean varySecond, Cond fixed) {}

  /**
   * The varying key's ranges of one group's rows, indexed: the single values ({@code KeyRange.of} a ONE condition)
   * as a set, the co-finite ranges apart, and any other finite range (none from rows; kept for exactness).
   */
  static final class Group {
    final List<KeyRange> all = new ArrayList<>();
    final Set<String> singles = new HashSet<>();
    final List<KeyRange> cofinite = new ArrayList<>();
    final List<KeyRange> otherFinite = new ArrayList<>();

    void add(KeyRange r) {
      all.add(r);
      if (r.cofinite()) {
        cofinite.add(r);
      } else if (r.values().size() == 1) {
        singles.addAll(r.values());
      } else {
        otherFinite.add(r);
      }
    }

    /**
     * Whether the union of the group's ranges inside {@code target} is the target: {@code
     * KeyRange.unionOf(inside(all, target)).equals(target)}, from the index. A finite target: every value has its
     * single (co-finite ranges are never inside it). A co-finite target, every value but E: some co-finite range
     * inside it (excluding all of E), and every value those all exclude, apart from E, has its single.
     */
    boolean unionInsideIs(KeyRange target) {
      if (!otherFinite.isEmpty()) {
        return KeyRange.unionOf(inside(all, target)).equals(target);
      }
      if (!target.cofinite()) {
        return singles.containsAll(target.values());
      }
      return cofiniteUnionInsideIs(target.values(), Set.of());
    }

    /**
     * {@link #unionInsideIs} for the co-finite target "every value but {@code a} and {@code b}" (index only), without
     * building it: some co-finite range excludes all of a and b, and every value that all such ranges exclude, apart
     * from a and b, has its single. Nothing is copied (an "(other)" row excludes thousands of values).
     */
    private boolean cofiniteUnionInsideIs(Set<String> a, Set<String> b) {
      List<Set<String>> around = new ArrayList<>();
      for (KeyRange r : cofinite) {
        if (includes(r.values(), a) && includes(r.values(), b)) {
          around.add(r.values());
        }
      }
      if (around.isEmpty()) {
        return false; // a union of singles is finite
      }
      Set<String> smallest = around.get(0);
      for (Set<String> v : around) {
        smallest = v.size() < smallest.size() ? v : smallest;
      }
      next:
      for (String x : smallest) {
        for (Set<String> v : around) {
          if (!v.contains(x)) {
            continue next; // not excluded by all
          }
        }
        if (!a.contains(x) && !b.contains(x) && !singles.contains(x)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether the group's rows give the sum over exactly {@code target}: a union of rows inside it, or a row around
     * it minus a union of rows inside what is left. Only co-finite rows can be around a finite target other than
     * itself (a single around a finite target is the target, or the target is empty and the union answers). A
     * co-finite row minus a finite target is judged without building it: the linked audit's week next to its days
     * (7M benchmark lines) spent a fifth of its samples copying "(other)" rows' exclusions in KeyRange.minus.
     */
    boolean knows(KeyRange target) {
      if (unionInsideIs(target)) {
        return true;
      }
      for (KeyRange parent : otherFinite.isEmpty() ? cofinite : all) {
        if (!target.within(parent) || parent.equals(target)) {
          continue;
        }
        boolean left = otherFinite.isEmpty() && parent.cofinite() && !target.cofinite()
            ? cofiniteUnionInsideIs(parent.values(), target.values())
            : unionInsideIs(parent.minus(target));
        if (left) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code outer.containsAll(inner)}, answered without a look-up where the sizes or the instance already tell: a set
   * never holds a larger one, and holds itself (a range's exclusions are shared with its row's condition). Asked
   * whether each co-finite row of a group excludes another's thousands of pages, containsAll was 11% of the suppress
   * stage's samples of a week next to its seven days (7M benchmark lines, JFR).
   */
  static boolean includes(Set<String> outer, Set<String> inner) {
    if (outer == inner || inner.isEmpty()) {
      return true;
    }
    return inner.size() <= outer.size() && outer.containsAll(inner);
  }

  /** Each group's ranges, built on first use, kept up to date by {@link #add}. */
  private Map<GroupKey, Group> groups;

  /**
   * The group of the rows that fix {@code fixed}. Indexed once per release instead of a scan of every block on every
   * {@link #knows}: the linked audit asks for each row of every earlier release, each round, and spent 66% of the
   * week's suppress stage (next to its seven days, 7M benchmark lines) in that scan and the union it folded.
   */
  private Group group(KeySet.Side side, boolean varySecond, Cond fixed) {
    if (groups == null) {
      groups = new HashMap<>();
      blocks.forEach(this::addToGroups);
    }
    return groups.getOrDefault(new GroupKey(side, varySecond, fixed), EMPTY_GROUP);
  }

  private static final Group EMPTY_GROUP = new Group();

  private void addToGroups(Block b) {
    for (boolean vary : new boolean[] {true, false}) {
      groups.computeIfAbsent(new GroupKey(b.keys().side(), vary, vary ? b.keys().first() : b.keys().second()), x -> new Group())
          .add(KeyRange.of(vary ? b.keys().second() : b.keys().first()));
    }
  }

  private boolean knowsVarying(KeySet k, boolean varySecond) {
    KeySet.Cond fixed = varySecond ? k.first() : k.second();
    if (fixed.kind() == Cond.Kind.NOT) {
      return false;
    }
    return group(k.side(), varySecond, fixed).knows(KeyRange.of(varySecond ? k.second() : k.first()));
  }

  static List<KeyRange> inside(List<KeyRange> group, KeyRange range) {
    List<KeyRange> out = new ArrayList<>();
    for (KeyRange r : group) {
      if (r.within(range)) {
        out.add(r);
      }
    }
    return out;
  }
}
