package org.geotraffic.privacy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A release to publish together with everything published before that overlaps it in time (one site):
 * its unsuppressed tables, the slices its lines fall into, the unsuppressed tables of each of those slices
 * (what the run saw of them), and the earlier releases with their slices. Slices of earlier releases that
 * lie outside this run's input have no tables here.
 */
public record LinkedDay(UnsuppressedDay truth, Set<Slice> slices, Map<Slice, UnsuppressedDay> sliceTruths, List<LinkedRelease> linked)
    implements Serializable {
  public LinkedDay {
    slices = java.util.Collections.unmodifiableSet(new TreeSet<>(slices));
    sliceTruths = java.util.Collections.unmodifiableMap(new TreeMap<>(sliceTruths));
    linked = List.copyOf(linked);
  }

  /** A release with nothing published before it. */
  public static LinkedDay alone(UnsuppressedDay truth) {
    Slice only = new Slice(truth.date(), 0);
    return new LinkedDay(truth, Set.of(only), Map.of(only, truth), List.of());
  }
}
