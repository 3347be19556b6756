package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class EventDatesTest {
  @Test
  void utc_datesByUtcDay() {
    EventDates d = new EventDates(ZoneId.of("UTC"));
    long t = ZonedDateTime.parse("2026-11-23T23:59:59Z").toEpochSecond();
    assertEquals("2026-11-23", d.dateOf(t));
    assertEquals("2026-11-24", d.dateOf(t + 1));
    assertEquals("2026-11-23", d.dateOf(t - 3600));
  }

  @Test
  void configuredZone_movesEventsAcrossMidnight() {
    EventDates d = new EventDates(ZoneId.of("Europe/Berlin"));
    assertEquals("2026-11-24", d.dateOf(ZonedDateTime.parse("2026-11-23T23:30:00Z").toEpochSecond()));
  }

  @Test
  void daylightSavingDay_has25Hours() {
    EventDates d = new EventDates(ZoneId.of("Europe/Berlin"));
    // On 2026-10-25 Berlin falls back from CEST to CET: 22:30 UTC is 23:30 local, 23:00 UTC is midnight.
    assertEquals("2026-10-25", d.dateOf(ZonedDateTime.parse("2026-10-25T22:30:00Z").toEpochSecond()));
    assertEquals("2026-10-26", d.dateOf(ZonedDateTime.parse("2026-10-25T23:00:00Z").toEpochSecond()));
  }
}
