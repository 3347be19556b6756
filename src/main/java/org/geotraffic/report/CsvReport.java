package org.geotraffic.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;

/**
 * The report's tables as CSV files for spreadsheets: UTF-8, a header row, RFC 4180 quoting, CRLF line ends,
 * one file per table. Values that were not published read "fewer than k", as in the HTML.
 *
 * <p>A day report sums each line over its days ({@code visitors_daily_summed}: a person counts once per day)
 * and has the per-day totals in {@code daily.csv}. Pages with page views ({@code pages.csv}, most page views
 * first) and the static assets and other requests without any ({@code assets.csv}, most hits first) are
 * apart, as in the HTML ({@link TopPages}); so are their per-country files. A week or month report has one row per period instead
 * ({@link PeriodCsvReport}).
 *
 * <p>Text from the logs (page paths, site names) could start a formula in a spreadsheet: a text cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP "CSV injection").
 */
public final class CsvReport {
  /** The files of a day report, in order. */
  public static final List<String> FILES = List.of("daily.csv", "countries.csv", "regions.csv", "pages.csv", "assets.csv",
      "page_countries.csv", "asset_countries.csv", "daily_countries.csv");

  private CsvReport() {}

  /** The files a report of {@code period} writes, in order. */
  public static List<String> files(Period period) {
    return period == Period.DAY ? FILES : PeriodCsvReport.files(period);
  }

  /** Writes every table into {@code dir} (created if needed) and returns the files. */
  public static List<Path> write(ReportData data, Path dir) throws IOException {
    if (data.period() != Period.DAY) {
      return PeriodCsvReport.write(data, dir);
    }
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(write(dir.resolve("daily.csv"), daily(data)));
    written.add(write(dir.resolve("countries.csv"), lines(data, List.of("country", "country_name"), data.countries(), false)));
    List<List<Object>> regions = new ArrayList<>();
    regions.add(header(List.of("country", "country_name", "region", "region_name"), false));
    for (ReportLine c : data.countries()) {
      for (ReportLine r : data.regions().getOrDefault(c.code(), List.of())) {
        regions.add(row(data, List.of(c.code(), c.label(), r.code(), r.label()), r, false));
      }
    }
    written.add(write(dir.resolve("regions.csv"), regions));
    written.add(write(dir.resolve("pages.csv"), lines(data, List.of("page"), data.pages(), false)));
    written.add(write(dir.resolve("assets.csv"), lines(data, List.of("page"), data.assets(), false)));
    written.add(write(dir.resolve("page_countries.csv"), byCountry(data, data.pageCountries())));
    written.add(write(dir.resolve("asset_countries.csv"), byCountry(data, data.assetCountries())));
    written.add(write(dir.resolve("daily_countries.csv"), dailyCountries(data)));
    return written;
  }

  private static List<List<Object>> byCountry(ReportData data, Map<String, List<ReportLine>> byCountry) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(header(List.of("country", "country_name", "page"), true));
    for (Map.Entry<String, List<ReportLine>> e : byCountry.entrySet()) {
      for (ReportLine p : e.getValue()) {
        rows.add(row(data, List.of(e.getKey(), Labels.country(e.getKey()), p.label()), p, true));
      }
    }
    return rows;
  }

  private static List<List<Object>> daily(ReportData data) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("site", "date", "visitors", "min_visitors", "run_id"));
    long[] v = data.total().daily();
    for (int i = 0; i < data.dates().size(); i++) {
      ReportData.Day day = data.days().get(i);
      int k = day.k(Table.TOTALS);
      rows.add(List.of(data.site(), day.date(), v[i] < 0 ? Labels.fewerThan(k) : (Object) v[i], k, day.runId()));
    }
    return rows;
  }

  private static List<List<Object>> dailyCountries(ReportData data) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("site", "date", "country", "country_name", "visitors", "min_visitors"));
    for (ReportLine c : data.countries()) {
      long[] v = c.daily();
      for (int i = 0; i < data.dates().size(); i++) {
        int k = data.days().get(i).k(Table.COUNTRIES);
        rows.add(List.of(data.site(), data.dates().get(i), c.code(), c.label(), v[i] < 0 ? Labels.fewerThan(k) : (Object) v[i], k));
      }
    }
    return rows;
  }

  private static List<List<Object>> lines(ReportData data, List<String> keys, List<ReportLine> lines, boolean noBytes) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(header(keys, noBytes));
    for (ReportLine l : lines) {
      rows.add(row(data, keys.size() == 1 ? List.of(l.label()) : List.of(l.code(), l.label()), l, noBytes));
    }
    return rows;
  }

  private static List<Object> header(List<String> keys, boolean noBytes) {
    List<Object> h = new ArrayList<>(List.of("site", "from", "to"));
    h.addAll(keys);
    h.addAll(List.of(PeriodWords.visitorsColumn(Period.DAY), "pageviews", "hits"));
    if (!noBytes) {
      h.add("bytes");
    }
    h.addAll(List.of("share", "days_published", "days_not_published", "not_published_each_day"));
    return h;
  }

  private static List<Object> row(ReportData data, List<String> keys, ReportLine l, boolean noBytes) {
    List<Object> r = new ArrayList<>(List.of(data.site(), first(data), last(data)));
    r.addAll(keys);
    r.addAll(List.of(l.visitors(), l.pageviews(), l.hits()));
    if (!noBytes) {
      r.add(l.bytes());
    }
    r.add(l.share() == null ? "" : String.format(Locale.ROOT, "%.4f", l.share()));
    r.add(l.daysPublished());
    r.add(l.daysFewer());
    r.add(l.daysFewer() == 0 ? "" : Labels.fewerThan(l.kFewer()));
    return r;
  }

  private static String first(ReportData data) {
    return data.dates().isEmpty() ? "" : data.dates().get(0);
  }

  private static String last(ReportData data) {
    return data.dates().isEmpty() ? "" : data.dates().get(data.dates().size() - 1);
  }

  static Path write(Path file, List<List<Object>> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          Object v = row.get(i);
          w.write(v instanceof Number ? v.toString() : cell(String.valueOf(v)));
        }
        w.write("\r\n");
      }
    }
    return file;
  }

  /** One text cell: formula-guarded, then quoted when RFC 4180 needs it. */
  public static String cell(String text) {
    String s = text;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
