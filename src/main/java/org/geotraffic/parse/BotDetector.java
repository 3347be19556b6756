package org.geotraffic.parse;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Marks crawler traffic by case-insensitive user-agent substrings (bots.patterns). Bots still count
 * as hits, never as page views or visitors. Thread-safe (immutable).
 */
public final class BotDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String[] patterns;

  public BotDetector(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }

  public boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isEmpty() || patterns.length == 0) {
      return false;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String p : patterns) {
      if (ua.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
