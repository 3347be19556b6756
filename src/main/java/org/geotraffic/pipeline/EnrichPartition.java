package org.geotraffic.pipeline;

import java.util.Iterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.util.CollectionAccumulator;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.parse.LineShape;
import org.geotraffic.enrich.LineEnricher;
import scala.Tuple2;

/**
 * The enrich stage's function: one input split's lines in, enriched rows out. The raw line and the
 * client in it never leave this function; a rejected line leaves only as its masked shape ({@link LineShape}).
 */
final class EnrichPartition implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;
  private final EnrichSettings settings;
  private final CollectionAccumulator<String> rejectExamples;

  EnrichPartition(EnrichSettings settings, CollectionAccumulator<String> rejectExamples) {
    this.settings = settings;
    this.rejectExamples = rejectExamples;
  }

  @Override
  public Iterator<Row> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    LineEnricher enricher = new LineEnricher(settings, ExecutorGeoDatabases.get(settings.geoDatabaseFileName(), settings.geoFields()));
    // Each split is one file or one piece of a file; a W3C file is never split.
    enricher.startFile();
    Set<String> exampled = new HashSet<>();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        // Text.toString decodes UTF-8 with replacement: invalid bytes become U+FFFD, never an exception.
        String line = lines.next()._2().toString();
        EnrichedEvent event = enricher.enrich(line);
        if (event.outcome.startsWith("rejected:") && exampled.add(event.outcome)) {
          // Only the line's shape (letters and digits masked) ever leaves the partition.
          rejectExamples.add(event.outcome.substring("rejected:".length()) + "\t" + LineShape.of(line));
        }
        return EnrichedRows.toRow(event);
      }
    };
  }
}
