package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** W3C header handling: per file, mid-file changes, directives, values. */
class W3cLineParserTest {
  private static final String FIELDS =
      "#Fields: date time s-sitename cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
          + " cs(User-Agent) cs(Referer) cs-host sc-status sc-bytes";
  private static final String RECORD =
      "2018-01-01 10:11:12 W3SVC1 GET /default.aspx id=7 80 - ::1%0"
          + " Mozilla/5.0+(Windows+NT+10.0) - example.com:8080 200 123";

  @Test
  void recordBeforeAnyFieldsLine_isMalformed() {
    LineParser p = LineParsers.create("w3c", 65_536);
    assertEquals(RejectReason.MALFORMED, p.parse(RECORD).rejectReason());
  }

  @Test
  void directiveLines_areFilteredAndFieldsAreRead() {
    LineParser p = LineParsers.create("w3c", 65_536);
    assertEquals(FilterReason.DIRECTIVE, p.parse("#Software: Microsoft Internet Information Services 10.0").filterReason());
    assertEquals(FilterReason.DIRECTIVE, p.parse(FIELDS).filterReason());
    LogEntry e = p.parse(RECORD).entry();
    assertEquals("::1%0", e.client());
    assertEquals(1_514_801_472L, e.epochSecond()); // 2018-01-01T10:11:12Z
    assertEquals("GET", e.method());
    assertEquals("/default.aspx?id=7", e.target());
    assertNull(e.protocol());
    assertEquals(200, e.status());
    assertEquals(123L, e.bytes());
    assertEquals("Mozilla/5.0 (Windows NT 10.0)", e.userAgent());
    assertNull(e.referer());
    assertNull(e.user());
    assertEquals("example.com", e.site());
  }

  @Test
  void startFile_forgetsTheHeader() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse(FIELDS);
    p.startFile();
    assertEquals(RejectReason.MALFORMED, p.parse(RECORD).rejectReason());
  }

  @Test
  void fieldsChangingMidFile_switchesTheLayout() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse(FIELDS);
    assertEquals(200, p.parse(RECORD).entry().status());
    p.parse("#Fields: date time c-ip sc-status");
    LogEntry e = p.parse("2018-01-02 00:00:01 192.0.2.1 404").entry();
    assertEquals("192.0.2.1", e.client());
    assertEquals(404, e.status());
    assertEquals(1_514_851_201L, e.epochSecond());
    assertEquals(RejectReason.MALFORMED, p.parse(RECORD).rejectReason());
  }

  @Test
  void wrongFieldCounts_areMalformed() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse("#Fields: date time c-ip sc-status");
    assertEquals(RejectReason.MALFORMED, p.parse("2018-01-02 00:00:01 192.0.2.1").rejectReason());
    assertEquals(RejectReason.MALFORMED, p.parse("2018-01-02 00:00:01 192.0.2.1 200 extra").rejectReason());
  }

  @Test
  void badValues_getTheirReasons() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse("#Fields: date time c-ip sc-status sc-bytes");
    assertEquals(RejectReason.BAD_TIMESTAMP, p.parse("2018-02-30 00:00:01 192.0.2.1 200 1").rejectReason());
    assertEquals(RejectReason.BAD_TIMESTAMP, p.parse("2018-01-02 24:00:01 192.0.2.1 200 1").rejectReason());
    assertEquals(RejectReason.BAD_STATUS, p.parse("2018-01-02 00:00:01 192.0.2.1 20 1").rejectReason());
    assertEquals(RejectReason.BAD_BYTES, p.parse("2018-01-02 00:00:01 192.0.2.1 200 x").rejectReason());
    assertEquals(RejectReason.BAD_CLIENT, p.parse("2018-01-02 00:00:01 - 200 1").rejectReason());
  }

  @Test
  void headerWithoutClient_makesRecordsMalformed() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse("#Fields: date time sc-status");
    assertEquals(RejectReason.MALFORMED, p.parse("2018-01-02 00:00:01 200").rejectReason());
  }

  @Test
  void fractionalSecondsAndCrlf_areAccepted() {
    LineParser p = LineParsers.create("w3c", 65_536);
    p.parse("#Fields: date time c-ip sc-status\r");
    assertEquals(1_514_851_201L, p.parse("2018-01-02 00:00:01.250 192.0.2.1 200\r").entry().epochSecond());
  }

  @Test
  void byteOrderMarkBeforeTheFirstDirective_isIgnored() {
    // IIS writes a UTF-8 BOM at the start of each file; a concatenated file has one mid-file.
    LineParser p = LineParsers.create("w3c", 65_536);
    assertEquals(FilterReason.DIRECTIVE, p.parse("\uFEFF#Software: Microsoft Internet Information Services 10.0").filterReason());
    assertEquals(FilterReason.DIRECTIVE, p.parse("\uFEFF" + FIELDS + "\r").filterReason());
    assertEquals("::1%0", p.parse(RECORD + "\r").entry().client());
    assertEquals(FilterReason.BLANK, p.parse("\uFEFF").filterReason());
  }
}
