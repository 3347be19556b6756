package org.geotraffic.parse;

/**
 * The host of an absolute-form request target ({@code http://www.example.com:80/path?q}), as load balancers,
 * Varnish, Squid and Google's load balancer log their requests: there it is the site the request was for. Port,
 * user info, path and query are left out. Stateless.
 */
final class TargetHost {
  private static final int MAX_SCHEME = 10;

  private TargetHost() {}

  /** The host with its port removed, or null when the target is not an absolute URL with a host. */
  static String of(String target) {
    int scheme = target.indexOf("://");
    if (scheme <= 0 || scheme > MAX_SCHEME) {
      return null;
    }
    for (int i = 0; i < scheme; i++) {
      char c = target.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
          || c == '.')) {
        return null;
      }
    }
    int start = scheme + 3;
    int end = target.length();
    for (int i = start; i < end; i++) {
      char c = target.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int at = target.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    if (start >= end) {
      return null;
    }
    String authority = target.substring(start, end);
    return SiteName.isPlausible(authority) ? SiteName.withoutPort(authority) : null;
  }
}
