package org.geotraffic.parse;

/**
 * Why a line that looked like a log record could not be used. Each reason is a counter in the run
 * summary ({@code lines.rejected.<key>}); the line itself is never printed.
 */
public enum RejectReason {
  /** The line does not have the shape of the configured format (fields missing or extra). */
  MALFORMED("malformed"),
  /** A quoted field is never closed. */
  UNTERMINATED_QUOTE("unterminated-quote"),
  /** The timestamp is missing, unparseable or impossible (31 Feb, month 13, ...). */
  BAD_TIMESTAMP("bad-timestamp"),
  /** The request line is not "METHOD target [protocol]". */
  BAD_REQUEST("bad-request"),
  /** Status is not a three-digit number 100..599. */
  BAD_STATUS("bad-status"),
  /** Byte count is neither "-" nor a non-negative number. */
  BAD_BYTES("bad-bytes"),
  /** The client field is empty or neither an IP literal nor a plausible host name. */
  BAD_CLIENT("bad-client"),
  /** The line is longer than the configured maximum. */
  TOO_LONG("too-long"),
  /** The line holds control characters or invalid UTF-8: binary garbage, not a log record. */
  BINARY("binary");

  private final String key;

  RejectReason(String key) {
    this.key = key;
  }

  /** The kebab-case name used in the run summary. */
  public String key() {
    return key;
  }
}
