package org.geotraffic.pipeline;

import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.geotraffic.config.Period;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.parse.LineParsers;
import scala.Tuple2;

/**
 * Stage 1, read + parse + enrich: input files to one record of derived values per accepted line. Compression
 * (.gz, .bz2, and what else the cluster's Hadoop codecs know) is handled by Hadoop's text input.
 */
public final class EnrichStage {
  /**
   * Hadoop's reader keeps at most this many bytes of one line, to bound memory; input.max-line-length is
   * capped well below it, so such a line is still counted, as too-long.
   */
  static final int HARD_LINE_LIMIT_BYTES = 64 * 1024 * 1024;
  /** Below this average split size, splits are packed together so small files do not mean many tasks. */
  static final long TARGET_SPLIT_BYTES = 64L * 1024 * 1024;

  private EnrichStage() {}

  /**
   * Visitor cell records ({@link VisitorCellRecords}: the keys; there are no values), and the accumulator that
   * collects one masked example ({@link org.geotraffic.parse.LineShape}) per reject reason and partition, as
   * "reason TAB shape".
   */
  public record Enriched(JavaPairRDD<byte[], Void> cells, CollectionAccumulator<RejectExample> rejectExamples,
      CollectionAccumulator<InputFileTally> files) {}

  /**
   * @param provenance the input batches of the days audited against earlier releases (their lines then carry
   *     their slice), or null
   */
  public static Enriched enrich(SparkSession spark, InputFiles input, EnrichSettings settings, Period period,
      org.geotraffic.ledger.Provenance provenance) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CollectionAccumulator<RejectExample> examples = spark.sparkContext().collectionAccumulator("reject examples");
    CollectionAccumulator<InputFileTally> files = spark.sparkContext().collectionAccumulator("input files");
    JavaRDD<Tuple2<byte[], Void>> cells = packed(jsc, input,
        lines(jsc, input, settings).mapPartitionsWithInputSplit(new EnrichPartition(settings, examples, files, period, provenance), false));
    return new Enriched(JavaPairRDD.fromJavaRDD(cells), examples, files);
  }

  /** Packs small splits into fewer tasks, so that a thousand small files do not mean a thousand tasks. */
  private static <T> JavaRDD<T> packed(JavaSparkContext jsc, InputFiles input, JavaRDD<T> perSplit) {
    int target = (int) Math.max(2L * jsc.defaultParallelism(), (input.totalBytes() + TARGET_SPLIT_BYTES - 1) / TARGET_SPLIT_BYTES);
    // Without a shuffle: each packed task reads several whole splits, one after the other.
    return perSplit.getNumPartitions() > target ? perSplit.coalesce(target) : perSplit;
  }

  /**
   * The input's first and last day (days since 1970-01-01) as far as the first accepted line of each
   * input split tells, or null when none has one: a small job that reads the start of every split
   * (logs are written in time order, so the splits' starts spread over the input's days). Only day
   * numbers leave the executors.
   */
  public static int[] sampleDayRange(SparkSession spark, InputFiles input, EnrichSettings settings) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> days = packed(jsc, input, lines(jsc, input, settings).mapPartitionsWithInputSplit(new FirstDayOfSplit(settings), false)).collect();
    if (days.isEmpty()) {
      return null;
    }
    return new int[] {Collections.min(days), Collections.max(days)};
  }

  private static JavaNewHadoopRDD<LongWritable, Text> lines(JavaSparkContext jsc, InputFiles input, EnrichSettings settings) {
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
    conf.setInt("mapreduce.input.linerecordreader.line.maxlength", HARD_LINE_LIMIT_BYTES);
    Class<? extends TextInputFormat> format =
        LineParsers.needsWholeFiles(settings.inputFormat()) ? NonSplittableTextInputFormat.class : TolerantTextInputFormat.class;
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopFile(String.join(",", input.files()), format, LongWritable.class, Text.class, conf);
    return lines;
  }
}
