package org.geotraffic.privacyoracle;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A release as published: what was asked for and the rows that went out. */
public record PublishedRelease(ReleaseRequest request, List<PublishedRow> rows) {

    public PublishedRelease {
        Objects.requireNonNull(request, "request");
        rows = List.copyOf(rows);
        Set<RowKey> seen = new HashSet<>();
        for (PublishedRow row : rows) {
            if (!seen.add(row.key())) {
                throw new IllegalArgumentException(request.label() + " publishes " + row.key() + " twice");
            }
        }
    }

    public String label() {
        return request.label();
    }

    public String site() {
        return request.site();
    }
}
