package org.geotraffic.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.geotraffic.privacyoracle.PublishedRelease;
import org.geotraffic.privacyoracle.ReleaseRequest;

/**
 * The job's release policy in the oracle's terms: a day is final once a week or month containing it is
 * published; a week or month is built only on the days' published versions (no late input a day's
 * published version lacks).
 */
final class ReleasePolicy {
  private ReleasePolicy() {}

  /** Why the job refuses the request, or null. */
  static String refuses(ReleaseRequest request, List<PublishedRelease> earlier) {
    boolean isDay = request.first().equals(request.last());
    for (LocalDate d = request.first(); !d.isAfter(request.last()); d = d.plusDays(1)) {
      Set<Integer> latestDay = null;
      boolean inPeriod = false;
      for (PublishedRelease r : earlier) {
        ReleaseRequest e = r.request();
        boolean eIsDay = e.first().equals(e.last());
        if (eIsDay && e.first().equals(d)) {
          latestDay = e.batches();
        } else if (!eIsDay && e.coversDay(d)) {
          inPeriod = true;
        }
      }
      if (isDay && inPeriod) {
        return "day " + d + " is final: a week or month containing it is published";
      }
      if (!isDay && latestDay != null && !latestDay.containsAll(request.batches())) {
        return "day " + d + " has input its published version lacks";
      }
    }
    return null;
  }
}
