package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Attack (A) on one site: every linear combination of the published additive numbers (hits, page views,
 * bytes) of all the site's releases together.
 *
 * <p>Published rows are 0/1 functionals over the atoms of {@link AtomSpace}; all three additive measures
 * of a row share its functional (PAGE_COUNTRIES has no bytes, so the bytes functionals are a subset), so
 * one row space covers them all. A <em>disclosure</em> is a 0/1 vector in that row space whose events have
 * 1..k-1 distinct visitors. The steps:
 * <ol>
 *   <li>The exact null space ({@link ExactNullSpace}). An atom outside every null vector's support is
 *       determined: checked on its own (this is every single-atom vector of the row space).</li>
 *   <li>Undetermined atoms fall into components (atoms linked by a common null vector). A 0/1 vector is
 *       in the row space iff its restriction to each component is, and a vector with 1..k-1 visitors has
 *       a component restriction with 1..k-1 visitors or consists of determined atoms with 0 visitors plus
 *       one determined atom with 1..k-1, so components are searched one by one.</li>
 *   <li>Each component with an atom of 1..k-1 visitors goes to {@link ZeroOneSearch} (branch and bound,
 *       exhaustive within its node budget).</li>
 *   <li>If the budget runs out, structured candidates are tried instead: unions of the component's atoms
 *       that share a key (page, country, region, page x country, page x region) over a time group (one
 *       time class; one release's days and batches; one release's minus those of releases inside it),
 *       differences of two nested published rows, and randomized restarts of the search.</li>
 * </ol>
 */
final class AdditiveAttack {

    private static final int DESCRIPTION_GROUPS = 6;
    private static final int RANDOM_RESTARTS = 16;

    private final AtomSpace space;
    private final String site;
    private final int k;
    private final long nodeBudget;
    private final boolean describe;

    AdditiveAttack(AtomSpace space, String site, int k, long nodeBudget, boolean describe) {
        this.space = space;
        this.site = site;
        this.k = k;
        this.nodeBudget = nodeBudget;
        this.describe = describe;
    }

    void run(List<Disclosure> out, AttackCoverage coverage) {
        List<int[]> rows = space.distinctFunctionalsSmallFirst();
        int[] atomAt = searchFriendlyColumnOrder();
        ExactNullSpace.Outcome outcome = ExactNullSpace.of(space.atomCount, renumber(rows, atomAt));
        NullBasis basis = outcome.basis().relabel(atomAt);
        coverage.atoms += space.atomCount;
        coverage.largestAtomSpace = Math.max(coverage.largestAtomSpace, space.atomCount);
        coverage.functionals += rows.size();
        coverage.exactFallbacks += outcome.fallback() ? 1 : 0;

        BitSet undetermined = basis.undeterminedColumns();
        coverage.determinedAtoms += space.atomCount - undetermined.cardinality();
        for (int atom = 0; atom < space.atomCount; atom++) {
            int visitors = space.atomVisitors[atom].length;
            if (!undetermined.get(atom) && visitors > 0 && visitors < k) {
                BitSet set = new BitSet();
                set.set(atom);
                out.add(disclosure(set, visitors, "determined by the published sums"));
            }
        }

        for (Component component : components(basis, undetermined)) {
            ZeroOneSearch search = new ZeroOneSearch(component.atoms, space.atomVisitors, component.supports,
                    component.coefficients, component.freeAtoms, k);
            if (!search.hasContent()) {
                continue;
            }
            coverage.componentsWithContent++;
            coverage.largestComponent = Math.max(coverage.largestComponent, component.atoms.length);
            ZeroOneSearch.Result result = search.search(nodeBudget);
            coverage.searchNodes += result.nodes();
            if (result.status() == ZeroOneSearch.Status.BUDGET) {
                coverage.componentsSampled++;
                Disclosure found = sampleCandidates(component, search, basis);
                if (found != null) {
                    out.add(found);
                }
                continue;
            }
            coverage.componentsExhaustive++;
            if (result.status() == ZeroOneSearch.Status.FOUND) {
                BitSet set = new BitSet();
                for (int atom : result.atomsIn()) {
                    set.set(atom);
                }
                certify(set, result.visitors(), component);
                out.add(disclosure(set, result.visitors(), "a 0/1 combination within a component of "
                        + component.atoms.length + " undetermined atoms (exhaustive search)"));
            }
        }
    }

    /**
     * Atoms with k or more visitors first, then atoms with 1..k-1, then atoms without visitors. The reduced
     * echelon form takes its pivots greedily from the left, so the free columns (each fixed by the pivots
     * through its own null vector) are mostly atoms without visitors: the search then branches on few
     * such atoms and lets propagation set the rest.
     */
    private int[] searchFriendlyColumnOrder() {
        Integer[] atoms = new Integer[space.atomCount];
        for (int a = 0; a < atoms.length; a++) {
            atoms[a] = a;
        }
        java.util.Arrays.sort(atoms, java.util.Comparator.comparingInt((Integer a) -> {
            int visitors = space.atomVisitors[a].length;
            return visitors >= k ? 0 : visitors > 0 ? 1 : 2;
        }).thenComparingInt(a -> a));
        int[] atomAt = new int[atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            atomAt[i] = atoms[i];
        }
        return atomAt;
    }

    private static List<int[]> renumber(List<int[]> rows, int[] atomAt) {
        int[] positionOf = new int[atomAt.length];
        for (int i = 0; i < atomAt.length; i++) {
            positionOf[atomAt[i]] = i;
        }
        List<int[]> renumbered = new ArrayList<>(rows.size());
        for (int[] row : rows) {
            int[] copy = new int[row.length];
            for (int i = 0; i < row.length; i++) {
                copy[i] = positionOf[row[i]];
            }
            java.util.Arrays.sort(copy);
            renumbered.add(copy);
        }
        renumbered.sort((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length)
                : Integer.compare(a[0], b[0]));
        return renumbered;
    }

    private Disclosure disclosure(BitSet atoms, int visitors, String how) {
        List<RowReference> rows = space.rowsTouching(atoms);
        List<String> releases = rows.stream().map(RowReference::release).distinct().toList();
        String text = !describe ? "" : "additive numbers of " + space.hitsOf(atoms) + " hits by " + visitors
                + " visitors, " + how + ": " + space.describe(atoms, DESCRIPTION_GROUPS);
        return new Disclosure(Disclosure.Kind.ADDITIVE_COMBINATION, site, visitors, k, releases, rows, text);
    }

    /** Re-checks a witness with overflow-checked arithmetic before it is reported. */
    private void certify(BitSet set, int visitors, Component component) {
        NullBasis local = new NullBasis(space.atomCount, component.supports, component.coefficients,
                component.freeAtoms);
        if (!local.rowSpaceContains(set) || space.visitorsOf(set) != visitors || visitors < 1 || visitors >= k) {
            throw new IllegalStateException("site " + site + ": the search returned a set that is not a disclosure");
        }
    }

    /** Undetermined atoms linked by common null vectors, with their null vectors. */
    record Component(int[] atoms, List<int[]> supports, List<long[]> coefficients, int[] freeAtoms) {
    }

    static List<Component> components(NullBasis basis, BitSet undetermined) {
        int columns = basis.columns();
        int[] parent = new int[columns];
        for (int i = 0; i < columns; i++) {
            parent[i] = i;
        }
        for (int[] support : basis.supports()) {
            for (int i = 1; i < support.length; i++) {
                union(parent, support[0], support[i]);
            }
        }
        Map<Integer, List<Integer>> atomsOfRoot = new LinkedHashMap<>();
        for (int atom = undetermined.nextSetBit(0); atom >= 0; atom = undetermined.nextSetBit(atom + 1)) {
            atomsOfRoot.computeIfAbsent(find(parent, atom), x -> new ArrayList<>()).add(atom);
        }
        Map<Integer, Integer> indexOfRoot = new HashMap<>();
        List<List<int[]>> supports = new ArrayList<>();
        List<List<long[]>> coefficients = new ArrayList<>();
        List<List<Integer>> frees = new ArrayList<>();
        for (Integer root : atomsOfRoot.keySet()) {
            indexOfRoot.put(root, supports.size());
            supports.add(new ArrayList<>());
            coefficients.add(new ArrayList<>());
            frees.add(new ArrayList<>());
        }
        for (int v = 0; v < basis.size(); v++) {
            int index = indexOfRoot.get(find(parent, basis.supports().get(v)[0]));
            supports.get(index).add(basis.supports().get(v));
            coefficients.get(index).add(basis.coefficients().get(v));
            frees.get(index).add(basis.freeColumns()[v]);
        }
        List<Component> components = new ArrayList<>();
        int index = 0;
        for (List<Integer> atoms : atomsOfRoot.values()) {
            components.add(new Component(atoms.stream().mapToInt(Integer::intValue).toArray(), supports.get(index),
                    coefficients.get(index), frees.get(index).stream().mapToInt(Integer::intValue).toArray()));
            index++;
        }
        return components;
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

    /** Structured candidates (key unions over time groups, nested row differences), then random restarts. */
    private Disclosure sampleCandidates(Component component, ZeroOneSearch search, NullBasis basis) {
        NullBasis local = new NullBasis(basis.columns(), component.supports, component.coefficients,
                component.freeAtoms);
        Disclosure byKey = keyUnions(component, local);
        if (byKey != null) {
            return byKey;
        }
        Disclosure byDifference = nestedRowDifferences(component);
        if (byDifference != null) {
            return byDifference;
        }
        Random random = new Random(31L * component.atoms[0] + component.atoms.length);
        for (int restart = 0; restart < RANDOM_RESTARTS; restart++) {
            ZeroOneSearch.Result result = search.search(Math.max(1, nodeBudget / RANDOM_RESTARTS), random);
            if (result.status() == ZeroOneSearch.Status.FOUND) {
                BitSet set = new BitSet();
                for (int atom : result.atomsIn()) {
                    set.set(atom);
                }
                certify(set, result.visitors(), component);
                return disclosure(set, result.visitors(), "found by a randomized restart in a component of "
                        + component.atoms.length + " atoms (search budget exceeded)");
            }
        }
        return null;
    }

    private static final int KEY_KINDS = 5;

    /** A number naming the cell's key of one kind (a collision changes which candidates are tried, never a verdict). */
    private int keyOf(int kind, int cell) {
        SiteUniverse universe = space.universe;
        int page = universe.pageOfCell(cell);
        int place = universe.placeOfCell(cell);
        int country = universe.placeCountry.get(place).hashCode();
        return switch (kind) {
            case 0 -> page;
            case 1 -> country;
            case 2 -> place;
            case 3 -> page * 1_000_003 + country;
            default -> cell;
        };
    }

    private Disclosure keyUnions(Component component, NullBasis local) {
        int spaceCells = space.universe.spaceCellCount();
        List<BitSet> timeGroups = timeGroups();
        int n = component.atoms.length;
        BitSet[] timesOfAtom = new BitSet[n];
        for (int i = 0; i < n; i++) {
            timesOfAtom[i] = new BitSet();
            for (int encoded : space.atomCells[component.atoms[i]]) {
                timesOfAtom[i].set(encoded / spaceCells);
            }
        }
        for (int kind = 0; kind < KEY_KINDS; kind++) {
            Map<Integer, List<Integer>> atomsOfKey = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                int[] cells = space.atomCells[component.atoms[i]];
                int key = keyOf(kind, cells[0] % spaceCells);
                boolean single = true;
                for (int encoded : cells) {
                    single &= keyOf(kind, encoded % spaceCells) == key;
                }
                if (single) {
                    atomsOfKey.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
                }
            }
            for (List<Integer> sameKey : atomsOfKey.values()) {
                for (BitSet group : timeGroups) {
                    BitSet candidate = new BitSet();
                    for (int i : sameKey) {
                        BitSet outside = (BitSet) timesOfAtom[i].clone();
                        outside.andNot(group);
                        if (outside.isEmpty()) {
                            candidate.set(component.atoms[i]);
                        }
                    }
                    Disclosure found = judge(candidate, local, "a union of atoms sharing a key over a time group"
                            + " (structured candidate; search budget exceeded)");
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** Each time class alone; each release's time classes; each release's minus those of releases inside it. */
    private List<BitSet> timeGroups() {
        int releases = space.releases.size();
        BitSet[] classesOfRelease = new BitSet[releases];
        for (int r = 0; r < releases; r++) {
            classesOfRelease[r] = new BitSet();
        }
        List<BitSet> groups = new ArrayList<>();
        for (int t = 0; t < space.timeClassCount; t++) {
            BitSet single = new BitSet();
            single.set(t);
            groups.add(single);
            for (int r : space.releasesOfTimeClass[t]) {
                classesOfRelease[r].set(t);
            }
        }
        for (int r = 0; r < releases; r++) {
            groups.add(classesOfRelease[r]);
            BitSet rest = (BitSet) classesOfRelease[r].clone();
            for (int inner = 0; inner < releases; inner++) {
                if (inner != r && space.releases.get(inner).request().isWithin(space.releases.get(r).request())
                        && !classesOfRelease[inner].equals(classesOfRelease[r])) {
                    rest.andNot(classesOfRelease[inner]);
                }
            }
            if (!rest.isEmpty()) {
                groups.add(rest);
            }
        }
        return groups;
    }

    private Disclosure nestedRowDifferences(Component component) {
        BitSet componentAtoms = new BitSet();
        for (int atom : component.atoms) {
            componentAtoms.set(atom);
        }
        List<BitSet> touching = new ArrayList<>();
        for (int f = 0; f < space.functionalCount; f++) {
            BitSet atoms = new BitSet();
            for (int atom : space.functionalAtoms[f]) {
                atoms.set(atom);
            }
            if (atoms.intersects(componentAtoms)) {
                touching.add(atoms);
            }
        }
        for (BitSet outer : touching) {
            for (BitSet inner : touching) {
                if (outer == inner || inner.cardinality() >= outer.cardinality()) {
                    continue;
                }
                BitSet rest = (BitSet) inner.clone();
                rest.andNot(outer);
                if (!rest.isEmpty()) {
                    continue;
                }
                BitSet difference = (BitSet) outer.clone();
                difference.andNot(inner);
                int visitors = space.visitorsOf(difference);
                if (visitors > 0 && visitors < k) {
                    return disclosure(difference, visitors, "the difference of two nested published rows"
                            + " (structured candidate; search budget exceeded)");
                }
            }
        }
        return null;
    }

    private Disclosure judge(BitSet candidate, NullBasis local, String how) {
        if (candidate.isEmpty() || !local.rowSpaceContains(candidate)) {
            return null;
        }
        int visitors = space.visitorsOf(candidate);
        return visitors > 0 && visitors < k ? disclosure(candidate, visitors, how) : null;
    }
}
