package org.geotraffic.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.geotraffic.privacyoracle.PublishedRelease;
import org.geotraffic.privacyoracle.ReleaseRequest;

/**
 * The job's release policy in the oracle's terms: a week or month is built only on the days' published
 * versions (no late input a day's published version lacks). A day may be revised after a period containing
 * it was published; the linked audit then attacks the revision together with that period.
 */
final class ReleasePolicy {
  private ReleasePolicy() {}

  /** Why the job refuses the request, or null. */
  static String refuses(ReleaseRequest request, List<PublishedRelease> earlier) {
    boolean isDay = request.first().equals(request.last());
    for (LocalDate d = request.first(); !d.isAfter(request.last()); d = d.plusDays(1)) {
      Set<Integer> latestDay = null;
      for (PublishedRelease r : earlier) {
        ReleaseRequest e = r.request();
        boolean eIsDay = e.first().equals(e.last());
        if (eIsDay && e.first().equals(d)) {
          latestDay = e.batches();
        }
      }
      if (!isDay && latestDay != null && !latestDay.containsAll(request.batches())) {
        return "day " + d + " has input its published version lacks";
      }
    }
    return null;
  }
}
