package org.geotraffic.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.geotraffic.config.Period;
import org.geotraffic.ledger.LedgerRelease;
import org.geotraffic.ledger.LedgerRun;
import org.geotraffic.ledger.ReleaseLedger;
import org.geotraffic.privacy.LinkedRelease;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.Slice;

/**
 * The driver's side of publishing next to earlier releases (issue 22): from the ledger and what the run read,
 * which days count their lines by batch, which slices each new release covers, which earlier releases each
 * (date, site) is audited against, and, from the suppress stage's outcomes, what each date becomes: a new
 * release, the live one repeated (nothing published), a withdrawal, or a refusal. Pure Java.
 *
 * <p>The policy (README, "Revisions and periods"):
 * <ul>
 *   <li>A rerun whose numbers repeat the live version (same slices, same settings) publishes nothing new.
 *   <li>A day's late input is a new batch; the revision is published only where the linked audit allows, and
 *       when its totals would have to be hidden (too few new visitors) nothing is published (exit 8).
 *   <li>A week or month is built on its days' published versions only: input a day's live version lacks is
 *       left out (filtered, counted) until the day is rerun.
 *   <li>A day may be revised after a week or month containing it was published: the revision is audited against
 *       them too (a week minus its other days is the day's part of it).
 *   <li>Every earlier release inside a new one must recompute from this run's input; otherwise refused (exit 8).
 * </ul>
 */
final class ReleasePlanner {
  /** What a processed date becomes. */
  enum DateStatus {
    /** New numbers: a new release (a first version or a revision). */
    PUBLISHED,
    /** The live version repeated: nothing is published for the date. */
    UNCHANGED,
    /**
     * The date's tables are withdrawn (an empty rerun under --allow-empty, or nothing reaches a higher threshold);
     * the ledger keeps earlier versions.
     */
    CLEARED,
    /**
     * The new version would have to hide what the live one shows, or its totals, because of earlier releases:
     * nothing is published for it, and the run is refused (exit 8).
     */
    WITHHELD,
    /** Nothing published before and nothing to publish now. */
    NOTHING
  }

  private final ReleaseLedger ledger;
  private final Period period;
  private final String windowFrom;
  private final String windowTo;
  private final String settingsId;
  private final Set<Integer> sliced;

  ReleasePlanner(ReleaseLedger ledger, Period period, String windowFrom, String windowTo, String settingsId) {
    this.ledger = ledger;
    this.period = period;
    this.windowFrom = windowFrom;
    this.windowTo = windowTo;
    this.settingsId = settingsId;
    this.sliced = daysToSlice();
  }

  /**
   * The days whose lines are counted by batch: those an earlier release overlaps (for a week or month, all its
   * days when any earlier release overlaps it). Without a window, every day the ledger covers.
   */
  private Set<Integer> daysToSlice() {
    Set<Integer> days = new TreeSet<>();
    if (ledger.isEmpty()) {
      return days;
    }
    if (windowFrom == null) {
      for (LedgerRelease r : ledger.releases()) {
        for (LocalDate d = r.start(); !d.isAfter(r.end()); d = d.plusDays(1)) {
          days.add((int) d.toEpochDay());
        }
      }
      return days;
    }
    LocalDate from = LocalDate.parse(windowFrom);
    LocalDate to = LocalDate.parse(windowTo);
    if (period != Period.DAY) {
      if (!ledger.overlapping(from, to).isEmpty()) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          days.add((int) d.toEpochDay());
        }
      }
      return days;
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (!ledger.overlapping(d, d).isEmpty()) {
        days.add((int) d.toEpochDay());
      }
    }
    return days;
  }

  Set<Integer> slicedDays() {
    return sliced;
  }

  /** The release dates (first days) that have earlier releases to be audited against. */
  Set<String> linkedDates() {
    Set<String> dates = new TreeSet<>();
    for (int day : sliced) {
      LocalDate start = period.start(LocalDate.ofEpochDay(day));
      if (!linkedReleases(start.toString()).isEmpty()) {
        dates.add(start.toString());
      }
    }
    return dates;
  }

  /** The earlier releases (every version, withdrawals aside) that share a day with the release of {@code date}. */
  List<LedgerRelease> linkedReleases(String date) {
    LocalDate start = LocalDate.parse(date);
    return ledger.overlapping(start, period.end(start)).stream().filter(r -> !r.cleared()).toList();
  }

  /**
   * The slices the release of {@code date} covers: for each of its days the batches of the day it includes
   * (all known ones; for a week or month those of the day's live version when it has one), and the day's new
   * batch when this run read lines of it.
   *
   * @param acceptedByDay accepted lines per day (all sites)
   * @param acceptedBySlice accepted lines per slice ({@code day#batch}) of the sliced days
   */
  Set<Slice> slices(String date, Map<String, Long> acceptedByDay, Map<String, Long> acceptedBySlice) {
    Set<Slice> out = new TreeSet<>();
    LocalDate start = LocalDate.parse(date);
    for (LocalDate d = start; !d.isAfter(period.end(start)); d = d.plusDays(1)) {
      String day = d.toString();
      TreeMap<Integer, LedgerRun> known = ledger.batches(d);
      if (!sliced.contains((int) d.toEpochDay())) {
        if (acceptedByDay.getOrDefault(day, 0L) > 0) {
          out.add(new Slice(day, 0)); // no earlier release covers the day: its lines are its first batch
        }
        continue;
      }
      int last = Integer.MAX_VALUE;
      if (period != Period.DAY) {
        Optional<LedgerRelease> live = ledger.live(Period.DAY, day);
        if (live.isPresent()) {
          last = live.get().slices().stream().filter(s -> s.day().equals(day)).mapToInt(Slice::batch).max().orElse(-1);
        }
      }
      for (int b : known.keySet()) {
        if (b <= last) {
          out.add(new Slice(day, b));
        }
      }
      int newBatch = known.isEmpty() ? 0 : known.lastKey() + 1;
      if (acceptedBySlice.getOrDefault(new Slice(day, newBatch).toString(), 0L) > 0) {
        out.add(new Slice(day, newBatch));
      }
    }
    return out;
  }

  /**
   * The suppress stage's context of every (date, site) that has earlier releases: its slices, those releases
   * with their rows for the site, and whether it would repeat the live version.
   *
   * @param rows every linked release's rows by site (from the ledger's copies)
   */
  Map<String, ReleaseContext> contexts(Map<LedgerRelease, Map<String, PublishedDay>> rows, Map<String, Long> acceptedByDay,
      Map<String, Long> acceptedBySlice) {
    Map<String, ReleaseContext> out = new HashMap<>();
    for (String date : linkedDates()) {
      Set<Slice> slices = slices(date, acceptedByDay, acceptedBySlice);
      List<LedgerRelease> linked = linkedReleases(date);
      Optional<LedgerRelease> live = ledger.live(period, date);
      Set<String> sites = new TreeSet<>();
      linked.forEach(r -> sites.addAll(r.sites()));
      for (String site : sites) {
        List<LinkedRelease> forSite = new ArrayList<>();
        for (LedgerRelease r : linked) {
          if (r.sites().contains(site)) {
            PublishedDay published = rows.getOrDefault(r, Map.of()).getOrDefault(site, new PublishedDay(Map.of(), Map.of()));
            forSite.add(new LinkedRelease(r.name(), new TreeSet<>(r.slices()), published));
          }
        }
        boolean sameAsLive = live.isPresent() && live.get().sites().contains(site) && new TreeSet<>(live.get().slices()).equals(slices)
            && settingsOf(live.get()).equals(settingsId);
        out.put(ReleaseContext.key(date, site), new ReleaseContext(slices, forSite, sameAsLive));
      }
    }
    return out;
  }

  /**
   * The linked dates in waves: two dates that share an earlier release (a published week holding both days) go
   * into different waves, so that the later one is audited against the earlier one's new release as well, as an
   * outsider will hold both. Dates without earlier releases share none with any date, and go with the first wave.
   */
  List<List<String>> waves() {
    List<List<String>> waves = new ArrayList<>();
    List<Set<LedgerRelease>> shared = new ArrayList<>();
    for (String date : linkedDates()) {
      Set<LedgerRelease> releases = new HashSet<>(linkedReleases(date));
      int w = 0;
      while (w < waves.size() && !java.util.Collections.disjoint(shared.get(w), releases)) {
        w++;
      }
      if (w == waves.size()) {
        waves.add(new ArrayList<>());
        shared.add(new HashSet<>());
      }
      waves.get(w).add(date);
      shared.get(w).addAll(releases);
    }
    return waves;
  }

  /** Whether the releases of two dates share an earlier release. */
  boolean shareAnEarlierRelease(String date, String other) {
    return !java.util.Collections.disjoint(new HashSet<>(linkedReleases(date)), new HashSet<>(linkedReleases(other)));
  }

  /** "day 2027-02-03 (this run)": a release of this run, as a later wave of it sees it. */
  String thisRunsRelease(String date) {
    return releaseName(date) + " (this run)";
  }

  /** The releases whose rows the ledger lists but does not have (a ledger damaged by hand), by name. */
  List<String> missingRows(Map<LedgerRelease, Map<String, PublishedDay>> rows) {
    List<String> missing = new ArrayList<>();
    Set<LedgerRelease> all = new HashSet<>();
    for (String date : linkedDates()) {
      all.addAll(linkedReleases(date));
    }
    for (LedgerRelease r : all) {
      if (!r.sites().isEmpty() && !rows.containsKey(r)) {
        missing.add(r.name());
      }
    }
    return missing;
  }

  /** Every linked release of the run (to read their rows once). */
  Collection<LedgerRelease> allLinkedReleases() {
    Set<LedgerRelease> all = new HashSet<>();
    for (String date : linkedDates()) {
      all.addAll(linkedReleases(date));
    }
    return all;
  }

  private String settingsOf(LedgerRelease r) {
    return ledger.runs().stream().filter(run -> run.runId().equals(r.runId())).findFirst().map(LedgerRun::settingsId).orElse("");
  }

  /**
   * What each processed date becomes, from its sites' outcomes: unchanged only when every site repeats the live
   * version and the sites are the same; cleared when it publishes no row but has a live version.
   */
  Map<String, DateStatus> statuses(Collection<String> dates, List<SuppressStage.Outcome> outcomes) {
    Map<String, List<SuppressStage.Outcome>> byDate = new TreeMap<>();
    outcomes.forEach(o -> byDate.computeIfAbsent(o.date(), d -> new ArrayList<>()).add(o));
    Map<String, DateStatus> out = new TreeMap<>();
    for (String date : dates) {
      List<SuppressStage.Outcome> os = byDate.getOrDefault(date, List.of());
      Optional<LedgerRelease> live = ledger.live(period, date);
      Set<String> sites = sitesWithRows(os);
      if (os.stream().anyMatch(o -> o.linked() != null && o.linked().withheld())) {
        out.put(date, DateStatus.WITHHELD);
        continue;
      }
      if (sites.isEmpty()) {
        // Nothing reaches k on its own (an empty rerun under --allow-empty, a higher threshold): withdrawing a live
        // version publishes nothing new, so it is allowed; the ledger keeps what was shown.
        out.put(date, live.isPresent() ? DateStatus.CLEARED : DateStatus.NOTHING);
        continue;
      }
      boolean unchanged = live.isPresent() && new TreeSet<>(live.get().sites()).equals(sites)
          && os.stream().filter(o -> sites.contains(o.site())).allMatch(o -> o.linked() != null && o.linked().unchanged());
      out.put(date, unchanged ? DateStatus.UNCHANGED : DateStatus.PUBLISHED);
    }
    return out;
  }

  /** Why the run must not publish, or null: checked in this order, each naming dates, never cells. */
  RunRefusal refusal(Map<String, DateStatus> statuses, List<SuppressStage.Outcome> outcomes) {
    List<String> inconsistent = new ArrayList<>();
    long mismatched = 0;
    List<String> withheld = new ArrayList<>();
    for (SuppressStage.Outcome o : outcomes) {
      if (o.linked() == null) {
        continue;
      }
      if (o.linked().mismatchedRows() > 0) {
        inconsistent.add(releaseName(o.date()) + " (site " + o.site() + ")");
        mismatched += o.linked().mismatchedRows();
      }
    }
    statuses.forEach((date, status) -> {
      if (status == DateStatus.WITHHELD) {
        withheld.add(releaseName(date));
      }
    });
    if (!inconsistent.isEmpty()) {
      return new RunRefusal(RunRefusedException.Reason.CROSS_RELEASE_INCONSISTENT, "Cannot publish: " + mismatched
          + " published row(s) of earlier releases of " + String.join(", ", inconsistent) + " do not recompute from this run's input,"
          + " so the new numbers cannot be audited against them; nothing was published. Give every file the earlier runs read (listed in "
          + ReleaseLedger.RELEASES + "/<run>.json) plus the new ones, with the same configuration and geo database; a log rewritten"
          + " in place or lines removed since cannot be republished into this output");
    }
    if (!withheld.isEmpty()) {
      return new RunRefusal(RunRefusedException.Reason.CROSS_RELEASE_WITHHELD, "Cannot publish: the "
          + String.join(", ", withheld) + " would have to hide its totals: next to what this output published before, any of its numbers"
          + " would reveal fewer than k visitors (a revision: too few visitors in the input added since the live version; a week or"
          + " month: too few visitors between it and its published days); nothing was published, the live versions stay");
    }
    return null;
  }

  /** "day 2027-02-03", "week 2027-02-01", "month 2027-02-01". */
  private String releaseName(String date) {
    return period.key() + " " + date;
  }

  /** A refusal: the reason (exit code) and the message. */
  record RunRefusal(RunRefusedException.Reason reason, String message) {}

  /** The ledger entry of this run: its input fingerprint and a release per date it publishes or clears. */
  LedgerRun ledgerRun(String runId, String publishedAt, List<org.geotraffic.ledger.FileMark> inputs, Map<String, DateStatus> statuses,
      List<SuppressStage.Outcome> outcomes, Map<String, Long> acceptedByDay, Map<String, Long> acceptedBySlice) {
    int sequence = ledger.nextSequence();
    Map<String, List<SuppressStage.Outcome>> byDate = new TreeMap<>();
    outcomes.forEach(o -> byDate.computeIfAbsent(o.date(), d -> new ArrayList<>()).add(o));
    List<LedgerRelease> releases = new ArrayList<>();
    statuses.forEach((date, status) -> {
      if (status == DateStatus.PUBLISHED) {
        releases.add(new LedgerRelease(runId, sequence, period, date, new ArrayList<>(sitesWithRows(byDate.getOrDefault(date, List.of()))),
            new ArrayList<>(slices(date, acceptedByDay, acceptedBySlice)), false));
      } else if (status == DateStatus.CLEARED) {
        releases.add(new LedgerRelease(runId, sequence, period, date, List.of(), List.of(), true));
      }
    });
    return new LedgerRun(runId, sequence, publishedAt, settingsId, inputs, releases);
  }

  private static Set<String> sitesWithRows(List<SuppressStage.Outcome> outcomes) {
    Set<String> sites = new TreeSet<>();
    for (SuppressStage.Outcome o : outcomes) {
      if (o.rowsPerTable().values().stream().mapToLong(Long::longValue).sum() > 0) {
        sites.add(o.site());
      }
    }
    return sites;
  }
}
