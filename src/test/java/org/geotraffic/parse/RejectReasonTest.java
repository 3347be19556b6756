package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every reject and filter reason, each with a representative bad line. */
class RejectReasonTest {
  private static final String GOOD =
      "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"UA/1.0\"";
  private static final Set<RejectReason> COVERED = EnumSet.noneOf(RejectReason.class);

  private static RejectReason reject(String format, String line) {
    ParseResult r = LineParsers.create(format, 65_536).parse(line);
    assertNull(r.entry(), () -> "expected a reject, got " + r);
    COVERED.add(r.rejectReason());
    return r.rejectReason();
  }

  private static RejectReason combined(String line) {
    return reject("combined", line);
  }

  @Test
  void goodLine_isAccepted() {
    assertTrue(LineParsers.create("combined", 65_536).parse(GOOD).isAccepted());
  }

  @Test
  void missingFields_areMalformed() {
    assertEquals(RejectReason.MALFORMED, combined("192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200"));
    assertEquals(RejectReason.MALFORMED, combined(GOOD + "\"extra\"")); // glued to the last field: no field of its own
    assertEquals(RejectReason.MALFORMED, combined("just some words"));
  }

  @Test
  void recordSplitOverTwoLines_bothHalvesAreRejected() {
    String first = "192.0.2.10 - - [17/May/2015:10:05:03 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0 (X11;";
    String second = " Linux x86_64)\"";
    assertEquals(RejectReason.UNTERMINATED_QUOTE, combined(first));
    assertEquals(RejectReason.MALFORMED, combined(second));
  }

  @Test
  void unclosedUserAgentQuote_isUnterminatedQuote() {
    // The shape of the one truncated line in elastic's apache_logs sample.
    assertEquals(
        RejectReason.UNTERMINATED_QUOTE,
        combined("192.0.2.10 - - [20/May/2015:12:05:17 +0000] \"GET /x.py HTTP/1.1\" 200 235 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html"));
  }

  @Test
  void impossibleDates_areBadTimestamp() {
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("17/May/2015:10", "31/Feb/2015:10")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("17/May/2015:10", "29/Feb/2015:10")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("17/May/2015:10", "17/Mai/2015:10")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("17/May/2015:10", "17/May/2015:25")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace(":05:03", ":61:03")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("+0000", "+0099")));
    assertEquals(RejectReason.BAD_TIMESTAMP, combined(GOOD.replace("17/May/2015:10:05:03 +0000", "yesterday")));
    assertEquals(RejectReason.BAD_TIMESTAMP, reject("apache:%h %{%Y-%m-%d}t %>s", "192.0.2.1 2015-13-01 200"));
  }

  @Test
  void leapDayInLeapYear_isAccepted() {
    assertTrue(LineParsers.create("combined", 65_536).parse(GOOD.replace("17/May/2015", "29/Feb/2016")).isAccepted());
  }

  @Test
  void unparseableRequests_areBadRequest() {
    assertEquals(RejectReason.BAD_REQUEST, combined(GOOD.replace("GET /index.html HTTP/1.1", "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03")));
    assertEquals(RejectReason.BAD_REQUEST, combined(GOOD.replace("GET /index.html HTTP/1.1", "-").replace(" 200 ", " 400 ")));
    assertEquals(RejectReason.BAD_REQUEST, combined(GOOD.replace("GET /index.html HTTP/1.1", "").replace(" 200 ", " 408 ")));
    assertEquals(RejectReason.BAD_REQUEST, combined(GOOD.replace("GET /index.html HTTP/1.1", "G(T / HTTP/1.1")));
  }

  @Test
  void statusOutside100To599_isBadStatus() {
    assertEquals(RejectReason.BAD_STATUS, combined(GOOD.replace(" 200 ", " 099 ")));
    assertEquals(RejectReason.BAD_STATUS, combined(GOOD.replace(" 200 ", " 600 ")));
    assertEquals(RejectReason.BAD_STATUS, combined(GOOD.replace(" 200 ", " 2000 ")));
    assertEquals(RejectReason.BAD_STATUS, combined(GOOD.replace(" 200 ", " - ")));
  }

  @Test
  void nonNumericBytes_areBadBytes() {
    assertEquals(RejectReason.BAD_BYTES, combined(GOOD.replace(" 5120 ", " 5k ")));
    assertEquals(RejectReason.BAD_BYTES, combined(GOOD.replace(" 5120 ", " -1 ")));
    assertEquals(RejectReason.BAD_BYTES, combined(GOOD.replace(" 5120 ", " 1234567890123456789 ")));
  }

  @Test
  void clientThatCannotBeAnAddress_isBadClient() {
    assertEquals(RejectReason.BAD_CLIENT, combined(GOOD.replace("192.0.2.10", "-")));
    assertEquals(RejectReason.BAD_CLIENT, combined(GOOD.replace("192.0.2.10", "<script>")));
  }

  @Test
  void oneMegabyteLine_isTooLong() {
    String huge = GOOD.replace("UA/1.0", "x".repeat(1 << 20));
    assertEquals(RejectReason.TOO_LONG, combined(huge));
    assertEquals(RejectReason.TOO_LONG, reject("w3c", huge));
  }

  @Test
  void controlCharactersAndReplacementChars_areBinary() {
    assertEquals(RejectReason.BINARY, combined(GOOD.replace("UA/1.0", "UA\u0000")));
    assertEquals(RejectReason.BINARY, combined(GOOD.replace("UA/1.0", "caf\uFFFD")));
    assertEquals(RejectReason.BINARY, combined("\u0016\u0003\u0001\u0002\u0000\u0001"));
    assertEquals(RejectReason.BINARY, combined(GOOD.replace("UA/1.0", "a\u001bb")));
    assertEquals(RejectReason.BINARY, reject("w3c", "\u0000\u0000"));
  }

  @Test
  void blankLines_areFilteredAsBlank() {
    for (String format : new String[] {"combined", "w3c", "nginx-json:{\"a\":\"$remote_addr\",\"t\":$msec,\"s\":$status}"}) {
      LineParser p = LineParsers.create(format, 65_536);
      assertEquals(FilterReason.BLANK, p.parse("").filterReason());
      assertEquals(FilterReason.BLANK, p.parse("   \t ").filterReason());
    }
  }

  @Test
  void everyRejectReason_hasATestHere() {
    missingFields_areMalformed();
    unclosedUserAgentQuote_isUnterminatedQuote();
    impossibleDates_areBadTimestamp();
    unparseableRequests_areBadRequest();
    statusOutside100To599_isBadStatus();
    nonNumericBytes_areBadBytes();
    clientThatCannotBeAnAddress_isBadClient();
    oneMegabyteLine_isTooLong();
    controlCharactersAndReplacementChars_areBinary();
    assertEquals(EnumSet.allOf(RejectReason.class), COVERED);
  }
}
