package org.geotraffic.privacy;

import java.util.Objects;

/**
 * One child cell of a group, before suppression.
 *
 * @param key the child's key value: a country code, a region code or a page path
 * @param measures its measures
 */
public record Cell(String key, Measures measures) implements java.io.Serializable {
  public Cell {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(measures, "measures");
  }
}
