package org.geotraffic.parse;

/**
 * Finds the end of a syslog header before a server's own line ({@link FormatTraits.LinePrefix#SYSLOG}):
 * {@code Feb  6 12:14:14 lb1 haproxy[14389]: } (RFC 3164, as rsyslog writes files), {@code
 * 2026-11-23T10:00:00+00:00 lb1 haproxy[14389]: } (RFC 5424 time), or a tag without a pid. The header ends at
 * the first {@code ": "}; it only counts as one when no {@code " ["} (a bracketed log date) and no {@code "}
 * comes earlier, so a line written without a header is read from its start. Stateless.
 */
final class SyslogHeader {
  private SyslogHeader() {}

  /** The index where the server's line starts: after the header, or 0 when there is none. */
  static int end(String line) {
    int colon = line.indexOf(": ");
    if (colon < 0) {
      return 0;
    }
    int bracket = line.indexOf(" [");
    if (bracket >= 0 && bracket < colon) {
      return 0;
    }
    int quote = line.indexOf('"');
    if (quote >= 0 && quote < colon) {
      return 0;
    }
    return colon + 2;
  }
}
