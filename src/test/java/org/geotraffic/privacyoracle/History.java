package org.geotraffic.privacyoracle;

import java.util.List;

/**
 * A generated history: the micro-data of several sites (late batches included) and the releases to make,
 * in the order they are published. Regenerate it from its seed with {@link HistoryGenerator#generate}.
 */
public record History(long seed, List<Event> events, List<ReleaseRequest> schedule, String summary) {

    public History {
        events = List.copyOf(events);
        schedule = List.copyOf(schedule);
    }
}
