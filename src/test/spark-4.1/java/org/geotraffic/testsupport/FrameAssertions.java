package org.geotraffic.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * DataFrame assertions of the Spark 4.1 line, where spark-testing-base is not served: the same checks as its
 * {@code assertSmallDataFrameDataEquals} (src/test/spark-3.5/java delegates to it), on public Dataset APIs only.
 */
public final class FrameAssertions {
  private FrameAssertions() {}

  /**
   * The two small frames have the same number of columns and the same rows, in any order (compared as sets, by
   * {@code expected}'s column names); the schemas' types and nullability are not compared.
   */
  public static void assertSmallDataFrameDataEquals(Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(expected.columns().length, actual.columns().length, "Column size not Equal");
    Column[] columns = Arrays.stream(expected.columns()).map(functions::col).toArray(Column[]::new);
    Set<Row> want = new HashSet<>(expected.collectAsList());
    Set<Row> got = new HashSet<>(actual.select(columns).collectAsList());
    Set<String> missing = new TreeSet<>();
    want.stream().filter(r -> !got.contains(r)).forEach(r -> missing.add(r.toString()));
    Set<String> unexpected = new TreeSet<>();
    got.stream().filter(r -> !want.contains(r)).forEach(r -> unexpected.add(r.toString()));
    assertEquals(want, got, () -> "rows missing: " + missing + "; rows not expected: " + unexpected);
  }
}
