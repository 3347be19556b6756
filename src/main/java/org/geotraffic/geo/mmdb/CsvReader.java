package org.geotraffic.geo.mmdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV text: comma separated, fields optionally in double quotes, {@code ""} for a quote
 * inside a quoted field, quoted fields may span lines, LF or CRLF line ends. Blank lines are skipped.
 * Enough for the project's own small data files; not a general CSV library.
 */
final class CsvReader {
  private CsvReader() {}

  /**
   * Splits {@code text} into rows of fields.
   *
   * @param source named in error messages
   * @throws IllegalArgumentException "Cannot read CSV: &lt;why&gt;, &lt;source&gt; line &lt;n&gt;"
   */
  static List<List<String>> parse(String text, String source) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int line = 1;
    int quoteStartLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || fieldWasQuoted) {
          throw new IllegalArgumentException(
              "Cannot read CSV: quote inside an unquoted field, " + source + " line " + line);
        }
        quoted = true;
        fieldWasQuoted = true;
        quoteStartLine = line;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRow(rows, row, field, fieldWasQuoted);
        row = new ArrayList<>();
        field.setLength(0);
        fieldWasQuoted = false;
        line++;
      } else {
        if (fieldWasQuoted) {
          throw new IllegalArgumentException(
              "Cannot read CSV: text after a closing quote, " + source + " line " + line);
        }
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          "Cannot read CSV: unterminated quote, " + source + " line " + quoteStartLine);
    }
    endRow(rows, row, field, fieldWasQuoted);
    return rows;
  }

  private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean quoted) {
    if (row.isEmpty() && field.length() == 0 && !quoted) {
      return;
    }
    row.add(field.toString());
    rows.add(List.copyOf(row));
  }
}
