package org.geotraffic.privacyoracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A site's events indexed by day, so a release reads only its window. */
final class EventsByDay {

    private final TreeMap<LocalDate, List<Event>> byDay = new TreeMap<>();

    private EventsByDay() {
    }

    static EventsByDay of(List<Event> events) {
        EventsByDay index = new EventsByDay();
        Map<LocalDate, List<Event>> unordered = new java.util.HashMap<>();
        for (Event event : events) {
            unordered.computeIfAbsent(event.day(), d -> new ArrayList<>()).add(event);
        }
        index.byDay.putAll(unordered);
        return index;
    }

    List<Event> between(LocalDate first, LocalDate last) {
        List<Event> events = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Event>> day : byDay.subMap(first, true, last, true).entrySet()) {
            events.addAll(day.getValue());
        }
        return events;
    }
}
