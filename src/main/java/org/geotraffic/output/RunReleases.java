package org.geotraffic.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did release by release, for its summary: the dates it published as new releases, the ones whose
 * live version it repeated (nothing published), the ones it withdrew, and what auditing against earlier releases
 * cost. Dates and counts only: never a cell.
 *
 * @param earlierReleasesAudited how many (earlier release, new release) pairs the linked audit attacked together
 * @param rowsHiddenForEarlierReleases rows the new releases hide because of earlier releases (alone they would be published)
 * @param earlierRowsNotRecomputing rows of earlier releases that did not recompute from this input (any: refused)
 * @param withheld the dates (and sites) whose new version would have had to hide its totals
 */
public record RunReleases(List<String> published, List<String> unchanged, List<String> cleared, long earlierReleasesAudited,
    long rowsHiddenForEarlierReleases, long earlierRowsNotRecomputing, List<String> withheld) {
  public RunReleases {
    published = List.copyOf(published);
    unchanged = List.copyOf(unchanged);
    cleared = List.copyOf(cleared);
    withheld = List.copyOf(withheld);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("published", published);
    m.put("unchanged", unchanged);
    m.put("cleared", cleared);
    Map<String, Object> cross = new LinkedHashMap<>();
    cross.put("earlier_releases_audited", earlierReleasesAudited);
    cross.put("rows_hidden_for_earlier_releases", rowsHiddenForEarlierReleases);
    cross.put("earlier_rows_not_recomputing", earlierRowsNotRecomputing);
    cross.put("withheld", withheld);
    m.put("cross_release", cross);
    return m;
  }
}
