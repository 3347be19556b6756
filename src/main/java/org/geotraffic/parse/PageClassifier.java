package org.geotraffic.parse;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a request target into the published page key and decides whether a request is a page view.
 *
 * <p>Page key: the path only. The query string and fragment are dropped here, before anything is
 * aggregated, because they carry e-mail addresses, tokens and session ids. An absolute-form target
 * ("http://host/path") keeps only its path; an empty path is "/"; the key is cut at pages.max-length.
 *
 * <p>Page view: a GET or POST (pages.view-methods) answered 2xx or 304, for a path that is not a
 * static asset (pages.asset-extensions). Thread-safe (immutable).
 */
public final class PageClassifier implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Set<String> assetExtensions;
  private final Set<String> viewMethods;
  private final int maxLength;

  public PageClassifier(List<String> assetExtensions, List<String> viewMethods, int maxLength) {
    this.assetExtensions = new HashSet<>(assetExtensions);
    this.viewMethods = new HashSet<>(viewMethods);
    this.maxLength = maxLength;
  }

  /**
   * The residual rows' keys in the published tables ({@code privacy.PublishedRow.OTHER} and {@code OTHER_PAGES}): a
   * request for a target spelled like one of them (not origin-form, so possible) must not become a page of that
   * name, which the suppressor, the audit and the report would take for the residual.
   */
  static final Set<String> RESERVED = Set.of("(other)", "(other pages)");

  /** The page key of a request target (never null). */
  public String page(String target) {
    String page = pageOf(target);
    return RESERVED.contains(page) ? "/" + page : page;
  }

  private String pageOf(String target) {
    if (target == null || target.isEmpty()) {
      return "/";
    }
    int start = 0;
    if (target.charAt(0) != '/') {
      int scheme = target.indexOf("://");
      if (scheme > 0 && scheme < 10) {
        int slash = target.indexOf('/', scheme + 3);
        if (slash < 0) {
          return "/";
        }
        start = slash;
      }
    }
    int end = target.length();
    for (int i = start; i < end; i++) {
      char c = target.charAt(i);
      if (c == '?' || c == '#' || c == ';') {
        // ';' starts path parameters such as ";jsessionid=...": session ids are personal data too.
        end = i;
        break;
      }
    }
    if (end - start > maxLength) {
      end = start + maxLength;
    }
    if (end == start) {
      return "/";
    }
    return start == 0 && end == target.length() ? target : target.substring(start, end);
  }

  /** Whether the request counts as a page view. */
  public boolean isPageView(String method, int status, String page) {
    if (method == null || !viewMethods.contains(method)) {
      return false;
    }
    if (!((status >= 200 && status < 300) || status == 304)) {
      return false;
    }
    return !isAsset(page);
  }

  private boolean isAsset(String page) {
    int slash = page.lastIndexOf('/');
    int dot = page.lastIndexOf('.');
    if (dot <= slash || dot == page.length() - 1) {
      return false;
    }
    return assetExtensions.contains(page.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
