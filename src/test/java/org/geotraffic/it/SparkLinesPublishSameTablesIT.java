package org.geotraffic.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark 3.5 jar and the Spark 4.1 jar publish the same tables from the same input: each runs under its own
 * Spark's {@code SparkSubmit} (Spark jars from Maven, as {@link SparkSubmitIT} does), and every published Parquet
 * file is compared with its counterpart: same tables, dates and number of files, the same Parquet schema, row
 * groups, column chunk metadata, statistics and key-value metadata, the same rows in the same order as DuckDB reads
 * them, and byte for byte the same column chunks (dictionary and data pages). What differs is only what says which
 * writer wrote a file: {@code created_by} (Spark 3.5 writes with parquet-mr 1.13, Spark 4.1 with 1.16), the
 * {@code org.apache.spark.version} key, the deprecated {@code file_offset} (1.16 writes 0), the order in which a
 * chunk's encodings are listed, the optional size statistics 1.16 adds to the page indexes between the chunks and
 * the footer, and the random file names. The run summaries agree on every line count and table statistic.
 *
 * <p>Needs both lines' builds, and each {@code mvn verify -Pspark-<line>} builds one: so it runs only when asked with
 * {@code -Dgeotraffic.compare-spark-lines=required} (the second build of .ci/run; it then fails when a build is
 * missing) and is skipped otherwise, so that no build ever compares against another line's stale jar.
 * {@code -Dspark-lines.input=LOG -Dspark-lines.geoip-db=DB} compares the two on another log and database too.
 */
class SparkLinesPublishSameTablesIT {
  private static final List<String> LINES = List.of("3.5", "4.1");

  @Test
  void bothLines_publishTheSameTables_fromTheSampleLogs(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    // Five tables, two dates.
    compare(tmp, ItSupport.projectDir().resolve("sample-logs"), db, 10);
  }

  @Test
  void bothLines_publishTheSameTables_fromAGivenLog(@TempDir Path tmp) throws Exception {
    String log = System.getProperty("spark-lines.input", "");
    String db = System.getProperty("spark-lines.geoip-db", "");
    Assumptions.assumeFalse(log.isBlank() || db.isBlank(), "no -Dspark-lines.input and -Dspark-lines.geoip-db given");
    compare(tmp, Path.of(log).toAbsolutePath(), Path.of(db).toAbsolutePath(), 1);
  }

  private void compare(Path tmp, Path input, Path db, int minFiles) throws Exception {
    Assumptions.assumeTrue("required".equals(System.getProperty("geotraffic.compare-spark-lines")),
        "compares the Spark lines only with -Dgeotraffic.compare-spark-lines=required, once both are built (.ci/run)");
    Map<String, Path> outputs = new TreeMap<>();
    for (String line : LINES) {
      Path out = tmp.resolve("out-spark" + line);
      run(line, input, db, out, tmp.resolve("logs-spark" + line));
      outputs.put(line, out);
    }
    Path a = outputs.get("3.5");
    Path b = outputs.get("4.1");
    assertEquals(withoutRunFacts(ItSupport.summary(a, "spark-lines")), withoutRunFacts(ItSupport.summary(b, "spark-lines")),
        "the run summaries' counts");
    List<String> filesA = parquetFiles(a);
    List<String> filesB = parquetFiles(b);
    assertEquals(filesA.stream().map(SparkLinesPublishSameTablesIT::partition).toList(),
        filesB.stream().map(SparkLinesPublishSameTablesIT::partition).toList(), "tables, dates and files per date");
    assertTrue(filesA.size() >= minFiles, "published files: " + filesA);
    long rows = 0;
    for (int i = 0; i < filesA.size(); i++) {
      Path fa = a.resolve(filesA.get(i));
      Path fb = b.resolve(filesB.get(i));
      String what = filesA.get(i) + " vs " + filesB.get(i);
      for (String sql : List.of(
          // The footer, but for what says which writer wrote it: its name and version (created_by; with it the
          // footer's and file's size), Spark's version, the deprecated ColumnChunk.file_offset (parquet-mr 1.16
          // writes 0) and the order in which a chunk's encodings are listed.
          "SELECT * EXCLUDE (file_name, created_by, file_size_bytes, footer_size) FROM parquet_file_metadata(?)",
          "SELECT * EXCLUDE (file_name) FROM parquet_kv_metadata(?) WHERE decode(key) <> 'org.apache.spark.version' ORDER BY key",
          "SELECT * EXCLUDE (file_name) FROM parquet_schema(?)",
          "SELECT * EXCLUDE (file_name, file_offset, encodings), list_sort(string_split(encodings, ', ')) AS encodings"
              + " FROM parquet_metadata(?) ORDER BY row_group_id, column_id",
          // The rows, in file order.
          "SELECT * FROM read_parquet(?)")) {
        assertEquals(query(sql, fa), query(sql, fb), what + ": " + sql);
      }
      assertEquals(columnChunks(fa), columnChunks(fb), what + ": the column chunks' bytes (pages and dictionaries) differ");
      rows += query("SELECT * FROM read_parquet(?)", fa).size() - 1;
    }
    JsonNode lines = ItSupport.summary(a, "spark-lines").path("lines");
    System.out.printf("spark lines: %s (%,d lines read, %,d accepted) -> %d Parquet files, %,d rows: the same metadata, rows and column"
        + " chunk bytes from both lines%n", input.getFileName(), lines.path("read").asLong(), lines.path("accepted").asLong(), filesA.size(), rows);
  }

  private static void run(String line, Path input, Path db, Path out, Path logDir) throws IOException, InterruptedException {
    Path build = Path.of(System.getProperty(line.equals("3.5") ? "spark35.build.directory" : "spark41.build.directory"));
    Path jar = build.resolve(System.getProperty("project.jar.prefix") + "-spark" + line + ".jar");
    Path classpath = build.resolve("spark-classpath.txt");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
      fail("Cannot compare the Spark lines: no Spark " + line + " build at " + build + " (build it first: mvn -B package -Pspark-" + line
          + " -DskipTests; .ci/run builds both)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ItSupport.javaBin());
    cmd.add("-Xmx1g");
    cmd.addAll(ItSupport.jvmFlags());
    cmd.add("-Dlog4j2.configurationFile=" + ItSupport.projectDir().resolve("conf/log4j2.properties"));
    cmd.addAll(List.of("-cp", Files.readString(classpath).trim(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--files", db.toString(),
        "--class", "org.geotraffic.cli.GeoTraffic", jar.toString(),
        "run", "--input", input.toString(), "--output", out.toString(), "--geoip-db", db.toString(), "--run-id", "spark-lines",
        "--set", "suppression.min-visitors=2"));
    ItSupport.Result r = ItSupport.run(cmd, out.getParent(), Map.of(), logDir);
    assertEquals(0, r.exitCode(), () -> "Spark " + line + " jar under SparkSubmit; stderr:\n" + r.stderr());
    ItSupport.assertNoClientData(r.both(), "Spark " + line + " console");
  }

  /** The summary without what differs from run to run by nature: times, paths and the run's id. */
  private static JsonNode withoutRunFacts(JsonNode summary) {
    ObjectNode s = summary.deepCopy();
    s.remove(List.of("run_id", "started", "duration_ms", "stages_ms"));
    return s;
  }

  /** Every published Parquet file, relative to the output and sorted: table/date=D/part-....parquet. */
  private static List<String> parquetFiles(Path out) throws IOException {
    List<String> files = new ArrayList<>();
    for (Table t : Table.values()) {
      Path dir = out.resolve(t.tableName());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".parquet")).map(p -> out.relativize(p).toString()).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** The bytes of every column chunk (its dictionary and data pages, as written), in file order, as hex. */
  private static List<String> columnChunks(Path file) throws IOException, SQLException {
    byte[] bytes = Files.readAllBytes(file);
    List<String> chunks = new ArrayList<>();
    List<String> ranges = query("SELECT CASE WHEN coalesce(dictionary_page_offset, 0) > 0 THEN least(dictionary_page_offset, data_page_offset)"
        + " ELSE data_page_offset END, total_compressed_size FROM parquet_metadata(?) ORDER BY row_group_id, column_id", file);
    for (String range : ranges.subList(1, ranges.size())) {
      String[] r = range.split("\\|");
      int from = Integer.parseInt(r[0]);
      chunks.add(HexFormat.of().formatHex(bytes, from, from + Integer.parseInt(r[1])));
    }
    return chunks;
  }

  /** A file's table and date folder (file names themselves are random). */
  private static String partition(String file) {
    return file.substring(0, file.lastIndexOf('/'));
  }

  /** The query's column names, then each row, as text. */
  private static List<String> query(String sql, Path file) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      // One thread: DuckDB then returns a file's rows in file order.
      st.execute("SET threads = 1");
      try (ResultSet rs = st.executeQuery(sql.replace("?", "'" + file.toString().replace("'", "''") + "'"))) {
        ResultSetMetaData m = rs.getMetaData();
        StringBuilder header = new StringBuilder();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          header.append(m.getColumnName(i)).append(':').append(m.getColumnTypeName(i)).append('|');
        }
        rows.add(header.toString());
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= m.getColumnCount(); i++) {
            row.append(rs.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
