package org.geotraffic.report;

import java.time.LocalDate;
import java.util.List;
import org.geotraffic.config.Period;

/**
 * What the report says about the period it shows, in one place for the HTML and the CSV files: what a
 * visitors figure means, how the range reads, which files and columns the CSV has.
 *
 * <p>Visitors in the daily tables are distinct per day; a sum over several days counts a person once per day
 * they came, and is labelled "daily, summed". The weekly and monthly tables count a person once over the
 * whole week or month; the report never sums them over several periods, so their figures are labelled
 * "distinct over the week" (or month). Stateless.
 */
public final class PeriodWords {
  private PeriodWords() {}

  /** "day", "week", "month". */
  public static String noun(Period period) {
    return period.key();
  }

  /** "daily", "weekly", "monthly": the prefix of the CSV files with one row per period. */
  public static String adjective(Period period) {
    return switch (period) {
      case DAY -> "daily";
      case WEEK -> "weekly";
      case MONTH -> "monthly";
    };
  }

  /** "1 day", "3 weeks". */
  public static String count(Period period, int n) {
    return n + " " + noun(period) + (n == 1 ? "" : "s");
  }

  /**
   * The label of a visitors figure over {@code periods} periods: "Visitors (distinct over the week)", and for
   * days "Visitors (distinct over the day)" or, over several days, "Visitors (daily, summed)".
   */
  public static String visitors(Period period, int periods) {
    if (period == Period.DAY && periods != 1) {
      return "Visitors (daily, summed)";
    }
    return "Visitors (distinct over the " + noun(period) + ")";
  }

  /** The CSV column of visitors over the report's range: days are summed; a period's are its distinct visitors. */
  public static String visitorsColumn(Period period) {
    return period == Period.DAY ? "visitors_daily_summed" : "visitors_distinct_over_" + noun(period);
  }

  /** The heading of the chart of visitors per period. */
  public static String trendTitle(Period period) {
    return switch (period) {
      case DAY -> "Daily visitors";
      case WEEK -> "Weekly visitors (distinct over each week)";
      case MONTH -> "Monthly visitors (distinct over each month)";
    };
  }

  /** The heading of the trend table's first column. */
  public static String dateHeading(Period period) {
    return period == Period.DAY ? "Date" : capitalised(noun(period)) + " starting";
  }

  /** A period by its first day: "2026-11-23" for a day, "week 2026-11-23 to 2026-11-29" for a week. */
  public static String one(Period period, String firstDay) {
    if (period == Period.DAY) {
      return firstDay;
    }
    return noun(period) + " " + firstDay + " to " + lastDay(period, firstDay);
  }

  /** The last day of the period that starts on {@code firstDay}. */
  public static String lastDay(Period period, String firstDay) {
    return period.end(LocalDate.parse(firstDay)).toString();
  }

  /**
   * The report's range: "2026-11-01 to 2026-11-03 (3 days)" for days (as ever); for weeks and months
   * "weekly, 2026-11-23 to 2026-12-06 (2 weeks)", the last period's last day ending it.
   */
  public static String range(Period period, List<String> firstDays) {
    if (firstDays.isEmpty()) {
      return period == Period.DAY ? "no days" : adjective(period) + ", no " + noun(period) + "s";
    }
    String first = firstDays.get(0);
    String last = lastDay(period, firstDays.get(firstDays.size() - 1));
    String span = first + " to " + last + " (" + count(period, firstDays.size()) + ")";
    return period == Period.DAY ? span : adjective(period) + ", " + span;
  }

  /** The note under the report: how visitors are counted and what an unpublished value means. */
  public static String notes(Period period) {
    String counting = period == Period.DAY
        ? "Visitors are counted per day: a person who came on three days counts three times in a sum over days. "
        : "Visitors are counted once per " + noun(period) + ": a person who came on three days of a " + noun(period)
            + " counts once in that " + noun(period) + ". Each " + noun(period) + " is shown on its own; no figure adds "
            + noun(period) + "s together. ";
    return counting + "A number that was not published for a " + noun(period) + " had fewer than k visitors that " + noun(period)
        + ", or was combined with other small numbers into an \"Other\" row; \"Other ... (combined)\" rows are such combinations, "
        + "\"Unknown location\" could not be placed, \"Internal network\" is traffic from the site owner's own networks.";
  }

  /** What the period is, for the report's footer. */
  public static String definition(Period period) {
    return switch (period) {
      case DAY -> "days (the daily tables)";
      case WEEK -> "ISO weeks, Monday to Sunday (the weekly tables); visitors distinct over each week";
      case MONTH -> "calendar months (the monthly tables); visitors distinct over each month";
    };
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
