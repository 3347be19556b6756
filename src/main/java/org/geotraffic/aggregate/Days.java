package org.geotraffic.aggregate;

import java.time.LocalDate;
import java.util.HashMap;

/**
 * ISO dates to day numbers (days since 1970-01-01) and back, remembering the few dates a partition
 * sees. Not thread-safe: one per partition.
 */
public final class Days {
  private final HashMap<String, Integer> numbers = new HashMap<>();
  private final HashMap<Integer, String> dates = new HashMap<>();
  private final HashMap<String, Integer> periods = new HashMap<>();

  public int number(String isoDate) {
    Integer n = numbers.get(isoDate);
    if (n == null) {
      n = (int) LocalDate.parse(isoDate).toEpochDay();
      numbers.put(isoDate, n);
    }
    return n;
  }

  /** The day number of the first day of the period (a week, a month) that holds the date; the date's own for days. */
  public int periodNumber(String isoDate, org.geotraffic.config.Period period) {
    if (period == org.geotraffic.config.Period.DAY) {
      return number(isoDate);
    }
    Integer n = periods.get(isoDate);
    if (n == null) {
      n = (int) period.start(LocalDate.parse(isoDate)).toEpochDay();
      periods.put(isoDate, n);
    }
    return n;
  }

  public String date(int day) {
    return dates.computeIfAbsent(day, d -> LocalDate.ofEpochDay(d).toString());
  }
}
