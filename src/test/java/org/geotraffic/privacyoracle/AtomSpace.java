package org.geotraffic.privacyoracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The unknowns of attack (A) for one site: atoms, and every published additive number as a 0/1
 * functional over them.
 *
 * <p>The finest cells are (day, batch, page, country, region), over every day of every window, every batch
 * of any release, and every key of the {@link SiteUniverse} (unseen keys included), whether or not the
 * micro-data has events there: the attacker does not know which cells are empty. A published row of
 * release R covers the cells whose (day, batch) R includes and whose (page, place) the row's meaning
 * includes ({@link RowMeaning}). Cells covered by exactly the same set of rows (across all releases) are
 * merged into one atom: every published number treats them alike, so every vector of the row space is
 * constant on them and merging loses nothing. Cells covered by no row are dropped (no combination can
 * involve them). Time is first merged the same way: (day, batch) cells included by the same releases
 * form one time class.
 */
final class AtomSpace {

    final SiteUniverse universe;
    final List<PublishedRelease> releases;
    final int timeClassCount;
    /** Per time class, its (day, batch) cells, for descriptions: day -> batches. */
    final List<TreeMap<LocalDate, TreeSet<Integer>>> timeClassCells;
    final int[][] releasesOfTimeClass;
    final int functionalCount;
    final int[] functionalRelease;
    final int[] functionalRow;
    final int atomCount;
    final int[][] atomFunctionals;
    final int[][] functionalAtoms;
    /** Per atom, its (time class, space cell) pairs encoded as timeClass * spaceCells + cell. */
    final int[][] atomCells;
    /** Per atom, the sorted visitor numbers of its events (bots excluded). */
    final int[][] atomVisitors;
    final long[] atomHits;

    private AtomSpace(SiteData data, List<PublishedRelease> releases, List<ReleaseCube> cubes) {
        SiteUniverse universe = data.universe;
        this.universe = universe;
        this.releases = releases;
        int releaseCount = releases.size();

        TreeSet<LocalDate> daySet = new TreeSet<>();
        TreeSet<Integer> batchSet = new TreeSet<>();
        for (PublishedRelease release : releases) {
            ReleaseRequest request = release.request();
            for (LocalDate day = request.first(); !day.isAfter(request.last()); day = day.plusDays(1)) {
                daySet.add(day);
            }
            batchSet.addAll(request.batches());
        }
        List<LocalDate> days = new ArrayList<>(daySet);
        int[] batches = batchSet.stream().mapToInt(Integer::intValue).toArray();
        Map<LocalDate, Integer> dayIndex = new HashMap<>();
        for (int d = 0; d < days.size(); d++) {
            dayIndex.put(days.get(d), d);
        }
        Map<Integer, Integer> batchIndex = new HashMap<>();
        for (int b = 0; b < batches.length; b++) {
            batchIndex.put(batches[b], b);
        }

        int[] timeClassOfCell = new int[days.size() * batches.length];
        Map<BitSet, Integer> classOfSignature = new HashMap<>();
        List<int[]> classReleases = new ArrayList<>();
        List<TreeMap<LocalDate, TreeSet<Integer>>> classCells = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            for (int b = 0; b < batches.length; b++) {
                BitSet signature = new BitSet(releaseCount);
                for (int r = 0; r < releaseCount; r++) {
                    ReleaseRequest request = releases.get(r).request();
                    if (request.coversDay(days.get(d)) && request.batches().contains(batches[b])) {
                        signature.set(r);
                    }
                }
                int cell = d * batches.length + b;
                if (signature.isEmpty()) {
                    timeClassOfCell[cell] = -1;
                    continue;
                }
                Integer timeClass = classOfSignature.get(signature);
                if (timeClass == null) {
                    timeClass = classReleases.size();
                    classOfSignature.put(signature, timeClass);
                    classReleases.add(signature.stream().toArray());
                    classCells.add(new TreeMap<>());
                }
                timeClassOfCell[cell] = timeClass;
                classCells.get(timeClass).computeIfAbsent(days.get(d), x -> new TreeSet<>()).add(batches[b]);
            }
        }
        this.timeClassCount = classReleases.size();
        this.releasesOfTimeClass = classReleases.toArray(new int[0][]);
        this.timeClassCells = classCells;

        int spaceCells = universe.spaceCellCount();
        int[] functionalBase = new int[releaseCount];
        int functionals = 0;
        for (int r = 0; r < releaseCount; r++) {
            functionalBase[r] = functionals;
            functionals += releases.get(r).rows().size();
        }
        this.functionalCount = functionals;
        this.functionalRelease = new int[functionals];
        this.functionalRow = new int[functionals];
        int[][][] rowsContaining = new int[releaseCount][spaceCells][];
        for (int r = 0; r < releaseCount; r++) {
            List<PublishedRow> rows = releases.get(r).rows();
            int[] counts = new int[spaceCells];
            BitSet[] rowCells = new BitSet[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                functionalRelease[functionalBase[r] + i] = r;
                functionalRow[functionalBase[r] + i] = i;
                rowCells[i] = cubes.get(r).cellsOf(rows.get(i).key());
                for (int s = rowCells[i].nextSetBit(0); s >= 0; s = rowCells[i].nextSetBit(s + 1)) {
                    counts[s]++;
                }
            }
            for (int s = 0; s < spaceCells; s++) {
                rowsContaining[r][s] = new int[counts[s]];
                counts[s] = 0;
            }
            for (int i = 0; i < rows.size(); i++) {
                for (int s = rowCells[i].nextSetBit(0); s >= 0; s = rowCells[i].nextSetBit(s + 1)) {
                    rowsContaining[r][s][counts[s]++] = functionalBase[r] + i;
                }
            }
        }

        Map<IntArray, Integer> atomOfSignature = new HashMap<>();
        List<int[]> signatures = new ArrayList<>();
        List<List<Integer>> cellsOfAtom = new ArrayList<>();
        int[][] atomOfCell = new int[timeClassCount][spaceCells];
        int[] buffer = new int[functionals];
        for (int t = 0; t < timeClassCount; t++) {
            for (int s = 0; s < spaceCells; s++) {
                int length = 0;
                for (int r : releasesOfTimeClass[t]) {
                    for (int f : rowsContaining[r][s]) {
                        buffer[length++] = f;
                    }
                }
                if (length == 0) {
                    atomOfCell[t][s] = -1;
                    continue;
                }
                IntArray signature = new IntArray(Arrays.copyOf(buffer, length));
                Integer atom = atomOfSignature.get(signature);
                if (atom == null) {
                    atom = signatures.size();
                    atomOfSignature.put(signature, atom);
                    signatures.add(signature.values());
                    cellsOfAtom.add(new ArrayList<>());
                }
                atomOfCell[t][s] = atom;
                cellsOfAtom.get(atom).add(t * spaceCells + s);
            }
        }
        this.atomCount = signatures.size();
        this.atomFunctionals = signatures.toArray(new int[0][]);
        this.atomCells = new int[atomCount][];
        for (int a = 0; a < atomCount; a++) {
            atomCells[a] = cellsOfAtom.get(a).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] degree = new int[functionals];
        for (int[] signature : atomFunctionals) {
            for (int f : signature) {
                degree[f]++;
            }
        }
        this.functionalAtoms = new int[functionals][];
        for (int f = 0; f < functionals; f++) {
            functionalAtoms[f] = new int[degree[f]];
            degree[f] = 0;
        }
        for (int a = 0; a < atomCount; a++) {
            for (int f : atomFunctionals[a]) {
                functionalAtoms[f][degree[f]++] = a;
            }
        }

        BitSet[] visitors = new BitSet[atomCount];
        this.atomHits = new long[atomCount];
        for (SiteData.Cell cell : data.allCells()) {
            Integer d = dayIndex.get(cell.day());
            Integer b = batchIndex.get(cell.batch());
            if (d == null || b == null) {
                continue;
            }
            int t = timeClassOfCell[d * batches.length + b];
            if (t < 0) {
                continue;
            }
            int atom = atomOfCell[t][cell.space()];
            if (atom < 0) {
                continue;
            }
            atomHits[atom] += cell.hits();
            if (!cell.visitors().isEmpty()) {
                if (visitors[atom] == null) {
                    visitors[atom] = new BitSet();
                }
                visitors[atom].or(cell.visitors());
            }
        }
        this.atomVisitors = new int[atomCount][];
        for (int a = 0; a < atomCount; a++) {
            atomVisitors[a] = visitors[a] == null ? new int[0] : visitors[a].stream().toArray();
        }
    }

    static AtomSpace build(SiteData data, List<PublishedRelease> releases, List<ReleaseCube> cubes) {
        return new AtomSpace(data, releases, cubes);
    }

    /** The distinct functionals (duplicates, e.g. a row equal to another row's set, removed), small first. */
    List<int[]> distinctFunctionalsSmallFirst() {
        Set<IntArray> seen = new LinkedHashSet<>();
        for (int[] atoms : functionalAtoms) {
            if (atoms.length > 0) {
                seen.add(new IntArray(atoms));
            }
        }
        List<int[]> rows = new ArrayList<>();
        for (IntArray atoms : seen) {
            rows.add(atoms.values());
        }
        rows.sort((a, b) -> a.length != b.length ? Integer.compare(a.length, b.length)
                : Integer.compare(a[0], b[0]));
        return rows;
    }

    int visitorsOf(BitSet atoms) {
        BitSet union = new BitSet();
        for (int a = atoms.nextSetBit(0); a >= 0; a = atoms.nextSetBit(a + 1)) {
            for (int v : atomVisitors[a]) {
                union.set(v);
            }
        }
        return union.cardinality();
    }

    long hitsOf(BitSet atoms) {
        long hits = 0;
        for (int a = atoms.nextSetBit(0); a >= 0; a = atoms.nextSetBit(a + 1)) {
            hits += atomHits[a];
        }
        return hits;
    }

    /** The published rows whose sets meet the atoms, in release order. */
    List<RowReference> rowsTouching(BitSet atoms) {
        TreeSet<Integer> functionals = new TreeSet<>();
        for (int a = atoms.nextSetBit(0); a >= 0; a = atoms.nextSetBit(a + 1)) {
            for (int f : atomFunctionals[a]) {
                functionals.add(f);
            }
        }
        List<RowReference> rows = new ArrayList<>();
        for (int f : functionals) {
            PublishedRelease release = releases.get(functionalRelease[f]);
            rows.add(new RowReference(release.label(), release.rows().get(functionalRow[f]).key()));
        }
        return rows;
    }

    /**
     * The (day, batch, page, place) cells of a set of atoms, grouped: "2026-03-02 b{0,1}: page=/a GB/GB-ENG,
     * ...". Cells without events are listed too (the attacker cannot tell them apart), at most
     * {@code limit} groups.
     */
    String describe(BitSet atoms, int limit) {
        int spaceCells = universe.spaceCellCount();
        TreeMap<Integer, TreeSet<Integer>> timeClassesOfCell = new TreeMap<>();
        for (int a = atoms.nextSetBit(0); a >= 0; a = atoms.nextSetBit(a + 1)) {
            for (int encoded : atomCells[a]) {
                timeClassesOfCell.computeIfAbsent(encoded % spaceCells, x -> new TreeSet<>()).add(encoded / spaceCells);
            }
        }
        Map<String, List<String>> cellsByTime = new java.util.LinkedHashMap<>();
        for (Map.Entry<Integer, TreeSet<Integer>> entry : timeClassesOfCell.entrySet()) {
            TreeMap<LocalDate, TreeSet<Integer>> time = new TreeMap<>();
            for (int t : entry.getValue()) {
                for (Map.Entry<LocalDate, TreeSet<Integer>> day : timeClassCells.get(t).entrySet()) {
                    time.computeIfAbsent(day.getKey(), x -> new TreeSet<>()).addAll(day.getValue());
                }
            }
            cellsByTime.computeIfAbsent(describeTime(time), x -> new ArrayList<>())
                    .add(universe.describeCell(entry.getKey()));
        }
        StringBuilder text = new StringBuilder();
        int groups = 0;
        for (Map.Entry<String, List<String>> group : cellsByTime.entrySet()) {
            if (groups == limit) {
                text.append(" ... (").append(cellsByTime.size() - limit).append(" more groups)");
                break;
            }
            if (groups > 0) {
                text.append("; ");
            }
            text.append(group.getKey()).append(": ").append(String.join(", ", group.getValue()));
            groups++;
        }
        return text.toString();
    }

    /** Consecutive days with the same batches as one range: "2026-03-02..2026-03-08 b{0}". */
    static String describeTime(TreeMap<LocalDate, TreeSet<Integer>> time) {
        List<String> parts = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        TreeSet<Integer> batches = null;
        for (Map.Entry<LocalDate, TreeSet<Integer>> day : time.entrySet()) {
            boolean continuesRange = previous != null && previous.plusDays(1).equals(day.getKey())
                    && batches.equals(day.getValue());
            if (!continuesRange) {
                if (start != null) {
                    parts.add(range(start, previous, batches));
                }
                start = day.getKey();
                batches = day.getValue();
            }
            previous = day.getKey();
        }
        if (start != null) {
            parts.add(range(start, previous, batches));
        }
        return String.join(" + ", parts);
    }

    private static String range(LocalDate start, LocalDate end, TreeSet<Integer> batches) {
        String days = start.equals(end) ? start.toString() : start + ".." + end;
        return days + " b" + batches.toString().replace(" ", "").replace('[', '{').replace(']', '}');
    }

    /** An int[] with value equality, for hashing signatures. */
    record IntArray(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IntArray that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
