package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which shuffle partition of the visitor shuffle each (day, visitor) goes to ({@link VisitorPartitioner}), and
 * which partition of the day assembly each day goes to ({@link DayPartitioner}): every day of the input
 * gets its own block of {@link #perDay()} partitions, and each of the day's visitors one partition in
 * that block. A reduce task then holds few days, so the partial tables it hands to the day assembly
 * grow with the days of the input, not with partitions × days (benchmark, 40M lines over 20 days: 77
 * partitions that each held all 20 days left 15.9M partial rows and a 1.1 GB live heap).
 *
 * <p>Correctness never depends on the day range: any (day, visitor) still lands in exactly one
 * partition, which is all the reduce side needs. Days outside the range wrap around onto other days'
 * blocks, which only costs balance. More days than wanted partitions: one partition per day, wrapping.
 */
public final class DayPlacement implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int firstDay;
  private final int perDay;
  private final int partitions;
  /** How many day blocks: the days of the range, at most the partitions; 0 when the range is unknown. */
  private final int dayBlocks;

  private DayPlacement(int firstDay, int perDay, int partitions, int dayBlocks) {
    this.firstDay = firstDay;
    this.perDay = perDay;
    this.partitions = partitions;
    this.dayBlocks = dayBlocks;
  }

  /**
   * @param firstDay the input's first day (days since 1970-01-01), as far as it is known
   * @param lastDay the input's last day, as far as it is known
   * @param wanted about how many partitions the input needs (spark.sql.shuffle.partitions)
   */
  public static DayPlacement of(int firstDay, int lastDay, int wanted) {
    if (lastDay < firstDay || wanted < 1) {
      throw new IllegalArgumentException("Cannot place days " + firstDay + ".." + lastDay + " in " + wanted + " partitions");
    }
    long days = (long) lastDay - firstDay + 1;
    if (days >= wanted) {
      return new DayPlacement(firstDay, 1, wanted, wanted);
    }
    int perDay = (int) ((wanted + days - 1) / days);
    return new DayPlacement(firstDay, perDay, (int) (days * perDay), (int) days);
  }

  /** Without a known day range: by visitor only, every partition holds every day. */
  public static DayPlacement visitorsOnly(int wanted) {
    return new DayPlacement(0, wanted, wanted, 0);
  }

  public int firstDay() {
    return firstDay;
  }

  public int perDay() {
    return perDay;
  }

  public int partitions() {
    return partitions;
  }

  /** The partition of a day's cell with this spread value (the visitor id, or a hash for cells without one). */
  public int partition(int day, long spread) {
    return (int) Math.floorMod((long) (day - firstDay) * perDay + Math.floorMod(spread, perDay), (long) partitions);
  }

  /** Whether the day range is known: without it, {@link #dayBlocks()} is 0 and days cannot be placed on their own. */
  public boolean knowsDays() {
    return dayBlocks > 0;
  }

  /**
   * How many partitions the day assembly gets: one per day of the range (days wrap when there are more
   * than {@link #partitions()}), so that every day is assembled by a task of its own.
   */
  public int dayBlocks() {
    return dayBlocks;
  }

  /** The day assembly's partition of a day: its block. Only when {@link #knowsDays()}. */
  public int dayBlock(int day) {
    return Math.floorMod(day - firstDay, dayBlocks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayPlacement p && p.firstDay == firstDay && p.perDay == perDay && p.partitions == partitions
        && p.dayBlocks == dayBlocks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstDay, perDay, partitions, dayBlocks);
  }

  @Override
  public String toString() {
    return "DayPlacement[firstDay=" + firstDay + ", perDay=" + perDay + ", partitions=" + partitions + ", dayBlocks=" + dayBlocks + "]";
  }
}
