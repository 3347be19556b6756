package org.geotraffic.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;

/**
 * Everything the report shows, for one site and a range of periods (days, ISO weeks or calendar months, each
 * named by its first day), computed from published rows only. Pure Java, no Spark; immutable.
 *
 * <p>Visitors are distinct per period in the published tables. Over several days the lines' sums count a
 * person once per day they came ("daily visitors, summed"); no figure here claims distinct visitors over a
 * range of days. For weeks and months the report shows each period on its own ({@link #byPeriod}), so
 * every visitors figure it shows is distinct over one week or month; the lines over the whole range serve
 * only their per-period values (the trend).
 *
 * @param period what one date of the report covers
 * @param dates the report's periods by first day, sorted: every one a run of this period processed in the
 *     range, and every one with rows
 * @param days per date: the run that published it and its thresholds
 * @param total the site's totals; its daily values are the trend chart
 * @param countries countries, most visitors first, "other", "unknown" and "internal" last
 * @param regions regions by country code, same order
 * @param pages the published pages with page views, most page views first, the residual "(other)" last ({@link TopPages})
 * @param assets the published paths without page views (static assets and other requests), most hits first
 * @param pageCountries pages by country code (from page_countries), ranked as {@code pages}
 * @param assetCountries assets by country code (from page_countries), ranked as {@code assets}
 * @param byPeriod for weeks and months, the report of each date on its own (in date order); empty for days
 */
public record ReportData(String site, Period period, List<String> dates, List<Day> days, ReportLine total, List<ReportLine> countries,
    Map<String, List<ReportLine>> regions, List<ReportLine> pages, List<ReportLine> assets,
    Map<String, List<ReportLine>> pageCountries, Map<String, List<ReportLine>> assetCountries, List<RunSummaries.Run> runs,
    List<ReportData> byPeriod) {

  /** One day of the report: which run published it, k by table. */
  public record Day(String date, String runId, Map<Table, Integer> k) {
    public Day {
      k = new EnumMap<>(k);
    }

    public int k(Table table) {
      return k.get(table);
    }
  }

  public ReportData {
    dates = List.copyOf(dates);
    days = List.copyOf(days);
    countries = List.copyOf(countries);
    regions = copy(regions);
    pages = List.copyOf(pages);
    assets = List.copyOf(assets);
    pageCountries = copy(pageCountries);
    assetCountries = copy(assetCountries);
    runs = List.copyOf(runs);
    byPeriod = List.copyOf(byPeriod);
  }

  /** Most visitors first; the buckets after the places; then by code, so the order is stable. */
  static final Comparator<ReportLine> ORDER = Comparator.comparing(ReportLine::isBucket)
      .thenComparing(Comparator.comparingLong(ReportLine::visitors).reversed())
      .thenComparing(ReportLine::code);

  /**
   * Builds the report of {@code site} from its published rows.
   *
   * @param period what the rows' dates name: days, or the first days of weeks or months
   * @param rows published rows of this period in the range (other sites' rows are ignored)
   * @param processedDates first days of the periods the runs of this period processed in the range; those with rows are added
   */
  public static ReportData build(String site, Period period, Collection<PublishedRecord> rows, Collection<String> processedDates,
      RunSummaries runs) {
    List<PublishedRecord> mine = rows.stream().filter(r -> r.site().equals(site)).toList();
    TreeSet<String> dateSet = new TreeSet<>(processedDates);
    mine.forEach(r -> dateSet.add(r.date()));
    List<ReportData> byPeriod = new ArrayList<>();
    if (period != Period.DAY) {
      for (String date : dateSet) {
        byPeriod.add(assemble(site, period, List.of(date), mine.stream().filter(r -> r.date().equals(date)).toList(), runs,
            List.of()));
      }
    }
    return assemble(site, period, List.copyOf(dateSet), mine, runs, byPeriod);
  }

  private static ReportData assemble(String site, Period period, List<String> dates, List<PublishedRecord> rows, RunSummaries runs,
      List<ReportData> byPeriod) {
    Map<Table, List<PublishedRecord>> byTable = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      byTable.put(t, new ArrayList<>());
    }
    rows.forEach(r -> byTable.get(r.table()).add(r));
    List<Day> days = new ArrayList<>();
    for (String d : dates) {
      RunSummaries.Run run = runs.publisherOf(period, d);
      Map<Table, Integer> k = new EnumMap<>(Table.class);
      for (Table t : Table.values()) {
        k.put(t, run.k(t));
      }
      days.add(new Day(d, run.runId(), k));
    }
    Lines lines = new Lines(dates, days);

    ReportLine total = lines.group(byTable.get(Table.TOTALS), Table.TOTALS, r -> "", r -> null, null).get(0);
    List<ReportLine> countries = lines.group(byTable.get(Table.COUNTRIES), Table.COUNTRIES, PublishedRecord::country, r -> null,
        p -> total.visitors());
    Map<String, Long> countryVisitors = visitorsByCode(countries);
    List<ReportLine> regionLines = lines.group(byTable.get(Table.REGIONS), Table.REGIONS, PublishedRecord::region,
        PublishedRecord::country, countryVisitors::get);
    List<ReportLine> pages = lines.group(byTable.get(Table.PAGES), Table.PAGES, PublishedRecord::page, r -> null,
        p -> total.visitors());
    List<ReportLine> pageCountryLines = lines.group(byTable.get(Table.PAGE_COUNTRIES), Table.PAGE_COUNTRIES, PublishedRecord::page,
        PublishedRecord::country, c -> null);
    // A page-in-country's share is of its country's visitors: what fraction of the visitors from that
    // country saw this page.
    List<ReportLine> withShare = new ArrayList<>();
    for (ReportLine l : pageCountryLines) {
      Long parent = countryVisitors.get(l.parent());
      withShare.add(new ReportLine(l.kind(), l.code(), l.label(), l.parent(), l.visitors(), l.pageviews(), l.hits(), l.bytes(),
          share(l.visitors(), parent), l.daysPublished(), l.daysFewer(), l.kFewer(), l.daily()));
    }
    TopPages topPages = TopPages.of(pages);
    Map<String, List<ReportLine>> pageCountries = new TreeMap<>();
    Map<String, List<ReportLine>> assetCountries = new TreeMap<>();
    splitPages(byParent(withShare), pageCountries, assetCountries);
    return new ReportData(site, period, dates, days, total, countries, byParent(regionLines), topPages.pages(), topPages.assets(),
        pageCountries, assetCountries, runs.runs(period), byPeriod);
  }

  /** Each country's page lines into its top pages and its assets; a country without either gets no entry there. */
  private static void splitPages(Map<String, List<ReportLine>> byCountry, Map<String, List<ReportLine>> pages,
      Map<String, List<ReportLine>> assets) {
    for (Map.Entry<String, List<ReportLine>> e : byCountry.entrySet()) {
      TopPages inCountry = TopPages.of(e.getValue());
      if (!inCountry.pages().isEmpty()) {
        pages.put(e.getKey(), inCountry.pages());
      }
      if (!inCountry.assets().isEmpty()) {
        assets.put(e.getKey(), inCountry.assets());
      }
    }
  }

  private static Map<String, Long> visitorsByCode(List<ReportLine> lines) {
    Map<String, Long> m = new HashMap<>();
    lines.forEach(l -> m.put(l.code(), l.visitors()));
    return m;
  }

  private static Map<String, List<ReportLine>> byParent(List<ReportLine> lines) {
    Map<String, List<ReportLine>> m = new TreeMap<>();
    for (ReportLine l : lines) {
      m.computeIfAbsent(l.parent(), p -> new ArrayList<>()).add(l);
    }
    m.values().forEach(list -> list.sort(ORDER));
    return m;
  }

  static Double share(long visitors, Long parentVisitors) {
    return parentVisitors == null || parentVisitors == 0 ? null : (double) visitors / parentVisitors;
  }

  private static Map<String, List<ReportLine>> copy(Map<String, List<ReportLine>> m) {
    Map<String, List<ReportLine>> c = new LinkedHashMap<>();
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(c);
  }

  /** Groups one table's rows into lines over the report's days. */
  private static final class Lines {
    private final List<String> dates;
    private final List<Day> days;
    private final Map<String, Integer> index = new HashMap<>();

    Lines(List<String> dates, List<Day> days) {
      this.dates = dates;
      this.days = days;
      for (int i = 0; i < dates.size(); i++) {
        index.put(dates.get(i), i);
      }
    }

    /**
     * One line per (parent, key); the totals table gives exactly one line, even with no rows.
     *
     * @param parentVisitors the parent's visitors by parent code, for the share; null for no share
     */
    List<ReportLine> group(List<PublishedRecord> rows, Table table, Function<PublishedRecord, String> key,
        Function<PublishedRecord, String> parent, Function<String, Long> parentVisitors) {
      Map<List<String>, LineSums> acc = new LinkedHashMap<>();
      for (PublishedRecord r : rows) {
        String p = parent.apply(r);
        LineSums a = acc.computeIfAbsent(java.util.Arrays.asList(p, key.apply(r)), x -> new LineSums(dates.size()));
        a.add(index.get(r.date()), r);
      }
      if (table == Table.TOTALS && acc.isEmpty()) {
        acc.put(java.util.Arrays.asList(null, ""), new LineSums(dates.size()));
      }
      List<ReportLine> lines = new ArrayList<>();
      acc.forEach((pk, a) -> {
        String p = pk.get(0);
        String code = pk.get(1);
        int published = 0;
        int kFewer = 0;
        for (int i = 0; i < dates.size(); i++) {
          if (a.daily[i] >= 0) {
            published++;
          } else {
            kFewer = Math.max(kFewer, days.get(i).k(table));
          }
        }
        Double share = parentVisitors == null ? null : share(a.visitors, parentVisitors.apply(p));
        lines.add(new ReportLine(Labels.kind(code), code, label(table, code), p, a.visitors, a.pageviews, a.hits, a.bytes, share,
            published, dates.size() - published, kFewer, a.daily));
      });
      lines.sort(ORDER);
      return lines;
    }

    /** One report line's sums over the days, and its visitors day by day (-1: not published that day). */
    private static final class LineSums {
      final long[] daily;
      long visitors;
      long pageviews;
      long hits;
      long bytes;

      LineSums(int days) {
        daily = new long[days];
        java.util.Arrays.fill(daily, -1);
      }

      void add(int day, PublishedRecord r) {
        daily[day] = r.visitors();
        visitors += r.visitors();
        pageviews += r.pageviews();
        hits += r.hits();
        bytes += r.bytes();
      }
    }

    private static String label(Table table, String code) {
      return switch (table) {
        case TOTALS -> "All visitors";
        case COUNTRIES -> Labels.country(code);
        case REGIONS -> Labels.region(code);
        case PAGES -> Labels.page(code);
        case PAGE_COUNTRIES -> Labels.page(code);
      };
    }
  }
}
