package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attack through an earlier release P that overlaps the new release N only in part: a week across a
 * month's end (the month published first, or the week), a week's first version and a revised day. With
 * O = the slices both cover, A = N's slices outside P and B = P's slices outside N, a set K of cells that
 * both publish gives the attacker {@code P.K − N.K = K|B − K|A}. That is a 0/1 sum in two ways:
 * <ol>
 *   <li>{@code K|B ∪ (K'∖K)|A}: when earlier releases lying within A publish supersets K' of K that together
 *       cover A (the days of October in a week across September's end publish their totals or their
 *       country), adding them cancels {@code −K|A}; when K has no line in A, {@code K|B} alone. Its visitors are
 *       at least those of each read piece {@code (K'∖K)} on a release's slices, and at least
 *       {@code P.K − (K's visitors on O, summed over O's slices)}.</li>
 *   <li>{@code K|A} alone, when K has no line in B (hits are additive, so this run knows:
 *       {@code P.K}'s hits minus K's hits on O); and then also {@code (K'∖K)|A} for supersets K' published
 *       within A.</li>
 * </ol>
 * Either must hold no visitor or at least k, as far as this run can bound it; a bound below k is a finding
 * on N's K, which the {@link LinkedSuppressor} then hides. Not new, and skipped: K on O already derivable
 * before N (earlier releases within O that know K partition O), and P's rows whose part outside N other
 * releases cancel exactly (the {@link LinkedAudit}'s virtual releases judge those). Not covered: patches of
 * {@code −K|A} by N's own rows or by releases reaching outside A, and supersets on B ({@code K|A ∪ (K'∖K)|B},
 * whose B part this run did not read). Found by the independent oracle's histories: a month, the week across
 * its end and the days of that week gave {@code England(1–27 Sep) ∪ not-England(1–4 Oct)} = 24 visitors
 * below k = 27 (history 6324631107284606910). Pure Java; one per audit.
 */
final class PartialOverlaps {
  private record Partial(String name, Set<Slice> overlap, Set<Slice> onlyNew, Set<Slice> onlyEarlier, ReleaseBlocks blocks,
      Set<KeySet> cancelled) {}

  private final LinkedDay day;
  private final CellSpace space;
  private final List<ReleaseBlocks> linkedBlocks;
  private final List<Partial> partials = new ArrayList<>();

  PartialOverlaps(LinkedDay day, CellSpace space, List<ReleaseBlocks> linkedBlocks, List<Set<KeySet>> cancelledByRelease) {
    this.day = day;
    this.space = space;
    this.linkedBlocks = linkedBlocks;
    Set<Slice> n = day.slices();
    for (int i = 0; i < day.linked().size(); i++) {
      LinkedRelease p = day.linked().get(i);
      Set<Slice> overlap = new TreeSet<>(p.slices());
      overlap.retainAll(n);
      if (overlap.isEmpty() || n.containsAll(p.slices()) || p.slices().containsAll(n)) {
        continue;
      }
      Set<Slice> onlyNew = new TreeSet<>(n);
      onlyNew.removeAll(p.slices());
      Set<Slice> onlyEarlier = new TreeSet<>(p.slices());
      onlyEarlier.removeAll(n);
      partials.add(new Partial(p.name(), overlap, onlyNew, onlyEarlier, linkedBlocks.get(i), cancelledByRelease.get(i)));
    }
  }

  boolean isEmpty() {
    return partials.isEmpty();
  }

  /** What the attacker learns below k about N's set {@code k} through a partly overlapping release, or null. */
  LinkedAudit.Finding find(ReleaseBlocks.Block k, long threshold) {
    BitSet cells = space.cells(k.keys());
    if (cells.isEmpty()) {
      return null;
    }
    for (Partial p : partials) {
      if (p.cancelled().contains(k.keys())) {
        continue;
      }
      PublishedRow theirs = exactRow(p.blocks(), k.keys());
      if (theirs == null || partition(p.overlap(), i -> linkedBlocks.get(i).knows(k.keys())) != null) {
        continue; // P does not publish K, or K on O was derivable before N
      }
      long visitorsOnOverlap = 0;
      long hitsOnOverlap = 0;
      for (Slice s : p.overlap()) {
        CellSpace.Content c = content(s, k.keys().side(), cells);
        visitorsOnOverlap += c.visitors();
        hitsOnOverlap += c.hits();
      }
      boolean nothingInB = theirs.measures().hits() - hitsOnOverlap <= 0;
      long hitsInA = 0;
      long visitorsInA = 0;
      long largestInA = 0;
      for (Slice s : p.onlyNew()) {
        CellSpace.Content c = content(s, k.keys().side(), cells);
        hitsInA += c.hits();
        visitorsInA += c.visitors();
        largestInA = Math.max(largestInA, c.visitors());
      }
      long boundInB = theirs.measures().visitors() - visitorsOnOverlap;
      // (2) K|A alone: N.K − P.K.
      if (nothingInB && hitsInA > 0 && visitorsInA > 0 && largestInA < threshold) {
        return finding(k, p, "its lines outside " + p.name() + " (this release minus it)", largestInA);
      }
      if (nothingInB) {
        // Then K|A is known, and so is (K'∖K)|A for supersets K' published within A.
        Patch patch = hitsInA > 0 ? patch(p.onlyNew(), k.keys()) : null;
        if (patch != null && patch.holdsVisitors() && patch.visitorBound() < threshold) {
          return finding(k, p, "the rest of supersets published outside " + p.name() + " minus its lines there", patch.visitorBound());
        }
        continue;
      }
      // (1) K|B ∪ (K'∖K)|A: P.K − N.K + supersets of K published within A.
      long bound = Math.max(0, boundInB);
      if (hitsInA > 0) {
        Patch patch = patch(p.onlyNew(), k.keys());
        if (patch == null) {
          continue; // −K|A cannot be cancelled by releases within A
        }
        bound = Math.max(bound, patch.visitorBound());
      }
      if (bound < threshold) {
        return finding(k, p, (hitsInA > 0 ? "its lines in " + p.name() + " outside this release, with supersets published for the rest"
            : "its lines in " + p.name() + " outside this release") + " (not read by this run: bounded by published visitors)", bound);
      }
    }
    return null;
  }

  private static LinkedAudit.Finding finding(ReleaseBlocks.Block k, Partial p, String how, long bound) {
    return new LinkedAudit.Finding(k.keys(), k.table(), k.row(), how + ", through " + p.name() + " which overlaps it in part", bound);
  }

  private CellSpace.Content content(Slice s, KeySet.Side side, BitSet cells) {
    UnsuppressedDay truth = day.sliceTruths().get(s);
    return truth == null ? new CellSpace.Content(0, 0, 0, 0) : space.content(truth, side, cells);
  }

  /** The row of {@code blocks} with exactly the cells of {@code k}, or null. */
  private static PublishedRow exactRow(ReleaseBlocks blocks, KeySet k) {
    for (ReleaseBlocks.Block b : blocks.within(k)) {
      if (b.row() != null && k.within(b.keys())) {
        return b.row();
      }
    }
    return null;
  }

  /**
   * The attacker's cheapest patch of {@code −K|target}: earlier releases within the target that partition it and
   * each publish a strict superset K' of K; null when there are none. Its visitors are at least, for each of those
   * releases, the fewest that one of its supersets' extra cells (K'∖K) hold on one of its slices.
   */
  private Patch patch(Set<Slice> target, KeySet k) {
    List<Integer> chosen = partition(target, i -> !strictSupersets(linkedBlocks.get(i), k).isEmpty());
    if (chosen == null) {
      return null;
    }
    BitSet inner = space.cells(k);
    long bound = 0;
    boolean holdsVisitors = false;
    for (int i : chosen) {
      long fewest = Long.MAX_VALUE;
      for (ReleaseBlocks.Block b : strictSupersets(linkedBlocks.get(i), k)) {
        BitSet extra = (BitSet) space.cells(b.keys()).clone();
        extra.andNot(inner);
        long most = 0;
        for (Slice s : day.linked().get(i).slices()) {
          most = Math.max(most, content(s, k.side(), extra).visitors());
        }
        fewest = Math.min(fewest, most);
        holdsVisitors |= most > 0;
      }
      bound = Math.max(bound, fewest);
    }
    return new Patch(bound, holdsVisitors);
  }

  private record Patch(long visitorBound, boolean holdsVisitors) {}

  /** Earlier releases lying within {@code target}, passing {@code which}, whose slices partition it (largest first); null when none do. */
  private List<Integer> partition(Set<Slice> target, java.util.function.IntPredicate which) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < day.linked().size(); i++) {
      if (target.containsAll(day.linked().get(i).slices()) && which.test(i)) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.comparingInt((Integer i) -> -day.linked().get(i).slices().size()).thenComparingInt(i -> i));
    Set<Slice> covered = new TreeSet<>();
    List<Integer> chosen = new ArrayList<>();
    for (int i : candidates) {
      Set<Slice> s = day.linked().get(i).slices();
      if (Collections.disjoint(covered, s)) {
        covered.addAll(s);
        chosen.add(i);
      }
    }
    return covered.equals(target) ? chosen : null;
  }

  private static List<ReleaseBlocks.Block> strictSupersets(ReleaseBlocks blocks, KeySet k) {
    List<ReleaseBlocks.Block> out = new ArrayList<>();
    for (ReleaseBlocks.Block b : blocks.containing(k)) {
      if (b.row() != null && !b.keys().within(k)) {
        out.add(b);
      }
    }
    return out;
  }
}
