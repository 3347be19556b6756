package org.geotraffic.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.privacy.Table;

/**
 * What an output directory publishes, read back: per table and partition ({@code date=D}), the rows
 * (sorted, as text) and the files (name, size, modification time), so tests can tell "same content"
 * from "same files, not rewritten".
 */
record OutputSnapshot(Map<String, List<String>> rows, Map<String, List<String>> files) {

  static OutputSnapshot read(SparkSession spark, Path output) throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    Map<String, List<String>> files = new TreeMap<>();
    for (Table table : Table.values()) {
      Path dir = output.resolve(table.tableName());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> partitions;
      try (Stream<Path> s = Files.list(dir)) {
        partitions = s.filter(p -> p.getFileName().toString().startsWith("date=")).sorted().toList();
      }
      for (Path partition : partitions) {
        String key = table.tableName() + "/" + partition.getFileName();
        List<String> r = new ArrayList<>();
        for (Row row : spark.read().parquet(partition.toString()).collectAsList()) {
          r.add(row.toString());
        }
        r.sort(null);
        rows.put(key, r);
        List<String> f = new ArrayList<>();
        try (Stream<Path> s = Files.list(partition)) {
          for (Path p : s.sorted().toList()) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            f.add(p.getFileName() + " " + a.size() + " " + a.lastModifiedTime().toMillis());
          }
        }
        files.put(key, f);
      }
    }
    return new OutputSnapshot(rows, files);
  }

  /** The partitions of one day, e.g. {@code totals/date=2026-03-10}. */
  Map<String, List<String>> day(String date) {
    Map<String, List<String>> d = new TreeMap<>();
    rows.forEach((k, v) -> {
      if (k.endsWith("/date=" + date)) {
        d.put(k, v);
      }
    });
    return d;
  }

  /** Every partition except the given day's, with its files. */
  Map<String, List<String>> filesExcept(String date) {
    Map<String, List<String>> d = new TreeMap<>(files);
    d.keySet().removeIf(k -> k.endsWith("/date=" + date));
    return d;
  }

  /** The days that have any partition. */
  List<String> dates() {
    return rows.keySet().stream().map(k -> k.substring(k.indexOf("date=") + 5)).distinct().sorted().toList();
  }
}
