package org.geotraffic.parse;

/**
 * What a compiled text format knows about its lines beyond the order of its fields: what may follow the last
 * field, what precedes the first, how the client field is written, where the site comes from and which lines are
 * headers. User format strings ({@code apache:}, {@code nginx:}) are read exactly as written ({@link #EXACT});
 * presets describe the servers they stand for.
 *
 * @param trailingFields true when fields after the last one are skipped: servers append fields to their default
 *     formats (Traefik's CLF, Apache's combined with {@code %D}, combinedio), so a preset reads its own fields and
 *     skips a space or tab and whatever follows; a line that runs on without a separator is still malformed
 * @param clientForm how the client field is written
 * @param siteFromTarget true when the request target is an absolute URL ({@code GET http://host/path}, as load
 *     balancers, Varnish and Squid write it) and the format has no site field: the URL's host is the site
 * @param linePrefix text before the first field that is not part of the format
 * @param headerLine a line that starts with this text is a header, filtered as a directive (Google Cloud Storage's
 *     CSV header); null when the format has no header line
 * @param fieldSeparator what separates fields, and so trailing fields from the last one: a space (a tab is
 *     accepted too) or a comma (CSV)
 */
record FormatTraits(
    boolean trailingFields, ClientForm clientForm, boolean siteFromTarget, LinePrefix linePrefix, String headerLine,
    char fieldSeparator) {

  /** Exactly the fields of the format: user format strings. */
  static final FormatTraits EXACT =
      new FormatTraits(false, ClientForm.AS_WRITTEN, false, LinePrefix.NONE, null, ' ');

  /** A preset of a server that writes its format as documented and may append fields. */
  static final FormatTraits PRESET = EXACT.withTrailingFields();

  /** How a client field is written. */
  enum ClientForm {
    /** An address, host name or proxy list as written; a port only as {@code a.b.c.d:p} or {@code [v6]:p}. */
    AS_WRITTEN,
    /**
     * Always an address followed by {@code :port}, IPv6 without brackets included ({@code 2001:db8::1:51234}, as
     * HAProxy writes {@code %ci:%cp}): the text after the last colon is the port.
     */
    ADDRESS_AND_PORT
  }

  /** Text some deliveries put before a server's own line. */
  enum LinePrefix {
    /** The line starts with the first field. */
    NONE,
    /**
     * A syslog header may come first ({@code Feb  6 12:14:14 lb1 haproxy[14389]: }, or an RFC 5424 time and host),
     * as HAProxy's and Squid's lines land in files through syslog: everything up to the first {@code ": "} is
     * skipped when that comes before the first {@code " ["} or {@code "\""}. Lines without it are read from the
     * start, as written by {@code log stdout} or Squid's own file.
     */
    SYSLOG
  }

  FormatTraits withTrailingFields() {
    return new FormatTraits(true, clientForm, siteFromTarget, linePrefix, headerLine, fieldSeparator);
  }

  FormatTraits withClientForm(ClientForm form) {
    return new FormatTraits(trailingFields, form, siteFromTarget, linePrefix, headerLine, fieldSeparator);
  }

  FormatTraits withSiteFromTarget() {
    return new FormatTraits(trailingFields, clientForm, true, linePrefix, headerLine, fieldSeparator);
  }

  FormatTraits withLinePrefix(LinePrefix prefix) {
    return new FormatTraits(trailingFields, clientForm, siteFromTarget, prefix, headerLine, fieldSeparator);
  }

  FormatTraits withHeaderLine(String header) {
    return new FormatTraits(trailingFields, clientForm, siteFromTarget, linePrefix, header, fieldSeparator);
  }

  FormatTraits withFieldSeparator(char separator) {
    return new FormatTraits(trailingFields, clientForm, siteFromTarget, linePrefix, headerLine, separator);
  }
}
