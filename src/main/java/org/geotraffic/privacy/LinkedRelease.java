package org.geotraffic.privacy;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * A release published before, as the ledger has it, for one site: a name for findings, the slices its
 * numbers sum over, and its rows.
 */
public record LinkedRelease(String name, Set<Slice> slices, PublishedDay rows) implements Serializable {
  public LinkedRelease {
    slices = java.util.Collections.unmodifiableSet(new TreeSet<>(slices));
  }
}
