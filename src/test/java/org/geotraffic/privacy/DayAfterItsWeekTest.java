package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.geotraffic.privacyoracle.Disclosure;
import org.geotraffic.privacyoracle.Event;
import org.geotraffic.privacyoracle.HistoryOracle;
import org.geotraffic.privacyoracle.PublishedRelease;
import org.geotraffic.privacyoracle.PublishedRow;
import org.geotraffic.privacyoracle.ReleaseRequest;
import org.junit.jupiter.api.Test;

/**
 * A week published first, then one of its days (a rerun of a day, or days published late): the day's run reads
 * only its own day, so what the week minus the day says about the other six days must be bounded from the
 * week's published visitors. Before that bound the day was withheld whole; now it publishes nearly what it
 * would alone, and the independent oracle finds nothing.
 */
class DayAfterItsWeekTest {
  private static final String SITE = "site.example";
  private static final LocalDate MONDAY = LocalDate.parse("2027-02-01");
  private static final String[][] PLACES = {{"GB", "GB-ENG"}, {"GB", "GB-SCT"}, {"DE", "DE-BY"}, {"FR", "FR-IDF"}, {"US", "US-CA"}};
  private static final String[] PAGES = {"/", "/a", "/b", "/c"};

  @Test
  void aDayAfterItsWeek_isPublished_andGivesNothingAway() {
    Random random = new Random(20261207L);
    List<Event> events = new ArrayList<>();
    for (long visitor = 1; visitor <= 400; visitor++) {
      String[] place = PLACES[random.nextInt(PLACES.length)];
      int days = 1 + random.nextInt(3); // returning visitors: the week's visitors are fewer than the days' sum
      for (int d = 0; d < days; d++) {
        LocalDate day = MONDAY.plusDays(random.nextInt(7));
        for (int hit = 0; hit < 1 + random.nextInt(3); hit++) {
          events.add(new Event(visitor, SITE, day, PAGES[random.nextInt(PAGES.length)], place[0], place[1], true, 1000, 0));
        }
      }
    }
    int k = 10;
    LinkedSuppressorPublisher publisher = new LinkedSuppressorPublisher(true);
    List<PublishedRelease> releases = new ArrayList<>();
    ReleaseRequest week = ReleaseRequest.isoWeek(SITE, MONDAY, Set.of(0), k, 1);
    releases.add(new PublishedRelease(week, publisher.publish(week, events, List.of())));
    LocalDate wednesday = MONDAY.plusDays(2);
    ReleaseRequest day = ReleaseRequest.day(SITE, wednesday, Set.of(0), k, 1);
    List<Event> ofTheDay = events.stream().filter(e -> e.day().equals(wednesday)).toList();
    List<PublishedRow> dayRows = publisher.publish(day, ofTheDay, List.copyOf(releases));
    releases.add(new PublishedRelease(day, dayRows));
    List<PublishedRow> alone = publisher.publish(day, ofTheDay, List.of());

    assertFalse(dayRows.isEmpty(), "the day is published next to its week");
    long countriesNextToWeek = dayRows.stream().filter(r -> r.key().table().name().equals("COUNTRIES")).count();
    long countriesAlone = alone.stream().filter(r -> r.key().table().name().equals("COUNTRIES")).count();
    assertTrue(countriesNextToWeek >= 2 && countriesAlone >= countriesNextToWeek,
        "countries next to the week " + countriesNextToWeek + ", alone " + countriesAlone);
    List<Disclosure> found = new HistoryOracle().attack(events, releases);
    assertEquals(List.of(), found);
  }
}
