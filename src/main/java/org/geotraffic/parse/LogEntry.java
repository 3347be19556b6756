package org.geotraffic.parse;

/**
 * One request as an access log wrote it, before geography and anonymisation.
 *
 * <p>Holds the raw client address or host name, user name and user agent: it exists only inside the
 * enrich step of one partition and must never be logged, printed, cached, shuffled or persisted.
 * {@link #toString()} is redacted so that an accidental log statement cannot leak it.
 *
 * @param client the client field as written (IP literal, host name, or a comma-separated proxy list)
 * @param forwardedFor an X-Forwarded-For value, or null when the format has none or it was "-"
 * @param user the authenticated user ("%u"), or null for "-"
 * @param epochSecond event time as seconds since the epoch (UTC)
 * @param method request method, or null when the request line has none
 * @param target request target exactly as logged, query string included (dropped later)
 * @param protocol protocol ("HTTP/1.1"), or null for a request line without one
 * @param status HTTP status code
 * @param bytes response bytes; 0 for "-"
 * @param referer referer, or null
 * @param userAgent user agent, or null
 * @param site virtual host, or null when the format carries none
 */
public record LogEntry(
    String client,
    String forwardedFor,
    String user,
    long epochSecond,
    String method,
    String target,
    String protocol,
    int status,
    long bytes,
    String referer,
    String userAgent,
    String site) {

  @Override
  public String toString() {
    // Privacy: client, user, user agent, referer and query strings are personal data.
    return "LogEntry[redacted, status=" + status + ", epochSecond=" + epochSecond + "]";
  }
}
