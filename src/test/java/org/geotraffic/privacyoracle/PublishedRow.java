package org.geotraffic.privacyoracle;

import java.util.Objects;

/** One published row: its key and its numbers. */
public record PublishedRow(RowKey key, Measures measures) {

    public PublishedRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measures, "measures");
    }

    @Override
    public String toString() {
        return key + " " + measures;
    }
}
