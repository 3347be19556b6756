package org.geotraffic.privacyoracle;

/** A published row, named by the label of its release and its key. */
public record RowReference(String release, RowKey key) {

    @Override
    public String toString() {
        return release + ": " + key;
    }
}
