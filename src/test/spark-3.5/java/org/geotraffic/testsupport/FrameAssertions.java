package org.geotraffic.testsupport;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame assertions of the Spark 3.5 line: spark-testing-base's own (src/test/spark-4.1/java has the same
 * assertions for the 4.1 line, where spark-testing-base is not served).
 */
public final class FrameAssertions {
  private FrameAssertions() {}

  /**
   * The two small frames have the same number of columns and the same rows, in any order (compared as sets, by
   * {@code expected}'s column names); the schemas' types and nullability are not compared.
   */
  public static void assertSmallDataFrameDataEquals(Dataset<Row> expected, Dataset<Row> actual) {
    new JavaDataFrameSuiteBase().assertSmallDataFrameDataEquals(expected, actual);
  }
}
