package org.geotraffic.ledger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Slice;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileMoves;

/**
 * Every release this output has published, in the order published ({@link LedgerRun}s under {@code
 * _ledger/releases/}), and what follows from them: the input batches of each day, the version of a day
 * or period that is live, the periods that contain a day. Immutable once read.
 *
 * <p>A day's batches: batch 0 is the input of the first release that covered the day; each later release
 * that read lines of the day no earlier release had read added the next batch. The ledger records each
 * release's slices (day, batch); a batch was introduced by the first run whose releases name it, and that
 * run's input fingerprint tells which lines belong to it ({@link Provenance}).
 */
public final class ReleaseLedger {
  /** The ledger's folder under the output directory. */
  public static final String DIR = "_ledger";
  public static final String RELEASES = DIR + "/releases";
  public static final String ROWS = DIR + "/rows";

  private final List<LedgerRun> runs;

  public ReleaseLedger(List<LedgerRun> runs) {
    List<LedgerRun> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingInt(LedgerRun::sequence).thenComparing(LedgerRun::runId));
    this.runs = List.copyOf(sorted);
  }

  /** Reads the ledger of {@code output} (empty when it has none); the exception names the file that cannot be read. */
  public static ReleaseLedger read(FileMoves moves, Path output) throws IOException {
    Path dir = new Path(output, RELEASES);
    List<LedgerRun> runs = new ArrayList<>();
    for (String name : moves.list(dir)) {
      if (!name.endsWith(".json") || name.startsWith(".")) {
        continue;
      }
      Path file = new Path(dir, name);
      try {
        runs.add(LedgerRun.parse(moves.read(file)));
      } catch (IOException | RuntimeException e) {
        throw new IOException("Cannot read the release ledger: " + e.getMessage() + ", " + file, e);
      }
    }
    return new ReleaseLedger(runs);
  }

  /** The ledger file of a run, relative to the output directory. */
  public static String runFile(String runId) {
    return RELEASES + "/" + runId + ".json";
  }

  /** The partition column of the ledger's row copies that names the run. */
  public static final String RUN_ID = "run_id";

  /**
   * Where the ledger keeps a release's copy of a table partition, relative to the output directory: {@code
   * _ledger/rows/<period folder>/<table>/run_id=<run>/date=<first day>} (readable as one partitioned table).
   */
  public static String rowsFolder(String runId, Period period, Table table, String date) {
    return rowsTable(period, table) + "/" + RUN_ID + "=" + runId + "/date=" + date;
  }

  /** The folder of one table's row copies, relative to the output directory. */
  public static String rowsTable(Period period, Table table) {
    return ROWS + "/" + period.tablePath(table.tableName());
  }

  public List<LedgerRun> runs() {
    return runs;
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** The sequence number of the next run to publish. */
  public int nextSequence() {
    return runs.isEmpty() ? 1 : runs.get(runs.size() - 1).sequence() + 1;
  }

  /** The runs' ids, to tell whether another run published since this one read the ledger. */
  public TreeSet<String> runIds() {
    TreeSet<String> ids = new TreeSet<>();
    runs.forEach(r -> ids.add(r.runId()));
    return ids;
  }

  /** Every release, in the order published. */
  public List<LedgerRelease> releases() {
    List<LedgerRelease> all = new ArrayList<>();
    runs.forEach(r -> all.addAll(r.releases()));
    return all;
  }

  /** Every release (all versions, cleared ones included) that shares a day with [from, to]. */
  public List<LedgerRelease> overlapping(LocalDate from, LocalDate to) {
    return releases().stream().filter(r -> r.overlaps(from, to)).toList();
  }

  /** The live version of a (period, first day): the latest release of it, unless that cleared it. */
  public Optional<LedgerRelease> live(Period period, String date) {
    LedgerRelease latest = null;
    for (LedgerRelease r : releases()) {
      if (r.period() == period && r.date().equals(date)) {
        latest = r;
      }
    }
    return latest == null || latest.cleared() ? Optional.empty() : Optional.of(latest);
  }

  /** The day's known batches, each with the run that introduced it (the first whose releases name it). */
  public TreeMap<Integer, LedgerRun> batches(LocalDate day) {
    TreeMap<Integer, LedgerRun> out = new TreeMap<>();
    String date = day.toString();
    for (LedgerRun run : runs) {
      for (LedgerRelease r : run.releases()) {
        for (Slice s : r.slices()) {
          if (s.day().equals(date)) {
            out.putIfAbsent(s.batch(), run);
          }
        }
      }
    }
    return out;
  }
}
