package org.geotraffic.pipeline;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * DataFrames over Spark's own rows, both ways, for the stages' hot paths. Going through {@link Row}s
 * costs an encoder call per row and, on the way in, a second copy: the enrich stage spent 7% of its
 * task samples there (benchmark, 10M lines), the day assembly more garbage than work.
 *
 * <p>{@code internalCreateDataFrame} is {@code private[sql]} in Scala and public in bytecode; Spark is
 * pinned (3.5.x), and VisitorCellRowsTest runs it.
 */
final class InternalFrames {
  private InternalFrames() {}

  /** The rows as a DataFrame of {@code schema}; each row must match the schema's types (UTF8String for strings). */
  static Dataset<Row> of(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
    return spark.internalCreateDataFrame(rows.rdd(), schema, false);
  }

  /** The frame's rows as Spark produces them: a row may be reused for the next, so read it before moving on. */
  static JavaRDD<InternalRow> rows(Dataset<Row> frame) {
    return frame.queryExecution().toRdd().toJavaRDD();
  }
}
