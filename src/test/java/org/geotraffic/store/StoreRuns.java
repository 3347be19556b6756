package org.geotraffic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.io.IOUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.JobRuns;

/**
 * What the store tests share: the sample logs and the demo database, job runs through {@link JobRuns} with extra
 * arguments (a store's settings), and exact snapshots of published folders on any Hadoop file system.
 */
final class StoreRuns {
  static final String DAY = "2026-11-23";
  static final String OTHER_DAY = "2026-11-24";
  static final Path PLAIN_LOG = Path.of("sample-logs", "access.log.2026-11-23");
  static final Path GZ_LOG = Path.of("sample-logs", "access.log.2026-11-24.gz");

  private StoreRuns() {}

  /** The demo database ({@link JobRuns#demoDatabase}). */
  static Path database() {
    return JobRuns.demoDatabase();
  }

  /** {@code geotraffic run --input <inputs> --output <output> --geoip-db <demo> --run-id <runId> <more>}. */
  static JobRuns.Run run(List<String> inputs, String output, String runId, List<String> more) {
    List<String> args = new ArrayList<>(List.of("run", "--input"));
    args.addAll(inputs);
    args.addAll(List.of("--output", output, "--geoip-db", database().toString(), "--run-id", runId));
    args.addAll(more);
    return JobRuns.run(args);
  }

  /** The first half of the sample's day: the same day with other numbers (a second version of it). */
  static Path halfOfTheDay(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(PLAIN_LOG);
    Path half = dir.resolve("access.log.2026-11-23-half");
    Files.write(half, lines.subList(0, lines.size() / 2));
    return half;
  }

  /**
   * Copies a local file to a store by streaming it ({@code FileSystem#copyFromLocalFile} of s3a 3.3.4 fails on a
   * single file: "Cannot get relative path").
   */
  static void upload(FileSystem fs, Path local, org.apache.hadoop.fs.Path dir) throws IOException {
    try (InputStream in = Files.newInputStream(local); var o = fs.create(new org.apache.hadoop.fs.Path(dir, local.getFileName().toString()), true)) {
      in.transferTo(o);
    }
  }

  /** Every table's rows, sorted, as text. */
  static Map<Table, List<String>> tables(String output) {
    Map<Table, List<String>> t = new TreeMap<>();
    for (Table table : Table.values()) {
      t.put(table, JobRuns.table(output, table).stream().map(Row::toString).sorted().toList());
    }
    return t;
  }

  /** The tables of the same sample run on the local disk, into {@code output}: what a store's run must publish too. */
  static Map<Table, List<String>> localTables(Path output) {
    JobRuns.Run local = run(List.of(PLAIN_LOG.toString(), GZ_LOG.toString()), output.toString(), "on-disk", List.of());
    assertEquals(0, local.exitCode(), local.console());
    return tables(output);
  }

  static Map<Table, List<String>> tables(Path output) {
    Map<Table, List<String>> t = new TreeMap<>();
    for (Table table : Table.values()) {
      t.put(table, JobRuns.table(output, table).stream().map(Row::toString).sorted().toList());
    }
    return t;
  }

  /** The same tables, every one of them with rows. */
  static void assertSameTables(Map<Table, List<String>> expected, Map<Table, List<String>> actual, String what) {
    for (Table table : Table.values()) {
      assertTrue(!expected.get(table).isEmpty(), table + " has rows");
      assertEquals(expected.get(table), actual.get(table), what + ": " + table.tableName());
    }
  }

  /**
   * Every file under {@code dir} (relative path -> content), or null when {@code dir} does not exist: a published
   * folder exactly as a reader listing it would find it.
   */
  static Map<String, String> files(FileSystem fs, org.apache.hadoop.fs.Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return null;
    }
    Map<String, String> files = new TreeMap<>();
    collect(fs, dir, "", files);
    return files;
  }

  private static void collect(FileSystem fs, org.apache.hadoop.fs.Path dir, String prefix, Map<String, String> into) throws IOException {
    FileStatus[] entries = fs.listStatus(dir);
    java.util.Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus s : entries) {
      String name = prefix + s.getPath().getName();
      if (s.isDirectory()) {
        collect(fs, s.getPath(), name + "/", into);
      } else {
        try (InputStream in = fs.open(s.getPath())) {
          into.put(name, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(IOUtils.toByteArray(in))));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
