package org.geotraffic.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Table;

/**
 * The report's data as JSON for a {@code <script type="application/json">} element. The page's script
 * reads it with {@code JSON.parse} and renders every value with {@code textContent}.
 *
 * <p>The root holds the report's whole range (its lines' daily values are the trend). A week or month
 * report adds {@code views}, one per period, and the page shows one of them at a time, so no visitors figure
 * on the page sums periods. Words that depend on the period ({@link PeriodWords}) come with the data.
 *
 * <p>Page paths and site names come from the logs and may hold markup: {@link #forScriptElement} escapes
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as JSON {@code \\u} escapes, so no string can end
 * the script element or open a comment, and JSON.parse still yields the original text.
 */
public final class ReportJson {
  /** The HTML shows this many pages (and assets) overall and per country; the CSV files have all. */
  public static final int TOP_PAGES = 50;
  public static final int TOP_PAGES_PER_COUNTRY = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  /** The data as JSON, safe inside a script element. */
  public static String forScriptElement(ReportData data) {
    try {
      return escapeForScript(JSON.writeValueAsString(tree(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write report data: " + e.getMessage(), e);
    }
  }

  /** Escapes the characters that could end a script element or break a JavaScript parser. */
  public static String escapeForScript(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static Map<String, Object> tree(ReportData data) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("site", data.site());
    root.put("period", data.period().key());
    root.put("dates", data.dates());
    Map<String, Object> words = new LinkedHashMap<>();
    words.put("unit", PeriodWords.noun(data.period()));
    words.put("range", PeriodWords.range(data.period(), data.dates()));
    words.put("trendTitle", PeriodWords.trendTitle(data.period()));
    words.put("dateHeading", PeriodWords.dateHeading(data.period()));
    words.put("definition", PeriodWords.definition(data.period()));
    words.put("notes", PeriodWords.notes(data.period()));
    root.put("words", words);
    List<Object> days = new ArrayList<>();
    for (ReportData.Day d : data.days()) {
      Map<String, Object> day = new LinkedHashMap<>();
      day.put("date", d.date());
      day.put("run", d.runId());
      Map<String, Integer> k = new LinkedHashMap<>();
      for (Table t : Table.values()) {
        k.put(t.tableName(), d.k(t));
      }
      day.put("k", k);
      days.add(day);
    }
    root.put("days", days);
    List<Object> runs = new ArrayList<>();
    for (RunSummaries.Run r : data.runs()) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("id", r.runId());
      run.put("started", r.started());
      run.put("database", r.databaseType());
      run.put("databaseBuildDate", r.databaseBuildDate());
      runs.add(run);
    }
    root.put("runs", runs);
    root.putAll(view(data));
    if (!data.byPeriod().isEmpty()) {
      // Weeks and months are shown one at a time: the page picks a view, never a sum over periods.
      List<Object> views = new ArrayList<>();
      data.byPeriod().forEach(p -> views.add(view(p)));
      root.put("views", views);
    }
    return root;
  }

  /** What the page shows for one range: a day report's whole range, or one week or month. */
  private static Map<String, Object> view(ReportData data) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("label", data.period() == Period.DAY || data.dates().size() != 1
        ? PeriodWords.range(data.period(), data.dates()) : PeriodWords.one(data.period(), data.dates().get(0)));
    view.put("span", data.dates().size());
    view.put("visitorsLabel", PeriodWords.visitors(data.period(), data.dates().size()));
    view.put("total", line(data.total(), true));
    List<Object> countries = new ArrayList<>();
    Map<String, String> mapIds = new TreeMap<>();
    Map<String, String> mapNames = new TreeMap<>();
    for (ReportLine c : data.countries()) {
      Map<String, Object> m = line(c, true);
      List<Object> regions = new ArrayList<>();
      data.regions().getOrDefault(c.code(), List.of()).forEach(r -> regions.add(line(r, false)));
      m.put("regions", regions);
      countries.add(m);
      String numeric = CountryNumbers.numeric(c.code());
      if (numeric != null) {
        mapIds.put(numeric, c.code());
      } else if (CountryNumbers.KOSOVO.equals(c.code())) {
        mapNames.put(CountryNumbers.KOSOVO_MAP_NAME, c.code());
      }
    }
    view.put("countries", countries);
    view.put("pageCount", data.pages().size());
    view.put("pages", lines(data.pages(), TOP_PAGES));
    Map<String, Object> pageCountries = new TreeMap<>();
    data.pageCountries().forEach((country, pages) -> pageCountries.put(country, lines(pages, TOP_PAGES_PER_COUNTRY)));
    view.put("pageCountries", pageCountries);
    view.put("assetCount", data.assets().size());
    view.put("assets", lines(data.assets(), TOP_PAGES));
    Map<String, Object> assetCountries = new TreeMap<>();
    data.assetCountries().forEach((country, assets) -> assetCountries.put(country, lines(assets, TOP_PAGES_PER_COUNTRY)));
    view.put("assetCountries", assetCountries);
    view.put("mapIds", mapIds);
    view.put("mapNames", mapNames);
    return view;
  }

  private static List<Object> lines(List<ReportLine> lines, int limit) {
    List<Object> out = new ArrayList<>();
    lines.stream().limit(limit).forEach(l -> out.add(line(l, false)));
    return out;
  }

  private static Map<String, Object> line(ReportLine l, boolean withDaily) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", l.kind());
    m.put("code", l.code());
    m.put("label", l.label());
    m.put("v", l.visitors());
    m.put("pv", l.pageviews());
    m.put("h", l.hits());
    m.put("share", l.share());
    m.put("days", l.daysPublished());
    m.put("fewerDays", l.daysFewer());
    m.put("k", l.kFewer());
    if (withDaily) {
      List<Long> daily = new ArrayList<>();
      for (long v : l.daily()) {
        daily.add(v < 0 ? null : v);
      }
      m.put("daily", daily);
    }
    return m;
  }
}
