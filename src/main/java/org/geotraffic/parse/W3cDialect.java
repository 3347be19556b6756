package org.geotraffic.parse;

import java.util.List;

/**
 * A flavour of the W3C extended log format: whose files these are, which columns to assume before a file names
 * its own ({@code #Fields:}), and how user agents are encoded. Records are separated by spaces, or by tabs when a
 * record has any (CloudFront); the header itself may use either.
 *
 * @param name the preset's name
 * @param defaultColumns the columns of records that come before any {@code #Fields:} line of their file, or an
 *     empty list when such records are malformed (IIS always writes its header). With default columns, fields a
 *     server appended after them are skipped
 * @param userAgentEncoding how the user agent column is written
 */
record W3cDialect(String name, List<String> defaultColumns, UserAgentEncoding userAgentEncoding)
    implements FormatDefinition {

  /** IIS and other W3C writers: the header is always there; {@code +} stands for a space in the user agent. */
  static final W3cDialect W3C = new W3cDialect("w3c", List.of(), UserAgentEncoding.PLUS_FOR_SPACE);

  /**
   * Amazon CloudFront standard logs
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html): tab-separated,
   * {@code #Version} and {@code #Fields} at the top of each file, URL-encoded user agents. The documented columns
   * are assumed for records of a file without its header (a stripped or concatenated file).
   */
  static final W3cDialect CLOUDFRONT = new W3cDialect("cloudfront", List.of(
      "date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)", "cs-uri-stem", "sc-status",
      "cs(Referer)", "cs(User-Agent)", "cs-uri-query", "cs(Cookie)", "x-edge-result-type", "x-edge-request-id",
      "x-host-header", "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher",
      "x-edge-response-result-type", "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port",
      "time-to-first-byte", "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start",
      "sc-range-end"), UserAgentEncoding.PERCENT);

  W3cDialect {
    defaultColumns = List.copyOf(defaultColumns);
  }

  /** How a W3C writer encodes the spaces of a user agent. */
  enum UserAgentEncoding {
    /** IIS: a space is written {@code +}. */
    PLUS_FOR_SPACE,
    /** CloudFront: URL encoding ({@code %20}); escapes of printable ASCII are decoded, others kept as written. */
    PERCENT
  }

  @Override
  public LineParser newParser(int maxLineLength) {
    return new W3cLineParser(this, maxLineLength);
  }

  @Override
  public InputFields fields() {
    return new InputFields(W3cLineParser.USED_COLUMNS, List.of(), false, true);
  }

  @Override
  public boolean needsWholeFiles() {
    return true;
  }
}
