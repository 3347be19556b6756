package org.geotraffic.pipeline;

import java.util.Iterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.LineEnricher;
import scala.Tuple2;

/**
 * The enrich stage's function: one input split's lines in, enriched rows out. The raw line and the
 * client in it never leave this function.
 */
final class EnrichPartition implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> {
  private static final long serialVersionUID = 1L;
  private final EnrichSettings settings;

  EnrichPartition(EnrichSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    LineEnricher enricher = new LineEnricher(settings, ExecutorGeoDatabases.get(settings.geoDatabaseFileName(), settings.geoFields()));
    // Each split is one file or one piece of a file; a W3C file is never split.
    enricher.startFile();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Row next() {
        // Text.toString decodes UTF-8 with replacement: invalid bytes become U+FFFD, never an exception.
        return EnrichedRows.toRow(enricher.enrich(lines.next()._2().toString()));
      }
    };
  }
}
