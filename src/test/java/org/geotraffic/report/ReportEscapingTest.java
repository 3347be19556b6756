package org.geotraffic.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escaping of log-derived text: JSON inside a script element, CSV cells, HTML text, template filling. */
class ReportEscapingTest {

  @Test
  void scriptJson_escapesMarkupAmpersandAndLineSeparators_andParsesBackToTheOriginal() throws Exception {
    String page = "</script><script>alert(1)</script>&amp;\u2028\u2029<!--";
    String json = new ObjectMapper().writeValueAsString(Map.of("page", page));
    String escaped = ReportJson.escapeForScript(json);
    assertEquals("{\"page\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u0026amp;\\u2028\\u2029"
        + "\\u003c!--\"}", escaped);
    assertFalse(escaped.matches("(?s).*[<>&\u2028\u2029].*"));
    assertEquals(page, new ObjectMapper().readTree(escaped).get("page").asText());
  }

  @Test
  void csvCell_guardsFormulaStarts() {
    assertEquals("'=1+2", CsvReport.cell("=1+2"));
    assertEquals("'+1", CsvReport.cell("+1"));
    assertEquals("'-1", CsvReport.cell("-1"));
    assertEquals("'@SUM(A1)", CsvReport.cell("@SUM(A1)"));
    assertEquals("'\tx", CsvReport.cell("\tx"));
    assertEquals("/a=b", CsvReport.cell("/a=b"));
    assertEquals("", CsvReport.cell(""));
  }

  @Test
  void csvCell_quotesPerRfc4180() {
    assertEquals("\"a,b\"", CsvReport.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvReport.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvReport.cell("two\nlines"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvReport.cell("=HYPERLINK(\"x\")"));
    assertEquals("plain", CsvReport.cell("plain"));
  }

  @Test
  void htmlEscape_coversTextAndAttributes() {
    assertEquals("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;", HtmlReport.escape("\"><img src=x onerror=alert(1)> & '"));
  }

  @Test
  void templateFill_doesNotRescanInsertedText() {
    assertEquals("<p>@@B@@</p>|x", HtmlReport.fill("<p>@@A@@</p>|@@B@@", Map.of("A", "@@B@@", "B", "x")));
  }

  @Test
  void templateFill_missingValue_isAnError() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> HtmlReport.fill("@@NOPE@@", Map.of()));
    assertEquals("Cannot render report: no value for placeholder @@NOPE@@", e.getMessage());
  }
}
