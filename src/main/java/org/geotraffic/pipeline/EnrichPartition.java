package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.CollectionAccumulator;
import org.geotraffic.aggregate.Days;
import org.geotraffic.config.Period;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.Slices;
import org.geotraffic.ledger.Provenance;
import org.geotraffic.parse.FilterReason;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.enrich.LineOutcome;
import org.geotraffic.parse.LineShape;
import org.geotraffic.parse.PrintableAscii;
import scala.Tuple2;

/**
 * The enrich stage's function: one input split's lines in; one visitor cell record per accepted line, then
 * the split's line tallies, out ({@link VisitorCellRecords}; the record is the pair's key, there is no value).
 * The raw line and the client in it never leave this function; a rejected line leaves only as its masked shape
 * ({@link LineShape}).
 *
 * <p>Lines are not summed per cell here: within a split few lines share a (visitor, page), and a Java
 * map of a split's cells cost more in garbage collection than the smaller shuffle saved (benchmark,
 * 10M lines: 40 s of GC in this stage).
 */
final class EnrichPartition implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Tuple2<byte[], Void>>> {
  private static final long serialVersionUID = 1L;
  private final EnrichSettings settings;
  private final CollectionAccumulator<RejectExample> rejectExamples;
  private final CollectionAccumulator<InputFileTally> files;
  private final Period period;
  /** The input batches of the days audited against earlier releases, or null when there are none. */
  private final Provenance provenance;

  EnrichPartition(EnrichSettings settings, CollectionAccumulator<RejectExample> rejectExamples, CollectionAccumulator<InputFileTally> files,
      Period period, Provenance provenance) {
    this.settings = settings;
    this.rejectExamples = rejectExamples;
    this.files = files;
    this.period = period;
    this.provenance = provenance;
  }

  @Override
  public Iterator<Tuple2<byte[], Void>> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    LineEnricher enricher = new LineEnricher(settings, ExecutorGeoDatabases.get(settings));
    // Each split is one file or one piece of a file; a W3C file is never split.
    enricher.startFile();
    Set<LineOutcome> exampled = new HashSet<>();
    LineTallies tallies = new LineTallies();
    Days days = new Days();
    VisitorCell cell = new VisitorCell();
    VisitorCellRecords.Writer records = new VisitorCellRecords.Writer();
    long[] read = new long[2]; // lines, rejected
    java.util.Map<String, long[]> acceptedByDay = new java.util.HashMap<>();
    java.util.Map<Integer, long[]> acceptedBySlice = new java.util.HashMap<>();
    CorruptInput[] corrupt = new CorruptInput[1];
    String path = ((FileSplit) split).getPath().toString();
    Provenance.InFile batches = provenance == null ? null : provenance.inFile(path);
    Iterator<Tuple2<byte[], Void>> cells = new Iterator<>() {
      private Tuple2<byte[], Void> next;

      @Override
      public boolean hasNext() {
        while (next == null && lines.hasNext()) {
          Tuple2<LongWritable, Text> line = lines.next();
          if (line._1().get() == TolerantTextInputFormat.CORRUPT) {
            corrupt[0] = CorruptInput.ofKey(line._2().toString());
            continue;
          }
          read[0]++;
          next = enrich(line._1().get(), line._2());
        }
        return next != null;
      }

      @Override
      public Tuple2<byte[], Void> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Tuple2<byte[], Void> r = next;
        next = null;
        return r;
      }

      /** The line's visitor cell record, or null when it was not accepted. */
      private Tuple2<byte[], Void> enrich(long offset, Text text) {
        String line = decode(text);
        EnrichedEvent e = enricher.enrich(line, PrintableAscii.of(text.getBytes(), text.getLength()));
        int slice = Slices.NONE;
        if (batches != null && e.accepted()) {
          int day = days.number(e.date);
          if (provenance.sliced(day)) {
            int batch = batches.batchOf(day, offset);
            if (batches.beyondPublishedDay(day, batch)) {
              e.outcome = LineOutcome.filtered(FilterReason.NEWER_THAN_PUBLISHED_DAY);
              e.geoSource = null;
              e.bot = false;
            } else {
              slice = Slices.of(day, batch);
              acceptedBySlice.computeIfAbsent(slice, x -> new long[1])[0]++;
            }
          }
        }
        tallies.add(e);
        if (!e.accepted()) {
          if (e.outcome.kind() == LineOutcome.Kind.REJECTED) {
            read[1]++;
          }
          if (e.outcome.kind() == LineOutcome.Kind.REJECTED && exampled.add(e.outcome)) {
            // Only the line's shape (letters and digits masked) ever leaves the partition.
            rejectExamples.add(new RejectExample(e.outcome.rejectReason(), LineShape.of(line)));
          }
          return null;
        }
        acceptedByDay.computeIfAbsent(e.date, d -> new long[1])[0]++;
        // A week or month is one "day" of the aggregation: its first day, so that visitors are distinct over it.
        return new Tuple2<>(records.cell(cell.set(days.periodNumber(e.date, period), e.site, e.country, e.region, e.page, e.visitor, 1,
            e.pageView ? 1 : 0, e.bytes).inSlice(slice)), null);
      }
    };
    return new FollowedBy<>(cells, () -> {
      java.util.Map<String, Long> accepted = new java.util.TreeMap<>();
      acceptedByDay.forEach((d, n) -> accepted.put(d, n[0]));
      java.util.Map<String, Long> bySlice = new java.util.TreeMap<>();
      acceptedBySlice.forEach((s, n) -> bySlice.put(Slices.date(s) + "#" + Slices.batch(s), n[0]));
      files.add(new InputFileTally(path, read[0], read[1], corrupt[0], accepted, bySlice));
      return tallies.list().stream().map(t -> new Tuple2<byte[], Void>(records.tally(t), null)).iterator();
    });
  }

  /**
   * The line as a String. Invalid UTF-8 becomes U+FFFD, never an exception, exactly as with Text.toString
   * (LineDecodingTest); the String constructor copies an ASCII line in one step, where Text.toString goes
   * through a thread-local CharsetDecoder and a char buffer (one thread, benchmark lines: 55 against 110 ns).
   */
  static String decode(Text text) {
    return new String(text.getBytes(), 0, text.getLength(), StandardCharsets.UTF_8);
  }
}
