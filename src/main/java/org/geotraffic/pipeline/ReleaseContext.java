package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.geotraffic.privacy.LinkedRelease;
import org.geotraffic.privacy.Slice;

/**
 * What the suppress task of one (date, site) needs to audit its release against the earlier ones that overlap
 * it: the release's slices, those releases with their rows, and whether the release would repeat the live
 * version (same slices, same settings), in which case identical numbers publish nothing new.
 */
record ReleaseContext(Set<Slice> slices, List<LinkedRelease> linked, boolean sameAsLive) implements Serializable {
  ReleaseContext {
    slices = java.util.Collections.unmodifiableSet(new TreeSet<>(slices));
    linked = List.copyOf(linked);
  }

  /** The key of a (date, site) in the map of contexts. */
  static String key(String date, String site) {
    return date + "\u0000" + site;
  }
}
