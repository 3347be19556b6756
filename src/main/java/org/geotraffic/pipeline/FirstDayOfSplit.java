package org.geotraffic.pipeline;

import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.spark.api.java.function.Function2;
import org.geotraffic.aggregate.Days;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.LineEnricher;
import scala.Tuple2;

/**
 * The day sample's function: the day number of the first accepted line among an input split's first
 * {@link #MAX_LINES} lines, or nothing. Lines are enriched exactly as in the enrich stage (same
 * parser, window and filters), and only the day number leaves.
 */
final class FirstDayOfSplit implements Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Integer>> {
  private static final long serialVersionUID = 1L;
  static final int MAX_LINES = 1000;
  private final EnrichSettings settings;

  FirstDayOfSplit(EnrichSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<Integer> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    LineEnricher enricher = new LineEnricher(settings, ExecutorGeoDatabases.get(settings));
    enricher.startFile();
    for (int i = 0; i < MAX_LINES && lines.hasNext(); i++) {
      Tuple2<LongWritable, Text> line = lines.next();
      if (line._1().get() == TolerantTextInputFormat.CORRUPT) {
        break; // the enrich stage reports the damaged file
      }
      EnrichedEvent e = enricher.enrich(EnrichPartition.decode(line._2()));
      if (e.accepted()) {
        return List.of(new Days().number(e.date)).iterator();
      }
    }
    return List.<Integer>of().iterator();
  }
}
