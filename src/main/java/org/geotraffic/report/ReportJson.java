package org.geotraffic.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geotraffic.privacy.Table;

/**
 * The report's data as JSON for a {@code <script type="application/json">} element. The page's script
 * reads it with {@code JSON.parse} and renders every value with {@code textContent}.
 *
 * <p>Page paths and site names come from the logs and may hold markup: {@link #forScriptElement} escapes
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as JSON {@code \\u} escapes, so no string can end
 * the script element or open a comment, and JSON.parse still yields the original text.
 */
public final class ReportJson {
  /** The HTML shows this many pages overall and per country; the CSV files have all. */
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
    root.put("dates", data.dates());
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
    root.put("total", line(data.total(), true));
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
    root.put("countries", countries);
    root.put("pageCount", data.pages().size());
    root.put("pages", lines(data.pages(), TOP_PAGES));
    Map<String, Object> pageCountries = new TreeMap<>();
    data.pageCountries().forEach((country, pages) -> pageCountries.put(country, lines(pages, TOP_PAGES_PER_COUNTRY)));
    root.put("pageCountries", pageCountries);
    root.put("mapIds", mapIds);
    root.put("mapNames", mapNames);
    return root;
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
