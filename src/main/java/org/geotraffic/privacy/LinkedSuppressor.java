package org.geotraffic.privacy;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Suppression of a release against everything published before that overlaps it ({@link LinkedDay}): the
 * {@link Suppressor}'s rows for the release, then the {@link LinkedAudit}; for each thing the audit finds,
 * one more key is hidden, and both run again, until nothing is found. Hiding everything is always safe, so
 * this ends; a release whose totals end up hidden publishes nothing.
 *
 * <p>Which key a finding hides: its own row's key (a country, region, page or page_countries cell); for a
 * residual row ("(other)", "(other pages)") whose rest is too small, the smallest published sibling, so
 * that the rest grows; for a derived page_countries position, the smallest published cell of its page (or
 * its country); when nothing smaller is left, the parent. Deterministic. Pure Java; stateless.
 */
public final class LinkedSuppressor {
  private final SuppressionPolicy policy;

  public LinkedSuppressor(SuppressionPolicy policy) {
    this.policy = policy;
  }

  /** The rows to publish, and the audit's findings on them (empty when it passed). */
  public record Result(PublishedDay published, List<LinkedAudit.Finding> findings, int rounds) {
    /** Nothing of the release is published (its totals are hidden). */
    public boolean withheld() {
      return published.rows(Table.TOTALS).isEmpty();
    }
  }

  public Result suppress(LinkedDay day) {
    return suppress(day, null);
  }

  /**
   * {@link #suppress(LinkedDay)}, given what the {@link Suppressor} publishes of {@code day.truth()} with nothing
   * hidden ({@code alone}, null when not at hand): that is the first round's candidate, so it is not made again.
   */
  public Result suppress(LinkedDay day, PublishedDay alone) {
    Suppressor suppressor = new Suppressor(policy);
    Suppressor.Prepared truth = new Suppressor.Prepared(day.truth()); // the same day in every round
    Hidden hidden = new Hidden();
    int rounds = 0;
    // One audit for every round: only the candidate changes between rounds (LinkedAudit#of says what that saves).
    LinkedAudit audit = day.linked().isEmpty() ? null : LinkedAudit.of(day, policy);
    while (true) {
      rounds++;
      PublishedDay candidate = rounds == 1 && alone != null ? alone : suppressor.suppress(truth, hidden.toHidden());
      List<LinkedAudit.Finding> findings = audit == null ? List.of() : audit.attack(candidate);
      if (findings.isEmpty()) {
        return new Result(candidate, findings, rounds);
      }
      boolean changed = false;
      for (LinkedAudit.Finding f : findings) {
        changed |= hidden.hideFor(f, candidate);
      }
      if (!changed) {
        // Every key a finding points at is hidden already: only the totals are left to hide.
        if (hidden.totals) {
          return new Result(candidate, findings, rounds);
        }
        hidden.totals = true;
      }
    }
  }

  /** The keys hidden so far. */
  private static final class Hidden {
    boolean totals;
    final Set<String> countries = new HashSet<>();
    final Set<String> regions = new HashSet<>();
    final Set<String> pages = new HashSet<>();
    final Set<String> pageCountries = new HashSet<>();

    Suppressor.Hidden toHidden() {
      return new Suppressor.Hidden(totals, countries, regions, pages, pageCountries);
    }

    /** Hides one more key for the finding; false when there is nothing new to hide for it. */
    boolean hideFor(LinkedAudit.Finding f, PublishedDay candidate) {
      PublishedRow r = f.row();
      if (r == null) {
        return hideForPosition(f.keys(), candidate);
      }
      switch (f.table()) {
        case TOTALS -> {
          boolean was = totals;
          totals = true;
          return !was;
        }
        case COUNTRIES -> {
          if (!PublishedRow.OTHER.equals(r.country())) {
            return countries.add(r.country());
          }
          return smallest(candidate.rows(Table.COUNTRIES), x -> !PublishedRow.OTHER.equals(x.country()), x -> countries.add(x.country()))
              || setTotals();
        }
        case REGIONS -> {
          if (!PublishedRow.OTHER.equals(r.region())) {
            return regions.add(Suppressor.Hidden.pair(r.country(), r.region()));
          }
          return smallest(candidate.rows(Table.REGIONS), x -> r.country().equals(x.country()) && !PublishedRow.OTHER.equals(x.region()),
              x -> regions.add(Suppressor.Hidden.pair(x.country(), x.region()))) || countries.add(r.country());
        }
        case PAGES -> {
          if (!PublishedRow.OTHER.equals(r.page())) {
            return pages.add(r.page());
          }
          return smallest(candidate.rows(Table.PAGES), x -> !PublishedRow.OTHER.equals(x.page()), x -> pages.add(x.page())) || setTotals();
        }
        case PAGE_COUNTRIES -> {
          if (r.isOtherPages()) {
            return smallest(candidate.rows(Table.PAGE_COUNTRIES), x -> r.country().equals(x.country()) && !x.isOtherPages(),
                x -> pageCountries.add(Suppressor.Hidden.pair(x.page(), x.country()))) || countries.add(r.country());
          }
          if (PublishedRow.OTHER.equals(r.country())) {
            return smallest(candidate.rows(Table.PAGE_COUNTRIES), x -> r.page().equals(x.page()) && !PublishedRow.OTHER.equals(x.country()),
                x -> pageCountries.add(Suppressor.Hidden.pair(x.page(), x.country()))) || pages.add(r.page());
          }
          return pageCountries.add(Suppressor.Hidden.pair(r.page(), r.country()));
        }
        default -> throw new IllegalStateException("Cannot hide a row of table " + f.table());
      }
    }

    /**
     * A set N's rows determine without publishing it (a page_countries position, a union or difference of a
     * group's rows): hide N's smallest published row inside it, else apply the page_countries rule.
     */
    private boolean hideForPosition(KeySet k, PublishedDay candidate) {
      ReleaseBlocks blocks = new ReleaseBlocks(candidate);
      java.util.List<ReleaseBlocks.Block> inside = new java.util.ArrayList<>(blocks.within(k));
      inside.removeIf(b -> b.table() == Table.TOTALS);
      inside.sort(Comparator.comparingLong((ReleaseBlocks.Block b) -> b.row().measures().visitors())
          .thenComparing(b -> String.valueOf(b.row().country()) + "\u0000" + b.row().region() + "\u0000" + b.row().page()));
      for (ReleaseBlocks.Block b : inside) {
        if (hideFor(new LinkedAudit.Finding(b.keys(), b.table(), b.row(), "inside a derived set", 0), candidate)) {
          return true;
        }
      }
      return hidePagePosition(k, candidate);
    }

    private boolean hidePagePosition(KeySet k, PublishedDay candidate) {
      if (k.side() != KeySet.Side.PAGE) {
        return false;
      }
      String page = k.first().kind() == KeySet.Cond.Kind.ONE ? k.first().value() : null;
      String country = k.second().kind() == KeySet.Cond.Kind.ONE ? k.second().value() : null;
      if (page != null && smallest(candidate.rows(Table.PAGE_COUNTRIES), x -> page.equals(x.page()) && !PublishedRow.OTHER.equals(x.country())
          && !x.isOtherPages(), x -> pageCountries.add(Suppressor.Hidden.pair(x.page(), x.country())))) {
        return true;
      }
      if (country != null && smallest(candidate.rows(Table.PAGE_COUNTRIES), x -> country.equals(x.country()) && !x.isOtherPages(),
          x -> pageCountries.add(Suppressor.Hidden.pair(x.page(), x.country())))) {
        return true;
      }
      if (page != null && pages.add(page)) {
        return true;
      }
      return country != null && countries.add(country);
    }

    private boolean setTotals() {
      boolean was = totals;
      totals = true;
      return !was;
    }

    /** Applies {@code hide} to the published row with the fewest visitors (then hits, then keys) that passes {@code which}. */
    private static boolean smallest(List<PublishedRow> rows, java.util.function.Predicate<PublishedRow> which,
        java.util.function.Predicate<PublishedRow> hide) {
      return rows.stream().filter(which)
          .sorted(Comparator.comparingLong((PublishedRow x) -> x.measures().visitors()).thenComparingLong(x -> x.measures().hits())
              .thenComparing(x -> String.valueOf(x.country()) + "\u0000" + x.region() + "\u0000" + x.page()))
          .anyMatch(hide);
    }
  }
}
