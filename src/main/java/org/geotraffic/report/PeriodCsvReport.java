package org.geotraffic.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;

/**
 * A week or month report as CSV files: one row per (period, key), every number as the weekly or monthly
 * table published it, so visitors are distinct over that one period and never summed over periods (the
 * column says so: {@code visitors_distinct_over_week}). Each file is named by the period
 * ({@code weekly_countries.csv}) and each row says its period and first and last day. Same encoding and
 * formula guard as {@link CsvReport}.
 */
final class PeriodCsvReport {
  /** The tables after the per-period totals, by file suffix. */
  static final List<String> TABLES = List.of("countries", "regions", "pages", "assets", "page_countries", "asset_countries");
  private static final List<Object> PERIOD_COLUMNS = List.of("site", "period", "first_day", "last_day");

  private PeriodCsvReport() {}

  /** The files written for {@code period}, in order: {@code weekly.csv}, {@code weekly_countries.csv}, ... */
  static List<String> files(Period period) {
    String prefix = PeriodWords.adjective(period);
    List<String> files = new ArrayList<>(List.of(prefix + ".csv"));
    TABLES.forEach(t -> files.add(prefix + "_" + t + ".csv"));
    return files;
  }

  static List<Path> write(ReportData data, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> names = files(data.period());
    List<Path> written = new ArrayList<>();
    written.add(CsvReport.write(dir.resolve(names.get(0)), totals(data)));
    written.add(CsvReport.write(dir.resolve(names.get(1)), lines(data, List.of("country", "country_name"), false,
        p -> keyed(p.countries(), l -> List.of(l.code(), l.label())))));
    written.add(CsvReport.write(dir.resolve(names.get(2)), lines(data, List.of("country", "country_name", "region", "region_name"), false,
        PeriodCsvReport::regions)));
    written.add(CsvReport.write(dir.resolve(names.get(3)), lines(data, List.of("page"), false,
        p -> keyed(p.pages(), l -> List.of(l.label())))));
    written.add(CsvReport.write(dir.resolve(names.get(4)), lines(data, List.of("page"), false,
        p -> keyed(p.assets(), l -> List.of(l.label())))));
    written.add(CsvReport.write(dir.resolve(names.get(5)), lines(data, List.of("country", "country_name", "page"), true,
        p -> byCountry(p.pageCountries()))));
    written.add(CsvReport.write(dir.resolve(names.get(6)), lines(data, List.of("country", "country_name", "page"), true,
        p -> byCountry(p.assetCountries()))));
    return written;
  }

  /** One line with the key cells that name it. */
  private record Keyed(List<String> keys, ReportLine line) {}

  private static List<Keyed> keyed(List<ReportLine> lines, Function<ReportLine, List<String>> keys) {
    return lines.stream().map(l -> new Keyed(keys.apply(l), l)).toList();
  }

  /** A period's regions, country by country in the report's order. */
  private static List<Keyed> regions(ReportData p) {
    List<Keyed> out = new ArrayList<>();
    for (ReportLine c : p.countries()) {
      for (ReportLine r : p.regions().getOrDefault(c.code(), List.of())) {
        out.add(new Keyed(List.of(c.code(), c.label(), r.code(), r.label()), r));
      }
    }
    return out;
  }

  private static List<Keyed> byCountry(Map<String, List<ReportLine>> byCountry) {
    List<Keyed> out = new ArrayList<>();
    byCountry.forEach((country, lines) -> lines.forEach(l -> out.add(new Keyed(List.of(country, Labels.country(country), l.label()), l))));
    return out;
  }

  /** One row per period: the site's totals; a period whose totals were not published reads "fewer than k". */
  private static List<List<Object>> totals(ReportData data) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(PERIOD_COLUMNS);
    header.addAll(List.of(PeriodWords.visitorsColumn(data.period()), "pageviews", "hits", "bytes", "min_visitors", "run_id"));
    rows.add(header);
    for (ReportData p : data.byPeriod()) {
      ReportData.Day day = p.days().get(0);
      int k = day.k(Table.TOTALS);
      ReportLine t = p.total();
      List<Object> row = new ArrayList<>(periodCells(data, p));
      if (t.daysPublished() == 0) {
        row.addAll(List.of(Labels.fewerThan(k), "", "", ""));
      } else {
        row.addAll(List.of(t.visitors(), t.pageviews(), t.hits(), t.bytes()));
      }
      row.addAll(List.of(k, day.runId()));
      rows.add(row);
    }
    return rows;
  }

  /** The published rows of one table, period by period, in the report's order within each period. */
  private static List<List<Object>> lines(ReportData data, List<String> keys, boolean noBytes, Function<ReportData, List<Keyed>> pick) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(PERIOD_COLUMNS);
    header.addAll(keys);
    header.addAll(List.of(PeriodWords.visitorsColumn(data.period()), "pageviews", "hits"));
    if (!noBytes) {
      header.add("bytes");
    }
    header.add("share");
    rows.add(header);
    for (ReportData p : data.byPeriod()) {
      for (Keyed k : pick.apply(p)) {
        ReportLine l = k.line();
        List<Object> row = new ArrayList<>(periodCells(data, p));
        row.addAll(k.keys());
        row.addAll(List.of(l.visitors(), l.pageviews(), l.hits()));
        if (!noBytes) {
          row.add(l.bytes());
        }
        row.add(l.share() == null ? "" : String.format(Locale.ROOT, "%.4f", l.share()));
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Object> periodCells(ReportData data, ReportData p) {
    String first = p.dates().get(0);
    return List.of(data.site(), data.period().key(), first, PeriodWords.lastDay(data.period(), first));
  }
}
