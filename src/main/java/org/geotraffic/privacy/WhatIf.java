package org.geotraffic.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What suppression would cost for other values of k: for each k and table, the cells published and
 * hidden and the share of visitors, page views and hits that end in "(other)" or disappear; and a
 * suggested k where the loss curve flattens. Pure Java; the CLI wires it to aggregated days.
 *
 * <p>Each k is applied to every table (per-table overrides of the base policy are dropped, so the
 * curve compares like with like); min-hits is kept from the base policy. Shares are sums over all
 * days: lost / candidate, where lost sums the hidden cells (for visitors: their visitor counts,
 * which double count visitors across pages, as does the candidate sum).
 *
 * <p><b>Suggested k</b> (knee by the chord): the loss curve is the mean over the five tables of the
 * hits share lost. Both axes are scaled to [0, 1]; the suggested k is the point highest above the
 * straight line from the first to the last point, i.e. where the curve bends from steep to flat.
 * With fewer than three k values, or when no point lies above the line (loss keeps accelerating or
 * is linear), it is the smallest k: raising k there buys no cheaper protection.
 */
public final class WhatIf {
  /** One table at one k. Shares are fractions in [0, 1]. */
  public record TableLoss(Table table, long cellsPublished, long cellsHidden,
      double visitorsLost, double pageviewsLost, double hitsLost) {}

  /** All tables at one k; {@code loss} is the curve value (mean hits share lost). */
  public record Point(int k, List<TableLoss> tables, double loss) {
    public Point {
      tables = List.copyOf(tables);
    }
  }

  /** The whole what-if. */
  public record Result(List<Point> points, int suggestedK) {
    public Result {
      points = List.copyOf(points);
    }
  }

  private WhatIf() {}

  public static Result run(List<Integer> ks, Collection<UnsuppressedDay> days, SuppressionPolicy base) {
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("Cannot run what-if: no k values given");
    }
    List<Point> points = new ArrayList<>();
    for (int k : ks.stream().sorted().distinct().toList()) {
      SuppressionPolicy policy = new SuppressionPolicy(k, Map.of(), base.minHits());
      Suppressor suppressor = new Suppressor(policy);
      Map<Table, TableStats> stats = new EnumMap<>(Table.class);
      Map<Table, Measures> candidates = new EnumMap<>(Table.class);
      for (Table t : Table.values()) {
        stats.put(t, TableStats.EMPTY);
        candidates.put(t, Measures.ZERO);
      }
      for (UnsuppressedDay day : days) {
        suppressor.suppress(day).stats().forEach((t, s) -> stats.merge(t, s, TableStats::plus));
        candidateSums(day).forEach((t, m) -> candidates.merge(t, m, Measures::plus));
      }
      List<TableLoss> losses = new ArrayList<>();
      double sum = 0;
      for (Table t : Table.values()) {
        TableStats s = stats.get(t);
        Measures c = candidates.get(t);
        TableLoss l = new TableLoss(t, s.candidateCells() - s.hiddenCells(), s.hiddenCells(),
            share(s.lost().visitors(), c.visitors()), share(s.lost().pageviews(), c.pageviews()),
            share(s.lost().hits(), c.hits()));
        losses.add(l);
        sum += l.hitsLost();
      }
      points.add(new Point(k, losses, sum / Table.values().length));
    }
    return new Result(points, suggestedK(points));
  }

  /** The knee by the chord; see the class comment. */
  static int suggestedK(List<Point> points) {
    int n = points.size();
    int first = points.get(0).k();
    if (n < 3) {
      return first;
    }
    double k0 = first;
    double k1 = points.get(n - 1).k();
    double l0 = points.get(0).loss();
    double l1 = points.get(n - 1).loss();
    double lmin = Double.MAX_VALUE;
    double lmax = -Double.MAX_VALUE;
    for (Point p : points) {
      lmin = Math.min(lmin, p.loss());
      lmax = Math.max(lmax, p.loss());
    }
    if (lmax - lmin <= 0 || k1 == k0) {
      return first;
    }
    int best = first;
    double bestGap = 1e-12;
    for (Point p : points) {
      double x = (p.k() - k0) / (k1 - k0);
      double y = (p.loss() - lmin) / (lmax - lmin);
      double chord = ((l0 - lmin) + x * (l1 - l0)) / (lmax - lmin);
      double gap = y - chord;
      if (gap > bestGap) {
        bestGap = gap;
        best = p.k();
      }
    }
    return best;
  }

  private static double share(long lost, long total) {
    return total == 0 ? 0 : (double) lost / total;
  }

  private static Map<Table, Measures> candidateSums(UnsuppressedDay day) {
    Map<Table, Measures> out = new EnumMap<>(Table.class);
    out.put(Table.TOTALS, day.totals());
    out.put(Table.COUNTRIES, sum(day.countries()));
    Measures regions = Measures.ZERO;
    for (ChildGroup g : day.regionsByCountry().values()) {
      regions = regions.plus(sum(g));
    }
    out.put(Table.REGIONS, regions);
    out.put(Table.PAGES, sum(day.pages()));
    Measures pc = Measures.ZERO;
    for (ChildGroup g : day.countriesByPage().values()) {
      pc = pc.plus(sum(g));
    }
    out.put(Table.PAGE_COUNTRIES, pc);
    return out;
  }

  private static Measures sum(ChildGroup g) {
    Measures m = Measures.ZERO;
    for (Cell c : g.children()) {
      m = m.plus(c.measures());
    }
    return m;
  }

  /** A fixed-width console table, one line per (k, table), and the suggestion. */
  public static String formatTable(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%5s  %-15s %10s %10s %9s %9s %9s%n",
        "k", "table", "published", "hidden", "visitors", "pageviews", "hits"));
    for (Point p : r.points()) {
      for (TableLoss l : p.tables()) {
        b.append(String.format(Locale.ROOT, "%5d  %-15s %10d %10d %8.1f%% %8.1f%% %8.1f%%%n",
            p.k(), l.table().tableName(), l.cellsPublished(), l.cellsHidden(),
            100 * l.visitorsLost(), 100 * l.pageviewsLost(), 100 * l.hitsLost()));
      }
    }
    b.append("shares are lost to \"(other)\" or hidden; suggested k = ").append(r.suggestedK()).append('\n');
    return b.toString();
  }

  /** The result as JSON (built by hand: stable key order, no dependency). */
  public static String toJson(Result r) {
    StringBuilder b = new StringBuilder("{\"suggestedK\":").append(r.suggestedK()).append(",\"points\":[");
    for (int i = 0; i < r.points().size(); i++) {
      Point p = r.points().get(i);
      b.append(i == 0 ? "" : ",").append("{\"k\":").append(p.k()).append(",\"loss\":").append(num(p.loss()))
          .append(",\"tables\":[");
      for (int j = 0; j < p.tables().size(); j++) {
        TableLoss l = p.tables().get(j);
        b.append(j == 0 ? "" : ",")
            .append("{\"table\":\"").append(l.table().tableName()).append('"')
            .append(",\"cellsPublished\":").append(l.cellsPublished())
            .append(",\"cellsHidden\":").append(l.cellsHidden())
            .append(",\"visitorsLost\":").append(num(l.visitorsLost()))
            .append(",\"pageviewsLost\":").append(num(l.pageviewsLost()))
            .append(",\"hitsLost\":").append(num(l.hitsLost()))
            .append('}');
      }
      b.append("]}");
    }
    return b.append("]}").toString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }
}
