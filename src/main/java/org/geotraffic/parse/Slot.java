package org.geotraffic.parse;

/**
 * What a field of a log format means for {@link LogEntry}. Format directives from every family
 * (Apache {@code %h}, nginx {@code $remote_addr}, W3C {@code c-ip}) map onto these slots, so one
 * scanner and one set of field rules serve all of them.
 */
enum Slot {
  /** The client address field as written; may be a proxy list. */
  CLIENT,
  /** An X-Forwarded-For header value. */
  FORWARDED_FOR,
  /** Authenticated user name. */
  USER,
  /** The event time (self-delimiting, read by a {@link TimestampPattern}). */
  TIME,
  /** A full request line, "METHOD target protocol". */
  REQUEST,
  /** Request method alone. */
  METHOD,
  /** Request path without query (Apache %U, nginx $uri). */
  PATH,
  /** Query string including its leading "?" or empty (Apache %q). */
  QUERY_WITH_MARK,
  /** Query string without "?" ("-" or empty when none: nginx $args, W3C cs-uri-query). */
  QUERY_ARGS,
  /** Path and query together (nginx $request_uri). */
  TARGET,
  /** Request protocol alone. */
  PROTOCOL,
  /** HTTP status. */
  STATUS,
  /** Response byte count. */
  BYTES,
  /** Referer header. */
  REFERER,
  /** User-Agent header. */
  USER_AGENT,
  /** Virtual host / Host header; a trailing ":port" is removed. */
  SITE,
  /** A field that is read over but not kept. */
  IGNORED
}
