package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attack (B) on one site: visitor counts, which are not additive across overlapping sets.
 *
 * <p><b>Within a release.</b> A visitor has one place (country and region), so visitor counts of sets
 * with the same page set and disjoint places add up. The rows of a release are grouped into <em>visitor
 * systems</em> by their page set Q (every row's event set is Q x places, see {@link RowMeaning}): all
 * pages (TOTALS, COUNTRIES, REGIONS), one page p (PAGES p and its PAGE_COUNTRIES row and (p, (other))),
 * the unpublished pages (PAGES (other)), and the pages unpublished for a country (((other pages), c)).
 * Within a system the places are merged into <em>units</em> (places no row of the system separates); the
 * derivable visitor sets are the 0/1 vectors over units in the span of the system's rows, computed
 * exactly. When every unit is determined (the usual, laminar, case) every union of units is derivable
 * and its visitors are the sum of the units'; otherwise the derivable sets are enumerated (at most 2^20).
 * A derivable set with 1..k-1 visitors that is not itself a published row is a disclosure (rows are
 * judged by the row check).
 *
 * <p><b>Across releases.</b> For releases A and B of the site with B's window inside A's and B's batches
 * a subset of A's (a day in its week or month, a week in its month, an earlier version in a later one),
 * and derivable sets X of A (page set Q_X) and Y of B (Q_Y within Q_X, places of Y within those of X),
 * the events of Y in B are events of X in A, so visitors_A(X) - visitors_B(Y) is exactly the number of
 * X's visitors in A that are not in Y in B. In 1..k-1 it is a disclosure. The search splits the units of
 * the two systems into groups linked by overlapping places (the difference is a sum of non-negative
 * per-group terms, so one group alone must show any disclosure). Per group it enumerates every X (up to
 * 2^20; a larger group makes that pair of systems count as sampled) and answers "is there a Y" exactly as a
 * subset-sum over the visitor numbers of the B-units inside X.
 */
final class VisitorCountAttack {

    private static final int MAX_ENUMERATED_UNITS = 20;

    private final SiteUniverse universe;
    private final List<ReleaseCube> cubes;
    private final String site;
    private final boolean describe;

    VisitorCountAttack(SiteUniverse universe, List<ReleaseCube> cubes, String site, boolean describe) {
        this.universe = universe;
        this.cubes = cubes;
        this.site = site;
        this.describe = describe;
    }

    /** The rows of one release with one page set, and what their visitor numbers let one derive. */
    private static final class VisitorSystem {
        final int release;
        final BitSet pages;
        final List<Integer> rows = new ArrayList<>();
        final List<BitSet> rowPlaces = new ArrayList<>();
        final List<BitSet> unitPlaces = new ArrayList<>();
        final List<Integer> unitVisitors = new ArrayList<>();
        boolean everyUnionDerivable;
        /** When not every union is derivable: the derivable sets as sets of units. */
        final List<BitSet> derivable = new ArrayList<>();

        VisitorSystem(int release, BitSet pages) {
            this.release = release;
            this.pages = pages;
        }

        BitSet placesOf(BitSet units) {
            BitSet places = new BitSet();
            for (int u = units.nextSetBit(0); u >= 0; u = units.nextSetBit(u + 1)) {
                places.or(unitPlaces.get(u));
            }
            return places;
        }

        int visitorsOf(BitSet units) {
            int sum = 0;
            for (int u = units.nextSetBit(0); u >= 0; u = units.nextSetBit(u + 1)) {
                sum += unitVisitors.get(u);
            }
            return sum;
        }
    }

    void run(List<Disclosure> out, AttackCoverage coverage) {
        List<List<VisitorSystem>> systemsOfRelease = new ArrayList<>();
        for (int r = 0; r < cubes.size(); r++) {
            systemsOfRelease.add(systems(r));
        }
        for (List<VisitorSystem> systems : systemsOfRelease) {
            for (VisitorSystem system : systems) {
                withinRelease(system, out);
            }
        }
        for (int a = 0; a < cubes.size(); a++) {
            for (int b = 0; b < cubes.size(); b++) {
                ReleaseRequest larger = cubes.get(a).release.request();
                ReleaseRequest smaller = cubes.get(b).release.request();
                if (a == b || !smaller.isWithin(larger)) {
                    continue;
                }
                int k = Math.max(larger.k(), smaller.k());
                for (VisitorSystem x : systemsOfRelease.get(a)) {
                    for (VisitorSystem y : systemsOfRelease.get(b)) {
                        BitSet outside = (BitSet) y.pages.clone();
                        outside.andNot(x.pages);
                        if (!outside.isEmpty()) {
                            continue;
                        }
                        coverage.visitorSystemPairs++;
                        if (!acrossReleases(x, y, k, out)) {
                            coverage.visitorSystemPairsSampled++;
                        }
                    }
                }
            }
        }
    }

    private List<VisitorSystem> systems(int r) {
        ReleaseCube cube = cubes.get(r);
        List<PublishedRow> rows = cube.release.rows();
        Map<BitSet, VisitorSystem> byPages = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RowKey key = rows.get(i).key();
            BitSet pages = new BitSet();
            for (int p = 0; p < universe.pageCount(); p++) {
                if (cube.meaning.includesPage(key, universe.pages.get(p))) {
                    pages.set(p);
                }
            }
            BitSet places = new BitSet();
            for (int place = 0; place < universe.placeCount(); place++) {
                if (cube.meaning.includesPlace(key, universe.placeCountry.get(place),
                        universe.placeRegion.get(place))) {
                    places.set(place);
                }
            }
            if (pages.isEmpty() || places.isEmpty()) {
                continue;
            }
            VisitorSystem system = byPages.computeIfAbsent(pages, p -> new VisitorSystem(r, p));
            system.rows.add(i);
            system.rowPlaces.add(places);
        }
        for (VisitorSystem system : byPages.values()) {
            buildUnits(system, cube);
        }
        return new ArrayList<>(byPages.values());
    }

    private void buildUnits(VisitorSystem system, ReleaseCube cube) {
        Map<BitSet, Integer> unitOfSignature = new LinkedHashMap<>();
        for (int place = 0; place < universe.placeCount(); place++) {
            BitSet signature = new BitSet();
            for (int i = 0; i < system.rowPlaces.size(); i++) {
                if (system.rowPlaces.get(i).get(place)) {
                    signature.set(i);
                }
            }
            if (signature.isEmpty()) {
                continue;
            }
            Integer unit = unitOfSignature.get(signature);
            if (unit == null) {
                unit = system.unitPlaces.size();
                unitOfSignature.put(signature, unit);
                system.unitPlaces.add(new BitSet());
            }
            system.unitPlaces.get(unit).set(place);
        }
        for (BitSet places : system.unitPlaces) {
            BitSet cells = new BitSet();
            for (int page = system.pages.nextSetBit(0); page >= 0; page = system.pages.nextSetBit(page + 1)) {
                for (int place = places.nextSetBit(0); place >= 0; place = places.nextSetBit(place + 1)) {
                    cells.set(universe.spaceCell(page, place));
                }
            }
            system.unitVisitors.add(cube.visitorsOf(cells).cardinality());
        }
        int units = system.unitPlaces.size();
        List<int[]> matrix = new ArrayList<>();
        for (BitSet rowPlaces : system.rowPlaces) {
            List<Integer> covered = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                if (rowPlaces.intersects(system.unitPlaces.get(u))) {
                    covered.add(u);
                }
            }
            matrix.add(covered.stream().mapToInt(Integer::intValue).toArray());
        }
        NullBasis basis = ExactNullSpace.of(units, matrix).basis();
        system.everyUnionDerivable = basis.size() == 0;
        if (!system.everyUnionDerivable) {
            if (units > MAX_ENUMERATED_UNITS) {
                throw new IllegalStateException("visitor system with " + units + " units is not laminar; "
                        + "the oracle enumerates at most " + MAX_ENUMERATED_UNITS);
            }
            for (long mask = 1; mask < (1L << units); mask++) {
                BitSet set = BitSet.valueOf(new long[]{mask});
                if (basis.rowSpaceContains(set)) {
                    system.derivable.add(set);
                }
            }
        }
    }

    private void withinRelease(VisitorSystem system, List<Disclosure> out) {
        ReleaseRequest request = cubes.get(system.release).release.request();
        int k = request.k();
        List<BitSet> candidates = new ArrayList<>();
        if (system.everyUnionDerivable) {
            // Units are disjoint in visitors: a union has 1..k-1 visitors only if some unit has.
            for (int u = 0; u < system.unitPlaces.size(); u++) {
                BitSet single = new BitSet();
                single.set(u);
                candidates.add(single);
            }
        } else {
            candidates.addAll(system.derivable);
        }
        for (BitSet units : candidates) {
            int visitors = system.visitorsOf(units);
            BitSet places = system.placesOf(units);
            if (visitors == 0 || visitors >= k || system.rowPlaces.contains(places)) {
                continue;
            }
            out.add(new Disclosure(Disclosure.Kind.VISITORS_WITHIN_RELEASE, site, visitors, k,
                    List.of(request.label()), rowsMeeting(system, places), !describe ? ""
                    : "visitor numbers of " + request.label() + " add up (one place per visitor) to " + visitors
                            + " visitors for " + describe(system.pages, places)));
        }
    }

    /** Returns false if a group was too large to enumerate completely. */
    private boolean acrossReleases(VisitorSystem x, VisitorSystem y, int k, List<Disclosure> out) {
        if (!x.everyUnionDerivable || !y.everyUnionDerivable) {
            return explicitPairs(x, y, k, out);
        }
        int xUnits = x.unitPlaces.size();
        int yUnits = y.unitPlaces.size();
        int[] parent = new int[xUnits + yUnits];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < xUnits; i++) {
            for (int j = 0; j < yUnits; j++) {
                if (x.unitPlaces.get(i).intersects(y.unitPlaces.get(j))) {
                    union(parent, i, xUnits + j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < parent.length; i++) {
            groups.computeIfAbsent(find(parent, i), g -> new ArrayList<>()).add(i);
        }
        boolean complete = true;
        for (List<Integer> group : groups.values()) {
            List<Integer> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int member : group) {
                if (member < xUnits) {
                    xs.add(member);
                } else {
                    ys.add(member - xUnits);
                }
            }
            if (xs.isEmpty() || ys.isEmpty()) {
                continue;
            }
            if (xs.size() > MAX_ENUMERATED_UNITS || ys.size() > MAX_ENUMERATED_UNITS) {
                complete = false;
                continue;
            }
            Disclosure found = searchGroup(x, y, xs, ys, k);
            if (found != null) {
                out.add(found);
            }
        }
        return complete;
    }

    /**
     * All X (unions of the group's A-units) and, for each, whether some non-empty Y among the B-units
     * inside X's places brings visitors_A(X) - visitors_B(Y) into 1..k-1: a subset-sum question over the
     * B-units' visitor numbers, answered exactly by dynamic programming over the sums below visitors_A(X).
     */
    private Disclosure searchGroup(VisitorSystem x, VisitorSystem y, List<Integer> xs, List<Integer> ys, int k) {
        for (long xMask = 1; xMask < (1L << xs.size()); xMask++) {
            BitSet xSet = new BitSet();
            for (int i = 0; i < xs.size(); i++) {
                if ((xMask & (1L << i)) != 0) {
                    xSet.set(xs.get(i));
                }
            }
            BitSet xPlaces = x.placesOf(xSet);
            int xVisitors = x.visitorsOf(xSet);
            List<Integer> cover = new ArrayList<>();
            int coverVisitors = 0;
            for (int j : ys) {
                BitSet outside = (BitSet) y.unitPlaces.get(j).clone();
                outside.andNot(xPlaces);
                if (outside.isEmpty() && y.unitVisitors.get(j) > 0) {
                    cover.add(j);
                    coverVisitors += y.unitVisitors.get(j);
                }
            }
            if (cover.isEmpty() || xVisitors - coverVisitors >= k) {
                continue;
            }
            BitSet ySet = subsetWithSumIn(y, cover, Math.max(1, xVisitors - k + 1), xVisitors - 1);
            if (ySet != null) {
                return difference(x, xSet, y, ySet, xVisitors - y.visitorsOf(ySet), k);
            }
        }
        return null;
    }

    /** A subset of {@code units} whose visitor numbers sum into [low, high], or null. */
    private static BitSet subsetWithSumIn(VisitorSystem system, List<Integer> units, int low, int high) {
        if (high < low) {
            return null;
        }
        List<BitSet> reachable = new ArrayList<>();
        BitSet reach = new BitSet();
        reach.set(0);
        reachable.add(reach);
        for (int unit : units) {
            int value = system.unitVisitors.get(unit);
            BitSet next = (BitSet) reach.clone();
            for (int s = reach.nextSetBit(0); s >= 0 && s + value <= high; s = reach.nextSetBit(s + 1)) {
                next.set(s + value);
            }
            reach = next;
            reachable.add(reach);
        }
        int target = reach.nextSetBit(low);
        if (target < 0 || target > high) {
            return null;
        }
        BitSet chosen = new BitSet();
        for (int i = units.size() - 1; i >= 0; i--) {
            if (!reachable.get(i).get(target)) {
                int unit = units.get(i);
                chosen.set(unit);
                target -= system.unitVisitors.get(unit);
            }
        }
        return chosen;
    }

    private boolean explicitPairs(VisitorSystem x, VisitorSystem y, int k, List<Disclosure> out) {
        List<BitSet> xSets = x.everyUnionDerivable ? allUnions(x) : x.derivable;
        List<BitSet> ySets = y.everyUnionDerivable ? allUnions(y) : y.derivable;
        if (xSets == null || ySets == null) {
            return false;
        }
        for (BitSet xSet : xSets) {
            BitSet xPlaces = x.placesOf(xSet);
            int xVisitors = x.visitorsOf(xSet);
            for (BitSet ySet : ySets) {
                BitSet outside = y.placesOf(ySet);
                outside.andNot(xPlaces);
                int difference = xVisitors - y.visitorsOf(ySet);
                if (outside.isEmpty() && difference > 0 && difference < k) {
                    out.add(difference(x, xSet, y, ySet, difference, k));
                    return true;
                }
            }
        }
        return true;
    }

    private static List<BitSet> allUnions(VisitorSystem system) {
        int units = system.unitPlaces.size();
        if (units > MAX_ENUMERATED_UNITS) {
            return null;
        }
        List<BitSet> sets = new ArrayList<>();
        for (long mask = 1; mask < (1L << units); mask++) {
            sets.add(BitSet.valueOf(new long[]{mask}));
        }
        return sets;
    }

    private Disclosure difference(VisitorSystem x, BitSet xSet, VisitorSystem y, BitSet ySet, int difference,
                                  int k) {
        String larger = cubes.get(x.release).release.label();
        String smaller = cubes.get(y.release).release.label();
        BitSet xPlaces = x.placesOf(xSet);
        BitSet yPlaces = y.placesOf(ySet);
        List<RowReference> rows = new ArrayList<>(rowsMeeting(x, xPlaces));
        rows.addAll(rowsMeeting(y, yPlaces));
        String text = !describe ? "" : "visitors of " + larger + " for " + describe(x.pages, xPlaces) + " (" + x.visitorsOf(xSet)
                + ") minus visitors of " + smaller + " for " + describe(y.pages, yPlaces) + " (" + y.visitorsOf(ySet)
                + ") = " + difference + " visitors in the first set who are not in the second";
        return new Disclosure(Disclosure.Kind.VISITORS_DIFFERENCE_ACROSS_RELEASES, site, difference, k,
                List.of(larger, smaller), rows, text);
    }

    private List<RowReference> rowsMeeting(VisitorSystem system, BitSet places) {
        PublishedRelease release = cubes.get(system.release).release;
        List<RowReference> rows = new ArrayList<>();
        for (int i = 0; i < system.rows.size(); i++) {
            if (system.rowPlaces.get(i).intersects(places)) {
                rows.add(new RowReference(release.label(), release.rows().get(system.rows.get(i)).key()));
            }
        }
        return rows;
    }

    private String describe(BitSet pages, BitSet places) {
        List<String> pageNames = new ArrayList<>();
        for (int p = pages.nextSetBit(0); p >= 0; p = pages.nextSetBit(p + 1)) {
            pageNames.add(universe.pages.get(p));
        }
        List<String> placeNames = new ArrayList<>();
        for (int place = places.nextSetBit(0); place >= 0; place = places.nextSetBit(place + 1)) {
            placeNames.add(universe.describePlace(place));
        }
        String pageText = pages.cardinality() == universe.pageCount() ? "all pages" : "pages " + pageNames;
        return pageText + " x places " + placeNames;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
