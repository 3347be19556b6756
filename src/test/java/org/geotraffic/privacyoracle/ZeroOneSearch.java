package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Looks for a 0/1 vector x over the atoms of one component that lies in the row space (x is orthogonal to
 * every null vector of the component, exactly, over the integers) and whose events have between 1 and
 * k-1 distinct visitors.
 *
 * <p>Branch and bound. The null vectors come in reduced echelon form: each has one <em>free</em> atom
 * that no other null vector contains, so once the other (pivot) atoms are set, propagation sets every free
 * atom. The search therefore branches only on pivot atoms: those with 1..k-1 visitors first (tried "in"
 * before "out"), then those without visitors (empty cells or bots only, tried "out" first). Atoms with k or
 * more visitors are fixed to 0 (a set containing one has k or more visitors). After each choice the
 * constraints propagate: for each null vector the reachable range of its dot product must contain 0, and
 * an atom whose value that forces is set. A branch is cut as soon as the atoms in the set have k distinct
 * visitors (visitors only grow), or when every atom with visitors is decided and none is in.
 *
 * <p>When the search ends without running out of its node budget it is <em>exhaustive</em>: no 0/1 vector
 * of this component describes 1..k-1 visitors. The budget counts decisions, not propagations.
 */
final class ZeroOneSearch {

    enum Status { FOUND, NONE, BUDGET }

    record Result(Status status, int[] atomsIn, int visitors, long nodes) {
    }

    private final int[] atoms;
    private final int n;
    private final int k;
    private final int[][] localVisitors;
    private final boolean[] light;
    private final boolean[] heavy;
    /** Free columns of the null basis: each is fixed by the others through its own null vector. */
    private final boolean[] free;
    private final int[][] constraintVars;
    private final long[][] constraintCoefficients;
    private final long[] constraintMaxAbs;
    private final int[][] varConstraints;
    private final long[][] varCoefficients;

    private int[] value;
    private long[] sum;
    private long[] positive;
    private long[] negative;
    private int[] visitorCount;
    private int distinct;
    private int unassignedLight;
    private int[] trail;
    private int trailSize;
    private int[] queue;
    private int queueSize;
    private boolean[] queued;
    private long nodes;
    private long budget;
    private boolean outOfBudget;

    /**
     * @param atoms         the component's atoms (global numbers)
     * @param atomVisitors  per global atom, its sorted visitor numbers
     * @param nullVectors   the component's null vectors: supports (global atoms) and integer coefficients
     */
    ZeroOneSearch(int[] atoms, int[][] atomVisitors, List<int[]> nullSupports, List<long[]> nullCoefficients,
                  int[] freeAtoms, int k) {
        this.atoms = atoms;
        this.n = atoms.length;
        this.k = k;
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < n; i++) {
            local.put(atoms[i], i);
        }
        Map<Integer, Integer> visitorLocal = new HashMap<>();
        this.localVisitors = new int[n][];
        this.light = new boolean[n];
        this.heavy = new boolean[n];
        for (int i = 0; i < n; i++) {
            int[] visitors = atomVisitors[atoms[i]];
            heavy[i] = visitors.length >= k;
            light[i] = visitors.length > 0 && !heavy[i];
            localVisitors[i] = new int[light[i] ? visitors.length : 0];
            if (light[i]) {
                for (int j = 0; j < visitors.length; j++) {
                    localVisitors[i][j] = visitorLocal.computeIfAbsent(visitors[j], x -> visitorLocal.size());
                }
            }
        }
        this.visitorCount = new int[visitorLocal.size()];
        this.free = new boolean[n];
        for (int atom : freeAtoms) {
            Integer var = local.get(atom);
            if (var != null) {
                free[var] = true;
            }
        }
        int m = nullSupports.size();
        this.constraintVars = new int[m][];
        this.constraintCoefficients = new long[m][];
        this.constraintMaxAbs = new long[m];
        int[] degree = new int[n];
        for (int c = 0; c < m; c++) {
            int[] support = nullSupports.get(c);
            constraintVars[c] = new int[support.length];
            constraintCoefficients[c] = nullCoefficients.get(c).clone();
            for (int j = 0; j < support.length; j++) {
                Integer var = local.get(support[j]);
                if (var == null) {
                    throw new IllegalArgumentException("null vector leaves the component at atom " + support[j]);
                }
                constraintVars[c][j] = var;
                degree[var]++;
                constraintMaxAbs[c] = Math.max(constraintMaxAbs[c], Math.abs(constraintCoefficients[c][j]));
            }
        }
        this.varConstraints = new int[n][];
        this.varCoefficients = new long[n][];
        for (int i = 0; i < n; i++) {
            varConstraints[i] = new int[degree[i]];
            varCoefficients[i] = new long[degree[i]];
            degree[i] = 0;
        }
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < constraintVars[c].length; j++) {
                int var = constraintVars[c][j];
                varConstraints[var][degree[var]] = c;
                varCoefficients[var][degree[var]] = constraintCoefficients[c][j];
                degree[var]++;
            }
        }
    }

    boolean hasContent() {
        for (boolean l : light) {
            if (l) {
                return true;
            }
        }
        return false;
    }

    /** Deterministic search: content atoms by constraint degree. */
    Result search(long nodeBudget) {
        return search(nodeBudget, null);
    }

    /** With {@code random}, the order within the content atoms and within the empty atoms is shuffled. */
    Result search(long nodeBudget, Random random) {
        int m = constraintVars.length;
        value = new int[n];
        Arrays.fill(value, -1);
        sum = new long[m];
        positive = new long[m];
        negative = new long[m];
        for (int c = 0; c < m; c++) {
            for (long a : constraintCoefficients[c]) {
                if (a > 0) {
                    positive[c] += a;
                } else {
                    negative[c] += a;
                }
            }
        }
        Arrays.fill(visitorCount, 0);
        distinct = 0;
        trail = new int[n];
        trailSize = 0;
        queue = new int[m];
        queued = new boolean[m];
        nodes = 0;
        outOfBudget = false;

        List<Integer> lightVars = new ArrayList<>();
        List<Integer> zeroVars = new ArrayList<>();
        List<Integer> forcedVars = new ArrayList<>();
        unassignedLight = 0;
        for (int i = 0; i < n; i++) {
            if (light[i]) {
                unassignedLight++;
            }
            if (heavy[i]) {
                continue;
            }
            if (free[i]) {
                forcedVars.add(i);
            } else if (light[i]) {
                lightVars.add(i);
            } else {
                zeroVars.add(i);
            }
        }
        if (unassignedLight == 0) {
            return new Result(Status.NONE, new int[0], 0, 0);
        }
        if (random == null) {
            List<Integer> pivots = constraintClosingOrder(lightVars, zeroVars);
            lightVars = pivots;
            zeroVars = List.of();
        } else {
            java.util.Collections.shuffle(lightVars, random);
            java.util.Collections.shuffle(zeroVars, random);
        }
        int[] order = new int[lightVars.size() + zeroVars.size() + forcedVars.size()];
        int position = 0;
        for (List<Integer> group : List.of(lightVars, zeroVars, forcedVars)) {
            for (int var : group) {
                order[position++] = var;
            }
        }
        for (int i = 0; i < n; i++) {
            if (heavy[i] && value[i] < 0 && !assign(i, 0)) {
                return new Result(Status.NONE, new int[0], 0, 0);
            }
        }
        if (!propagateAll()) {
            return new Result(Status.NONE, new int[0], 0, 0);
        }
        // One sub-search per atom with visitors: "it is in, the ones tried before are out". Together they
        // cover every set with visitors; each starts with strong propagation and has its own share of the
        // budget, so one hard sub-search cannot hide an easy disclosure elsewhere. Sub-searches that run out
        // of their share are retried with eight times the share, until all finish or 3x the budget is used.
        List<Integer> firsts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (light[i]) {
                firsts.add(i);
            }
        }
        if (random != null) {
            java.util.Collections.shuffle(firsts, random);
        }
        long share = Math.max(MIN_SUBSEARCH_BUDGET, nodeBudget / firsts.size());
        int base = trailSize;
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            int first = firsts.get(i);
            if (value[first] < 0) {
                if (subSearch(first, order, share, random)) {
                    return found();
                }
                if (outOfBudget) {
                    pending.add(i);
                }
            }
            if (value[first] < 0 && (!assign(first, 0) || !propagateAll())) {
                break;
            }
        }
        undo(base);
        while (!pending.isEmpty() && nodes < 3 * nodeBudget) {
            share *= 8;
            List<Integer> stillPending = new ArrayList<>();
            for (int i : pending) {
                boolean feasible = true;
                for (int j = 0; j < i && feasible; j++) {
                    int earlier = firsts.get(j);
                    feasible = value[earlier] == 0 || value[earlier] < 0 && assign(earlier, 0) && propagateAll();
                }
                if (feasible && value[firsts.get(i)] < 0) {
                    if (subSearch(firsts.get(i), order, share, random)) {
                        return found();
                    }
                    if (outOfBudget) {
                        stillPending.add(i);
                    }
                }
                undo(base);
            }
            pending = stillPending;
        }
        return new Result(pending.isEmpty() ? Status.NONE : Status.BUDGET, new int[0], 0, nodes);
    }

    /** Puts {@code first} in and searches the rest within {@code share} more decisions; undoes on failure. */
    private boolean subSearch(int first, int[] order, long share, Random random) {
        int mark = trailSize;
        budget = nodes + share;
        outOfBudget = false;
        if (assign(first, 1) && propagateAll() && dfs(order, 0, random)) {
            return true;
        }
        undo(mark);
        return false;
    }

    private Result found() {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (value[i] == 1) {
                in.add(atoms[i]);
            }
        }
        return new Result(Status.FOUND, in.stream().mapToInt(Integer::intValue).toArray(), distinct, nodes);
    }

    /** Every sub-search may use at least this many decisions, however many atoms have visitors. */
    private static final long MIN_SUBSEARCH_BUDGET = 2_000;

    /**
     * Pivot atoms in an order that completes null vectors early: repeatedly the null vector with the fewest
     * pivot atoms not yet ordered, its atoms (those with visitors first). A completed null vector fixes its
     * free atom, which must come out 0 or 1: the earlier that check happens, the smaller the tree.
     */
    private List<Integer> constraintClosingOrder(List<Integer> lightVars, List<Integer> zeroVars) {
        boolean[] isPivot = new boolean[n];
        lightVars.forEach(v -> isPivot[v] = true);
        zeroVars.forEach(v -> isPivot[v] = true);
        int m = constraintVars.length;
        int[] open = new int[m];
        java.util.PriorityQueue<long[]> queue = new java.util.PriorityQueue<>((a, b) -> a[0] != b[0]
                ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int c = 0; c < m; c++) {
            for (int var : constraintVars[c]) {
                open[c] += isPivot[var] ? 1 : 0;
            }
            if (open[c] > 0) {
                queue.add(new long[]{open[c], c});
            }
        }
        boolean[] placed = new boolean[n];
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int c = (int) top[1];
            if (open[c] == 0 || open[c] != top[0]) {
                continue;
            }
            List<Integer> vars = new ArrayList<>();
            for (int var : constraintVars[c]) {
                if (isPivot[var] && !placed[var]) {
                    vars.add(var);
                }
            }
            vars.sort((a, b) -> Boolean.compare(!light[a], !light[b]));
            for (int var : vars) {
                placed[var] = true;
                order.add(var);
                for (int other : varConstraints[var]) {
                    if (--open[other] > 0) {
                        queue.add(new long[]{open[other], other});
                    }
                }
            }
        }
        for (List<Integer> group : List.of(lightVars, zeroVars)) {
            for (int var : group) {
                if (!placed[var]) {
                    placed[var] = true;
                    order.add(var);
                }
            }
        }
        return order;
    }

    private boolean dfs(int[] order, int position, Random random) {
        while (position < order.length && value[order[position]] >= 0) {
            position++;
        }
        if (unassignedLight == 0 && distinct == 0) {
            return false;
        }
        if (position == order.length) {
            return true;
        }
        if (++nodes > budget) {
            outOfBudget = true;
            return false;
        }
        int var = order[position];
        int first = light[var] ? 1 : 0;
        if (random != null && !light[var] && random.nextBoolean()) {
            first = 1;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            int choice = attempt == 0 ? first : 1 - first;
            int mark = trailSize;
            if (assign(var, choice) && propagateAll()) {
                if (dfs(order, position + 1, random)) {
                    return true;
                }
            }
            undo(mark);
            if (outOfBudget) {
                return false;
            }
        }
        return false;
    }

    /** Sets a variable and queues its constraints; false on a visitor overflow (state still consistent). */
    private boolean assign(int var, int val) {
        value[var] = val;
        if (light[var]) {
            unassignedLight--;
        }
        trail[trailSize++] = var;
        int[] cons = varConstraints[var];
        long[] coefs = varCoefficients[var];
        for (int j = 0; j < cons.length; j++) {
            int c = cons[j];
            long a = coefs[j];
            if (a > 0) {
                positive[c] -= a;
            } else {
                negative[c] -= a;
            }
            if (val == 1) {
                sum[c] += a;
            }
            if (!queued[c]) {
                queued[c] = true;
                queue[queueSize++] = c;
            }
        }
        if (val == 1 && light[var]) {
            for (int visitor : localVisitors[var]) {
                if (visitorCount[visitor]++ == 0) {
                    distinct++;
                }
            }
            return distinct < k;
        }
        return true;
    }

    private boolean propagateAll() {
        boolean ok = true;
        while (queueSize > 0 && ok) {
            int c = queue[--queueSize];
            queued[c] = false;
            ok = propagate(c);
        }
        while (queueSize > 0) {
            queued[queue[--queueSize]] = false;
        }
        return ok;
    }

    private boolean propagate(int c) {
        long low = sum[c] + negative[c];
        long high = sum[c] + positive[c];
        if (low > 0 || high < 0) {
            return false;
        }
        long maxAbs = constraintMaxAbs[c];
        if (low + maxAbs <= 0 && high - maxAbs >= 0) {
            return true;
        }
        int[] vars = constraintVars[c];
        long[] coefs = constraintCoefficients[c];
        for (int j = 0; j < vars.length; j++) {
            int var = vars[j];
            if (value[var] >= 0) {
                continue;
            }
            long a = coefs[j];
            low = sum[c] + negative[c];
            high = sum[c] + positive[c];
            boolean mustBeZero;
            boolean mustBeOne;
            if (a > 0) {
                mustBeZero = low + a > 0;
                mustBeOne = high - a < 0;
            } else {
                mustBeZero = high + a < 0;
                mustBeOne = low - a > 0;
            }
            if (mustBeZero && mustBeOne) {
                return false;
            }
            if (mustBeZero || mustBeOne) {
                if (!assign(var, mustBeOne ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void undo(int mark) {
        while (trailSize > mark) {
            int var = trail[--trailSize];
            int val = value[var];
            int[] cons = varConstraints[var];
            long[] coefs = varCoefficients[var];
            for (int j = 0; j < cons.length; j++) {
                int c = cons[j];
                long a = coefs[j];
                if (a > 0) {
                    positive[c] += a;
                } else {
                    negative[c] += a;
                }
                if (val == 1) {
                    sum[c] -= a;
                }
            }
            if (val == 1 && light[var]) {
                for (int visitor : localVisitors[var]) {
                    if (--visitorCount[visitor] == 0) {
                        distinct--;
                    }
                }
            }
            if (light[var]) {
                unassignedLight++;
            }
            value[var] = -1;
        }
    }
}
