package org.geotraffic.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields of a format the job reads and which it skips, by the names the format gives them: directives of an
 * {@code apache:} or {@code nginx:} string, vendor field names of a preset, W3C column names, JSON keys. Names come
 * from the configuration or the preset, never from log lines, so the run summary may show them.
 *
 * @param used fields that fill the entry (client, time, request, status, ...), in line order
 * @param skipped fields read over and not used, in line order
 * @param trailingFieldsSkipped true when fields after the last one are skipped (presets)
 * @param columnsFromData true when the file names its own columns (W3C {@code #Fields:}) or keys (JSON): then
 *     every other column or key is skipped as well
 */
public record InputFields(List<String> used, List<String> skipped, boolean trailingFieldsSkipped,
    boolean columnsFromData) {

  public InputFields {
    used = List.copyOf(used);
    skipped = List.copyOf(skipped);
  }

  /** The block of the run summary: {@code used}, {@code skipped}, {@code trailing_fields_skipped}, ... */
  public Map<String, Object> toSummary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("used", used);
    m.put("skipped", skipped);
    m.put("trailing_fields_skipped", trailingFieldsSkipped);
    m.put("other_columns_skipped", columnsFromData);
    return m;
  }
}
