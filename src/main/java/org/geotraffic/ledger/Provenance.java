package org.geotraffic.ledger;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geotraffic.config.Period;

/**
 * Which input batch of its day each line belongs to, from the ledger's input fingerprints: what the
 * executors need to count each batch's lines apart (the linked audit's slices). A line of day D in file F
 * at byte offset o belongs to the first batch of D whose introducing run read F past o (a compressed file:
 * read it exactly as it is now); otherwise it is new, and goes into the day's next batch. Only the days a
 * run audits against earlier releases are here; the others' lines carry no batch.
 *
 * <p>A file rewritten in place (copytruncate) would put new lines into an old batch: the job then finds
 * that the old release's numbers do not recompute from this input, and refuses (exit 8).
 *
 * <p>A week or month is built only on its days' published versions: a line of a day that has a published
 * day version, in a batch that version does not include, is left out (filtered, counted).
 */
public final class Provenance implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One known batch of a day: its number and the files of the run that introduced it. */
  private record Batch(int batch, Map<String, FileMark> files) implements Serializable {}

  /** The batches of one day, the number a new line gets, and the last batch a period may include (-1: any). */
  private record DayBatches(List<Batch> batches, int newBatch, int lastIncluded) implements Serializable {}

  private final Map<Integer, DayBatches> days;
  private final Map<String, FileMark> current;

  private Provenance(Map<Integer, DayBatches> days, Map<String, FileMark> current) {
    this.days = days;
    this.current = current;
  }

  /**
   * The provenance of the days {@code sliced} (days since 1970-01-01) for a run of {@code period} reading
   * the files {@code now}.
   */
  public static Provenance of(ReleaseLedger ledger, List<FileMark> now, Period period, Set<Integer> sliced) {
    Map<String, FileMark> current = new HashMap<>();
    now.forEach(m -> current.put(FileMark.key(m.path()), m));
    Map<Integer, DayBatches> days = new HashMap<>();
    for (int day : sliced) {
      LocalDate date = LocalDate.ofEpochDay(day);
      TreeMap<Integer, LedgerRun> known = ledger.batches(date);
      List<Batch> batches = new ArrayList<>();
      known.forEach((b, run) -> {
        Map<String, FileMark> files = new HashMap<>();
        run.inputs().forEach(m -> files.put(FileMark.key(m.path()), m));
        batches.add(new Batch(b, files));
      });
      int newBatch = known.isEmpty() ? 0 : known.lastKey() + 1;
      int lastIncluded = -1;
      if (period != Period.DAY) {
        lastIncluded = ledger.live(Period.DAY, date.toString())
            .map(r -> r.slices().stream().filter(s -> s.day().equals(date.toString())).mapToInt(org.geotraffic.privacy.Slice::batch).max()
                .orElse(-1))
            .orElse(-1);
      }
      days.put(day, new DayBatches(batches, newBatch, lastIncluded));
    }
    return new Provenance(days, current);
  }

  /** Whether lines of the day are counted by batch. */
  public boolean sliced(int day) {
    return days.containsKey(day);
  }

  /** The new batch of a sliced day: the number its lines that no earlier release read get. */
  public int newBatch(int day) {
    return days.get(day).newBatch();
  }

  /** The lookups for one input file (one split); cheap per line. */
  public InFile inFile(String path) {
    return new InFile(FileMark.key(path));
  }

  /** Batch lookups for the lines of one file. Not thread-safe: one per split. */
  public final class InFile {
    private final String key;
    private final FileMark now;
    /** Per day: {batch, offset limit (Long.MAX_VALUE: whole file)} of the batches that read this file, in batch order. */
    private final Map<Integer, long[][]> limits = new HashMap<>();

    private InFile(String key) {
      this.key = key;
      this.now = current.get(key);
    }

    /** The batch of a line of the day at the byte offset (only for a sliced day). */
    public int batchOf(int day, long offset) {
      long[][] l = limits.computeIfAbsent(day, this::limitsOf);
      for (long[] b : l) {
        if (offset < b[1]) {
          return (int) b[0];
        }
      }
      return days.get(day).newBatch();
    }

    /** Whether a period must leave out a line of the day in this batch: its day's published version lacks it. */
    public boolean beyondPublishedDay(int day, int batch) {
      int last = days.get(day).lastIncluded();
      return last >= 0 && batch > last;
    }

    private long[][] limitsOf(int day) {
      List<long[]> out = new ArrayList<>();
      for (Batch b : days.get(day).batches()) {
        FileMark then = b.files().get(key);
        if (then == null) {
          continue;
        }
        if (then.compressed()) {
          // Offsets in a compressed file are not file offsets: the whole file or nothing of it.
          if (then.sameAs(now)) {
            out.add(new long[] {b.batch(), Long.MAX_VALUE});
          }
        } else {
          out.add(new long[] {b.batch(), then.size()});
        }
      }
      return out.toArray(new long[0][]);
    }
  }
}
