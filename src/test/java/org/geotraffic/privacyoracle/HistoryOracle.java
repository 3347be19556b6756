package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent attacker: judges everything published for each site, over all its releases together,
 * against the micro-data. It shares no code with {@code org.geotraffic.privacy} (JDK only).
 *
 * <p>For each site it
 * <ol>
 *   <li>checks that every published row has the numbers its meaning ({@link RowMeaning}) gives on the
 *       release's truth, and throws {@link IllegalArgumentException} if not (then the analysis below would
 *       be about other sets than the ones published);</li>
 *   <li>reports every row with fewer than k visitors, 0 included ({@link Disclosure.Kind#ROW_BELOW_K});</li>
 *   <li>runs attack (A) on the additive numbers of all the site's releases ({@link AdditiveAttack}): exact
 *       null space over atoms, every determined atom, and per component of undetermined atoms an
 *       exhaustive branch and bound over 0/1 vectors (within a node budget; beyond it structured and
 *       randomized candidates);</li>
 *   <li>runs attack (B) on visitor numbers ({@link VisitorCountAttack}): derivable visitor sets within each
 *       release, and differences between a release and every release contained in it (its days, its
 *       earlier versions), exhaustively.</li>
 * </ol>
 * (A) judges against the largest k of the site's releases; (B) against the release's k, or the larger k
 * of the two releases compared.
 *
 * <p><b>What is exhaustive.</b> Row checks, determined atoms of (A), and all of (B) (up to 2^20 choices per
 * group of units, never reached with these tables) are complete. For each component of undetermined
 * atoms, (A) is complete when its branch and bound ends within the node budget
 * ({@link AttackCoverage#componentsExhaustive()}); otherwise ({@link AttackCoverage#componentsSampled()})
 * only structured candidates (unions of atoms sharing a key over a time group, differences of nested
 * published rows) and randomized restarts are tried there. {@link AttackReport#coverage()} counts both.
 *
 * <p>Not covered (see README.md): intervals that follow from non-negativity, combinations that are not
 * 0/1 sets, differencing across sites, knowledge from outside the releases (e.g. which cells are empty,
 * which days a late file touched), and visitor-number combinations beyond (B) (e.g. TOTALS minus
 * PAGES p within one release).
 */
public final class HistoryOracle {

    /** Decisions per component before (A) falls back to candidates. */
    public static final long DEFAULT_NODE_BUDGET = 200_000;

    private final long nodeBudget;
    private final boolean describe;

    public HistoryOracle() {
        this(DEFAULT_NODE_BUDGET, true);
    }

    /**
     * @param nodeBudget decisions per component before (A) falls back to candidates
     * @param describe   false leaves {@link Disclosure#description()} empty (faster, for publishers that
     *                   only need {@link Disclosure#rows()})
     */
    public HistoryOracle(long nodeBudget, boolean describe) {
        this.nodeBudget = nodeBudget;
        this.describe = describe;
    }

    public List<Disclosure> attack(List<Event> events, List<PublishedRelease> releases) {
        return attackWithCoverage(events, releases).disclosures();
    }

    public AttackReport attackWithCoverage(List<Event> events, List<PublishedRelease> releases) {
        Map<String, List<PublishedRelease>> releasesOfSite = new LinkedHashMap<>();
        for (PublishedRelease release : releases) {
            releasesOfSite.computeIfAbsent(release.site(), s -> new ArrayList<>()).add(release);
        }
        Map<String, List<Event>> eventsOfSite = new LinkedHashMap<>();
        for (Event event : events) {
            if (releasesOfSite.containsKey(event.site())) {
                eventsOfSite.computeIfAbsent(event.site(), s -> new ArrayList<>()).add(event);
            }
        }
        List<Disclosure> disclosures = new ArrayList<>();
        AttackCoverage coverage = new AttackCoverage();
        for (Map.Entry<String, List<PublishedRelease>> site : releasesOfSite.entrySet()) {
            attackSite(site.getKey(), eventsOfSite.getOrDefault(site.getKey(), List.of()), site.getValue(),
                    disclosures, coverage);
        }
        return new AttackReport(disclosures, coverage);
    }

    private void attackSite(String site, List<Event> siteEvents, List<PublishedRelease> siteReleases,
                            List<Disclosure> out, AttackCoverage coverage) {
        Set<String> labels = new HashSet<>();
        int k = 1;
        for (PublishedRelease release : siteReleases) {
            if (!labels.add(release.label())) {
                throw new IllegalArgumentException("site " + site + " has two releases labelled " + release.label());
            }
            k = Math.max(k, release.request().k());
        }
        SiteData data = SiteData.of(site, siteEvents, siteReleases);
        SiteUniverse universe = data.universe;
        List<ReleaseCube> cubes = new ArrayList<>();
        for (PublishedRelease release : siteReleases) {
            ReleaseCube cube = ReleaseCube.of(data, release);
            cubes.add(cube);
            checkRows(site, cube, out);
        }
        AtomSpace space = AtomSpace.build(data, siteReleases, cubes);
        new AdditiveAttack(space, site, k, nodeBudget, describe).run(out, coverage);
        new VisitorCountAttack(universe, cubes, site, describe).run(out, coverage);
    }

    private static void checkRows(String site, ReleaseCube cube, List<Disclosure> out) {
        PublishedRelease release = cube.release;
        int k = release.request().k();
        for (PublishedRow row : release.rows()) {
            Measures truth = cube.measure(cube.cellsOf(row.key()), row.key().table().hasBytes());
            Measures published = row.measures();
            Measures comparable = row.key().table().hasBytes() ? published
                    : new Measures(published.visitors(), published.hits(), published.pageViews(), 0);
            if (!truth.equals(comparable)) {
                throw new IllegalArgumentException("site " + site + " " + release.label() + " publishes " + row
                        + " but its set (as the attacker reads it) has " + truth);
            }
            if (truth.visitors() < k) {
                out.add(new Disclosure(Disclosure.Kind.ROW_BELOW_K, site, truth.visitors(), k,
                        List.of(release.label()), List.of(new RowReference(release.label(), row.key())),
                        "published row " + row.key() + " has " + truth.visitors() + " visitors"));
            }
        }
    }
}
