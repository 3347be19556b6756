package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attacks a release together with every release published before that overlaps it in time (one site),
 * as an outsider who kept them all can, and judges what they learn against the unsuppressed data.
 *
 * <p><b>Releases and slices.</b> Every number of a release sums over a set of slices (days, and within a
 * day the batches of input a version included: {@link Slice}). The new release N covers its slices S(N); an
 * earlier release R covers S(R).
 *
 * <p><b>What is attacked.</b> For every set of cells the attacker knows the sum of in N (each published
 * row, residual rows included, and each page_countries position its rows determine):
 * <ol>
 *   <li><i>Additive remainders.</i> Every earlier release R with S(R) inside S(N) (earlier versions of the
 *       same period, the days of a week or month) lets the attacker subtract, slice by slice, R's rows that
 *       lie inside the set. The attacker is assumed to subtract, on every slice, every such row of every
 *       release that covers the slice at once (more than any real combination of releases allows: a sound
 *       over-estimate). What is left — the set's cells that no release covering the slice published — is a
 *       sum the attacker knows; it must hold no visitor or at least k (a lower bound: the largest count of
 *       a single slice, or N's own distinct count of the cells left on every slice). Earlier releases that
 *       reach outside S(N) count too, as "virtual" releases, where the attacker can cancel their outside
 *       part exactly: each of their rows that every earlier release wholly outside S(N) that covers an
 *       outside slice publishes with the same cells (a week minus its other published days is the day's
 *       first version, even where that version hid the cell).
 *   <li><i>Visitor differences.</i> Visitor counts do not add up across days, but they nest: for an
 *       earlier release R inside N (or N inside R) and a row of R within (containing) the set, N's count
 *       minus R's (or R's minus N's) is the number of visitors of one group. It must be 0 or at least k.
 * </ol>
 * Within N the existing audit ({@link SuppressionAudit}) still applies; this class adds only what earlier
 * releases make possible. What it does not cover is in docs/privacy-suppression.md. Pure Java; not
 * thread-safe (one per release).
 */
public final class LinkedAudit {
  /** Rows tried per earlier release for {@link #publishedBound}: enough for the largest to decide. */
  private static final int BOUND_ROWS = 8;
  /** One thing the attacker learns below k: the set, N's row it comes from (null for a derived set), how and the bound. */
  public record Finding(KeySet keys, Table table, PublishedRow row, String kind, long visitorLowerBound) {
    public String describe() {
      return table.tableName() + " " + (row == null ? keys.toString() : keysOf(row)) + ": " + kind + " describes "
          + visitorLowerBound + " visitor(s), fewer than k";
    }
  }

  private final LinkedDay day;
  private final SuppressionPolicy policy;
  private final CellSpace space;
  /** Earlier releases inside N, and virtual ones (the part inside N of releases reaching outside it). */
  private final List<Covering> covering = new ArrayList<>();
  private final List<Covering> nestedAround = new ArrayList<>();
  /** Every earlier release's rows, in the order of day.linked(). */
  private final List<ReleaseBlocks> linkedBlocks = new ArrayList<>();
  /** Earlier releases that overlap N only in part, attacked through their difference with N. */
  private final PartialOverlaps partialOverlaps;
  /** Derivable class sets by the releases' class rows (many sets of cells share their publishers). */
  private final java.util.Map<String, List<Long>> latticeCache = new java.util.HashMap<>();

  /** A release (or a virtual one) usable slice by slice: its slices inside N and its rows. */
  private record Covering(String name, Set<Slice> slices, ReleaseBlocks blocks, boolean real) {}

  private LinkedAudit(LinkedDay day, SuppressionPolicy policy) {
    this.day = day;
    this.policy = policy;
    List<UnsuppressedDay> tables = new ArrayList<>();
    tables.add(day.truth());
    tables.addAll(day.sliceTruths().values());
    this.space = new CellSpace(tables);
    Set<Slice> inside = day.slices();
    List<ReleaseBlocks> blocks = linkedBlocks;
    for (LinkedRelease r : day.linked()) {
      blocks.add(new ReleaseBlocks(r.rows()));
    }
    List<Set<KeySet>> cancelled = new ArrayList<>();
    for (int i = 0; i < day.linked().size(); i++) {
      LinkedRelease r = day.linked().get(i);
      cancelled.add(new HashSet<>());
      if (inside.containsAll(r.slices())) {
        covering.add(new Covering(r.name(), r.slices(), blocks.get(i), true));
      } else if (r.slices().containsAll(inside)) {
        nestedAround.add(new Covering(r.name(), r.slices(), blocks.get(i), true));
      }
      Set<Slice> in = new TreeSet<>(r.slices());
      in.retainAll(inside);
      if (!in.isEmpty() && !inside.containsAll(r.slices())) {
        ReleaseBlocks cancelable = cancelable(r, blocks.get(i), blocks);
        if (!cancelable.blocks().isEmpty()) {
          covering.add(new Covering(r.name() + " minus its other slices", in, cancelable, false));
        }
        for (ReleaseBlocks.Block b : cancelable.blocks()) {
          cancelled.get(i).add(b.keys());
        }
      }
    }
    this.partialOverlaps = new PartialOverlaps(day, space, blocks, cancelled);
  }

  /**
   * The rows of {@code r} whose part outside N the attacker can cancel exactly: for every slice of r outside
   * N, some earlier release lying wholly outside N that covers the slice publishes a row with the same cells.
   */
  private ReleaseBlocks cancelable(LinkedRelease r, ReleaseBlocks rBlocks, List<ReleaseBlocks> all) {
    Set<Slice> outside = new TreeSet<>(r.slices());
    outside.removeAll(day.slices());
    ReleaseBlocks out = new ReleaseBlocks(new PublishedDay(Map.of(), Map.of()));
    for (ReleaseBlocks.Block b : rBlocks.blocks()) {
      boolean all_ = true;
      for (Slice o : outside) {
        boolean found = false;
        for (int j = 0; j < day.linked().size() && !found; j++) {
          LinkedRelease q = day.linked().get(j);
          if (q != r && q.slices().contains(o) && java.util.Collections.disjoint(q.slices(), day.slices()) && r.slices().containsAll(q.slices())
              && all.get(j).hasExactly(b.keys())) {
            found = true;
          }
        }
        if (!found) {
          all_ = false;
          break;
        }
      }
      if (all_) {
        out.add(b.keys(), b.table(), b.row());
      }
    }
    return out;
  }

  /** Attacks {@code candidate} (N's rows) with the earlier releases of {@code day}; empty when nothing is learned below k. */
  public static List<Finding> attack(LinkedDay day, PublishedDay candidate, SuppressionPolicy policy) {
    if (day.linked().isEmpty()) {
      return List.of();
    }
    return new LinkedAudit(day, policy).attack(candidate);
  }

  /**
   * The audit of one release, to attack several candidates of it in turn ({@link LinkedSuppressor}'s rounds): what it
   * builds from the release's tables and the earlier releases (the cell space and its caches, the earlier releases'
   * rows as key sets, the partial overlaps) depends on neither candidate, so it is built once, not once per round.
   * Built each round, it took ~17 s of every round of a week next to its seven days (7M benchmark lines).
   */
  public static LinkedAudit of(LinkedDay day, SuppressionPolicy policy) {
    return new LinkedAudit(day, policy);
  }

  /** Attacks {@code candidate} (N's rows) with the earlier releases; empty when nothing is learned below k. */
  public List<Finding> attack(PublishedDay candidate) {
    if (day.linked().isEmpty()) {
      return List.of();
    }
    return run(candidate);
  }

  private List<Finding> run(PublishedDay candidate) {
    judgedByExclusionBefore = judgedByExclusion;
    judgedByExclusion = new java.util.HashMap<>();
    ReleaseBlocks n = new ReleaseBlocks(candidate);
    List<Finding> findings = new ArrayList<>(familyVisitorDifferences(n));
    for (AttackGrid.Position p : AttackGrid.determinedByPublished(candidate)) {
      n.add(KeySet.page(p.page() == null ? KeySet.Cond.not(pagesOf(candidate)) : KeySet.Cond.one(p.page()),
          p.country() == null ? KeySet.Cond.not(countriesOf(candidate)) : KeySet.Cond.one(p.country())), Table.PAGE_COUNTRIES, null);
    }
    // The sets an earlier release publishes that N gives too as a union or difference of its rows ("GB" minus
    // "GB-ENG"): they difference against that release like N's own rows.
    Set<KeySet> derived = new HashSet<>();
    int own = n.blocks().size();
    for (ReleaseBlocks r : linkedBlocks) {
      for (ReleaseBlocks.Block b : r.blocks()) {
        if (derived.add(b.keys()) && !n.hasExactly(b.keys()) && n.knows(b.keys())) {
          n.add(b.keys(), b.table(), null);
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (ReleaseBlocks.Block k : new ArrayList<>(n.blocks())) {
      long threshold = policy.minVisitors(k.table());
      Finding f = bySetAlone(k, threshold);
      if (f == null && k.row() != null) {
        f = visitorDifference(k, threshold);
      }
      if (f == null && !partialOverlaps.isEmpty()) {
        f = partialOverlaps.find(k, threshold);
      }
      if (f != null && seen.add(f.describe())) {
        findings.add(f);
      }
    }
    return findings;
  }

  /** What {@link #bySetAlone} found for a set and threshold: how and the bound, or nothing. */
  private record Judged(String kind, long visitorLowerBound) {
    static final Judged NOTHING = new Judged(null, 0);
  }

  /** {@link #bySetAlone}'s answers by set and threshold, kept across the candidates (rounds) this audit attacks. */
  private final Map<KeySet, Map<Long, Judged>> judged = new java.util.HashMap<>();
  /** The same for sets by exclusion: those of this candidate, and those of the last one not asked for again yet. */
  private Map<KeySet, Map<Long, Judged>> judgedByExclusion = new java.util.HashMap<>();
  private Map<KeySet, Map<Long, Judged>> judgedByExclusionBefore = new java.util.HashMap<>();

  /**
   * {@link #remainder}, then {@link #sameCellsAcrossReleases}: both judge only the set of cells against the earlier
   * releases and the unsuppressed tables, never N's other rows, so their answer for a set and threshold is the same in
   * every round and is worked out once. Most of a round's sets are the last round's (one key more is hidden per
   * finding): recomputed, the two were 26% of the week's suppress-stage samples next to its seven days (7M benchmark
   * lines).
   */
  private Finding bySetAlone(ReleaseBlocks.Block k, long threshold) {
    Map<Long, Judged> byThreshold;
    if (k.keys().first().kind() == KeySet.Cond.Kind.NOT || k.keys().second().kind() == KeySet.Cond.Kind.NOT) {
      // Sets by exclusion ("(other)" rows) change with every key hidden next to them, and each holds its exclusion
      // list: kept for good, they would grow with the rounds. Kept for the next round only (most of them are the
      // same then): worked out every round, they were 27% of the suppress stage's samples of a week next to its
      // seven days (7M benchmark lines, JFR).
      byThreshold = judgedByExclusion.get(k.keys());
      if (byThreshold == null) {
        byThreshold = judgedByExclusionBefore.remove(k.keys());
        if (byThreshold == null) {
          byThreshold = new java.util.HashMap<>(2);
        }
        judgedByExclusion.put(k.keys(), byThreshold);
      }
    } else {
      byThreshold = judged.computeIfAbsent(k.keys(), x -> new java.util.HashMap<>(2));
    }
    Judged j = byThreshold.get(threshold);
    if (j == null) {
      Finding f = remainder(k, threshold);
      if (f == null) {
        f = sameCellsAcrossReleases(k, threshold);
      }
      j = f == null ? Judged.NOTHING : new Judged(f.kind(), f.visitorLowerBound());
      byThreshold.put(threshold, j);
    }
    return j.kind() == null ? null : new Finding(k.keys(), k.table(), k.row(), j.kind(), j.visitorLowerBound());
  }

  /**
   * The same set of cells published by several releases (N and earlier ones, inside N or reaching outside
   * it): every 0/1 sum over slices that their rows determine and that N's row makes newly derivable
   * ({@link SliceLattice}), judged on the slices this run read.
   */
  private Finding sameCellsAcrossReleases(ReleaseBlocks.Block k, long threshold) {
    List<Set<Slice>> knowers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    knowers.add(day.slices());
    names.add("this release");
    for (int i = 0; i < day.linked().size(); i++) {
      if (linkedBlocks.get(i).knows(k.keys())) {
        knowers.add(day.linked().get(i).slices());
        names.add(day.linked().get(i).name());
      }
    }
    if (knowers.size() < 2 || knowers.size() > 62) {
      return null;
    }
    java.util.Map<Long, List<Slice>> byMask = new java.util.TreeMap<>();
    Set<Slice> all = new TreeSet<>();
    knowers.forEach(all::addAll);
    for (Slice s : all) {
      long mask = 0;
      for (int i = 0; i < knowers.size(); i++) {
        if (knowers.get(i).contains(s)) {
          mask |= 1L << i;
        }
      }
      byMask.computeIfAbsent(mask, x -> new ArrayList<>()).add(s);
    }
    List<List<Slice>> classes = new ArrayList<>(byMask.values());
    List<Long> masks = new ArrayList<>(byMask.keySet());
    long[] rows = new long[knowers.size()];
    for (int c = 0; c < classes.size(); c++) {
      for (int i = 0; i < knowers.size(); i++) {
        if ((masks.get(c) >>> i & 1L) != 0) {
          rows[i] |= 1L << c;
        }
      }
    }
    List<Long> derivable = latticeCache.computeIfAbsent(java.util.Arrays.toString(rows) + "/" + classes.size(),
        x -> SliceLattice.newlyDerivable(rows, classes.size()));
    if (derivable.isEmpty()) {
      return null;
    }
    BitSet cells = space.cells(k.keys());
    // Each slice's content once, not once per derivable sum (the same measurement as in remainder).
    java.util.Map<Slice, CellSpace.Content> contents = new java.util.HashMap<>();
    java.util.function.Function<Slice, CellSpace.Content> contentOf = s -> contents.computeIfAbsent(s,
        x -> space.content(day.sliceTruths().get(x), k.keys().side(), cells));
    CellSpace.Content whole = null;
    for (long x : derivable) {
      Set<Slice> chosen = new TreeSet<>();
      for (long m = x; m != 0; m &= m - 1) {
        chosen.addAll(classes.get(Long.numberOfTrailingZeros(m)));
      }
      long lowerBound = 0;
      long additive = 0;
      long othersVisitors = 0;
      boolean unread = false;
      for (Slice s : chosen) {
        // A slice this run did not read (another batch, a day outside its window): its cells may hold anyone.
        unread |= !day.sliceTruths().containsKey(s);
      }
      for (Slice s : day.slices()) {
        UnsuppressedDay truth = day.sliceTruths().get(s);
        if (truth == null) {
          continue;
        }
        CellSpace.Content c = contentOf.apply(s);
        if (chosen.contains(s)) {
          lowerBound = Math.max(lowerBound, c.visitors());
          additive += c.hits() + c.pageviews() + c.bytes();
        } else {
          othersVisitors += c.visitors();
        }
      }
      for (Slice s : chosen) {
        UnsuppressedDay truth = day.sliceTruths().get(s);
        if (truth != null && !day.slices().contains(s)) {
          CellSpace.Content c = contentOf.apply(s);
          lowerBound = Math.max(lowerBound, c.visitors());
          additive += c.hits() + c.pageviews() + c.bytes();
        }
      }
      if (chosen.containsAll(day.slices()) || additive > 0) {
        whole = whole != null ? whole : space.content(day.truth(), k.keys().side(), cells);
        lowerBound = Math.max(lowerBound, whole.visitors() - othersVisitors);
      }
      if (unread && lowerBound < threshold) {
        lowerBound = Math.max(lowerBound, publishedBound(k.keys(), chosen, threshold));
      }
      boolean small = lowerBound < threshold && (unread || (additive > 0 && lowerBound >= 1));
      if (small) {
        List<String> with = new ArrayList<>();
        for (int i = 0; i < knowers.size(); i++) {
          with.add(names.get(i));
        }
        return new Finding(k.keys(), k.table(), k.row(), "the same cells' sum over slices " + chosen + " (from " + with + ")"
            + (unread ? ", some of which this run did not read," : ""), lowerBound);
      }
    }
    return null;
  }

  /**
   * A lower bound of the visitors a set K of cells holds on slices some of which this run did not read: a row r
   * inside K of an earlier release R that covers those slices, whose other slices this run did read, gives
   * {@code r's visitors − r's visitors on those other slices} (a visitor of r is on the chosen slices or on the
   * others, and is in K); on another slice this run did not read, r's visitors there are at most those of the
   * smallest row around r that a release of just that slice published ({@link #publishedOn}). A day published
   * after its week: the week's visitors of a row minus the day's are at least those of the other days; before this bound such a day was withheld whole, since its run reads only
   * its own day. The largest rows first, at most {@link #BOUND_ROWS} of them per release.
   */
  private long publishedBound(KeySet keys, Set<Slice> chosen, long threshold) {
    long best = 0;
    for (int i = 0; i < day.linked().size() && best < threshold; i++) {
      Set<Slice> rs = day.linked().get(i).slices();
      if (!rs.containsAll(chosen)) {
        continue;
      }
      List<Slice> others = new ArrayList<>();
      for (Slice s : rs) {
        if (!chosen.contains(s)) {
          others.add(s);
        }
      }
      List<ReleaseBlocks.Block> inside = new ArrayList<>();
      for (ReleaseBlocks.Block b : linkedBlocks.get(i).within(keys)) {
        if (b.row() != null && b.row().measures().visitors() > best) {
          inside.add(b);
        }
      }
      inside.sort(java.util.Comparator.comparingLong((ReleaseBlocks.Block b) -> -b.row().measures().visitors()));
      for (ReleaseBlocks.Block b : inside.subList(0, Math.min(BOUND_ROWS, inside.size()))) {
        PublishedRow r = b.row();
        if (r.measures().visitors() <= best) {
          break;
        }
        BitSet rowCells = space.cells(b.keys());
        long elsewhere = 0;
        for (Slice s : others) {
          UnsuppressedDay truth = day.sliceTruths().get(s);
          long there = truth != null ? space.content(truth, keys.side(), rowCells).visitors() : publishedOn(s, b.keys());
          if (there == Long.MAX_VALUE) {
            elsewhere = Long.MAX_VALUE;
            break;
          }
          elsewhere += there;
        }
        if (elsewhere != Long.MAX_VALUE) {
          best = Math.max(best, r.measures().visitors() - elsewhere);
        }
        if (best >= threshold) {
          break;
        }
      }
    }
    return best;
  }

  /**
   * At least as many visitors as a set of cells holds on a slice this run did not read: the fewest visitors of a
   * row around those cells published by an earlier release of just that slice (a day released by an earlier wave
   * of this run, or by an earlier run); {@link Long#MAX_VALUE} when there is none.
   */
  private long publishedOn(Slice s, KeySet keys) {
    long fewest = Long.MAX_VALUE;
    for (int j = 0; j < day.linked().size(); j++) {
      if (day.linked().get(j).slices().equals(Set.of(s))) {
        for (ReleaseBlocks.Block b : linkedBlocks.get(j).containing(keys)) {
          if (b.row() != null) {
            fewest = Math.min(fewest, b.row().measures().visitors());
          }
        }
      }
    }
    return fewest;
  }

  /** The additive remainder of a set after every covering release's rows inside it, slice by slice. */
  private Finding remainder(ReleaseBlocks.Block k, long threshold) {
    BitSet cells = space.cells(k.keys());
    if (cells.isEmpty()) {
      return null;
    }
    BitSet onEverySlice = (BitSet) cells.clone();
    boolean coveredSomething = false;
    Set<String> against = new LinkedHashSet<>();
    java.util.Map<Slice, BitSet> leftBySlice = new java.util.LinkedHashMap<>();
    for (Slice s : day.slices()) {
      BitSet left = (BitSet) cells.clone();
      for (Covering c : covering) {
        if (!c.slices().contains(s)) {
          continue;
        }
        for (ReleaseBlocks.Block b : c.blocks().within(k.keys())) {
          BitSet covered = space.cells(b.keys());
          if (covered.intersects(left)) {
            left.andNot(covered);
            coveredSomething = true;
            against.add(c.name());
          }
        }
      }
      onEverySlice.and(left);
      leftBySlice.put(s, left);
    }
    if (!coveredSomething) {
      return null; // nothing subtracted: N's own rows, which its own audit judges
    }
    // Contents only now, and only of what is left: counting distinct visitors of a page set is the costly part
    // of this audit (a week next to its days, 210k lines: most of the suppress stage's samples).
    long lowerBound = 0;
    long hits = 0;
    long pageviews = 0;
    long bytes = 0;
    for (java.util.Map.Entry<Slice, BitSet> e : leftBySlice.entrySet()) {
      UnsuppressedDay truth = day.sliceTruths().get(e.getKey());
      if (truth == null || e.getValue().isEmpty()) {
        continue; // outside what this run read (adds nothing to the bound), or nothing left
      }
      CellSpace.Content c = space.content(truth, k.keys().side(), e.getValue());
      lowerBound = Math.max(lowerBound, c.visitors());
      hits += c.hits();
      pageviews += c.pageviews();
      bytes += c.bytes();
      if (lowerBound >= threshold) {
        return null; // what is left holds k visitors on one slice already
      }
    }
    if (hits == 0 && pageviews == 0 && bytes == 0 && lowerBound == 0) {
      return null; // nothing left
    }
    if (!onEverySlice.isEmpty()) {
      lowerBound = Math.max(lowerBound, space.content(day.truth(), k.keys().side(), onEverySlice).visitors());
    }
    if (lowerBound >= 1 && lowerBound < threshold) {
      return new Finding(k.keys(), k.table(), k.row(), "what is left after subtracting " + against, lowerBound);
    }
    return null;
  }

  /**
   * N's visitors minus those of an earlier release inside N within the same cells (or the other way round):
   * a single row of that release, or the rows of one of its groups whose visitors add up (countries; the
   * regions of a country; the countries of a page).
   */
  private Finding visitorDifference(ReleaseBlocks.Block k, long threshold) {
    long mine = k.row().measures().visitors();
    for (Covering c : covering) {
      if (!c.real()) {
        continue;
      }
      java.util.Map<String, long[]> families = new java.util.TreeMap<>();
      for (ReleaseBlocks.Block b : c.blocks().within(k.keys())) {
        long d = mine - b.row().measures().visitors();
        if (d >= 1 && d < threshold) {
          return new Finding(k.keys(), k.table(), k.row(), "its visitors minus those of " + c.name() + "'s " + keysOf(b.row()), d);
        }
        String family = disjointFamily(b);
        if (family != null) {
          families.computeIfAbsent(family, x -> new long[1])[0] += b.row().measures().visitors();
        }
      }
      for (java.util.Map.Entry<String, long[]> f : families.entrySet()) {
        long d = mine - f.getValue()[0];
        if (d >= 1 && d < threshold) {
          return new Finding(k.keys(), k.table(), k.row(), "its visitors minus those of " + c.name() + "'s " + f.getKey() + " inside it", d);
        }
      }
    }
    for (Covering c : nestedAround) {
      for (ReleaseBlocks.Block b : c.blocks().containing(k.keys())) {
        long d = b.row().measures().visitors() - mine;
        if (d >= 1 && d < threshold) {
          return new Finding(k.keys(), k.table(), k.row(), c.name() + "'s " + keysOf(b.row()) + " minus its visitors", d);
        }
      }
    }
    return null;
  }

  /**
   * Visitor differences between unions of rows whose visitors add up (the countries; the regions of a
   * country; the countries of a page): for each such row of an earlier release inside N, the union of N's
   * rows of the same group that meet it, minus the union of the earlier release's rows of the group inside
   * that, is a group count anyone can work out.
   */
  private List<Finding> familyVisitorDifferences(ReleaseBlocks n) {
    List<Finding> out = new ArrayList<>();
    java.util.Map<String, List<ReleaseBlocks.Block>> nFamilies = families(n);
    for (Covering c : covering) {
      if (c.real()) {
        nestedFamilies(n, nFamilies, families(c.blocks()), c.name(), true, out);
      }
    }
    for (Covering c : nestedAround) {
      nestedFamilies(c.blocks(), families(c.blocks()), nFamilies, c.name(), false, out);
    }
    return out;
  }

  /** The row a group's rows divide (totals for the countries, a country for its regions, a page for its countries), or null. */
  private static ReleaseBlocks.Block parentOf(ReleaseBlocks release, ReleaseBlocks.Block member) {
    for (ReleaseBlocks.Block b : release.blocks()) {
      if (b.row() != null && b.keys().side() == member.keys().side() && b.keys().first().equals(member.keys().first())
          && b.keys().second().kind() == KeySet.Cond.Kind.ANY) {
        return b;
      }
    }
    return null;
  }

  /**
   * For each row of the inner release's groups: the outer release's rows of the same group that meet it,
   * minus the inner release's rows of the group inside those, must be 0 or at least k visitors.
   *
   * @param outerIsNew whether the outer release is N (findings then name N's covering row, else N's inner row)
   */
  private void nestedFamilies(ReleaseBlocks outerRelease, java.util.Map<String, List<ReleaseBlocks.Block>> outer,
      java.util.Map<String, List<ReleaseBlocks.Block>> inner, String other, boolean outerIsNew, List<Finding> out) {
    for (java.util.Map.Entry<String, List<ReleaseBlocks.Block>> e : inner.entrySet()) {
      List<ReleaseBlocks.Block> around = outer.getOrDefault(e.getKey(), List.of());
      for (ReleaseBlocks.Block b : e.getValue()) {
        KeyRange rb = KeyRange.of(b.keys().second());
        KeyRange cover = KeyRange.EMPTY;
        long coverVisitors = 0;
        ReleaseBlocks.Block first = null;
        for (ReleaseBlocks.Block m : around) {
          KeyRange rm = KeyRange.of(m.keys().second());
          if (!rm.disjoint(rb)) {
            cover = cover.union(rm);
            coverVisitors += m.row().measures().visitors();
            first = first == null ? m : first;
          }
        }
        if (first != null && !rb.within(cover)) {
          // The group's rows meeting it do not cover it (it reaches keys no row names): the parent minus the
          // group's rows apart from it does.
          ReleaseBlocks.Block parent = parentOf(outerRelease, first);
          if (parent == null) {
            continue;
          }
          cover = KeyRange.of(parent.keys().second());
          coverVisitors = parent.row().measures().visitors();
          for (ReleaseBlocks.Block m : around) {
            KeyRange rm = KeyRange.of(m.keys().second());
            if (rm.disjoint(rb)) {
              cover = cover.minus(rm);
              coverVisitors -= m.row().measures().visitors();
            }
          }
        }
        if (first == null || !rb.within(cover)) {
          continue;
        }
        long inside = 0;
        for (ReleaseBlocks.Block r : e.getValue()) {
          if (KeyRange.of(r.keys().second()).within(cover)) {
            inside += r.row().measures().visitors();
          }
        }
        long d = coverVisitors - inside;
        long threshold = policy.minVisitors(b.table());
        if (d >= 1 && d < threshold) {
          ReleaseBlocks.Block mine = outerIsNew ? first : b;
          out.add(new Finding(mine.keys(), mine.table(), mine.row(), "the visitors of the " + e.getKey() + " covering "
              + keysOf(b.row()) + (outerIsNew ? " minus " + other + "'s inside them" : " in " + other + " minus this release's inside them"), d));
        }
      }
    }
  }

  /** Rows by the group whose visitors add up, on the page side: "countries", "regions of C", "countries of page P". */
  private static java.util.Map<String, List<ReleaseBlocks.Block>> families(ReleaseBlocks r) {
    java.util.Map<String, List<ReleaseBlocks.Block>> out = new java.util.TreeMap<>();
    for (ReleaseBlocks.Block b : r.blocks()) {
      if (b.row() == null) {
        continue;
      }
      String family = switch (b.table()) {
        case COUNTRIES -> b.keys().side() == KeySet.Side.PAGE ? "countries" : null;
        case REGIONS -> "regions of " + b.row().country();
        case PAGE_COUNTRIES -> b.row().isOtherPages() ? null : "countries of page " + b.row().page();
        default -> null;
      };
      if (family != null) {
        out.computeIfAbsent(family, x -> new ArrayList<>()).add(b);
      }
    }
    return out;
  }

  /** The group of a row whose members' visitor sets are disjoint (one place each), or null (overlapping pages). */
  private static String disjointFamily(ReleaseBlocks.Block b) {
    PublishedRow r = b.row();
    return switch (b.table()) {
      case COUNTRIES -> "countries";
      case REGIONS -> "regions of " + r.country();
      case PAGE_COUNTRIES -> r.isOtherPages() ? null : "countries of page " + r.page();
      default -> null;
    };
  }

  private static Set<String> pagesOf(PublishedDay d) {
    Set<String> out = new HashSet<>();
    for (PublishedRow r : d.rows(Table.PAGES)) {
      if (!PublishedRow.OTHER.equals(r.page())) {
        out.add(r.page());
      }
    }
    return out;
  }

  private static Set<String> countriesOf(PublishedDay d) {
    Set<String> out = new HashSet<>();
    for (PublishedRow r : d.rows(Table.COUNTRIES)) {
      if (!PublishedRow.OTHER.equals(r.country())) {
        out.add(r.country());
      }
    }
    return out;
  }

  static String keysOf(PublishedRow r) {
    StringBuilder b = new StringBuilder();
    if (r.country() != null) {
      b.append("country=").append(r.country()).append(' ');
    }
    if (r.region() != null) {
      b.append("region=").append(r.region()).append(' ');
    }
    if (r.page() != null) {
      b.append("page=").append(r.page()).append(' ');
    }
    return b.length() == 0 ? "(totals)" : b.toString().trim();
  }
}
