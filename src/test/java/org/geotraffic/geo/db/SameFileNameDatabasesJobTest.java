package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two different databases with the same file name, one after the other in the one shared SparkSession: each run
 * locates its clients with its own database. Spark ships files by name, and executors once cached the open database
 * by file name, so the second run silently used the first database.
 */
class SameFileNameDatabasesJobTest {
  @TempDir Path dir;

  @Test
  void secondDatabaseWithTheSameFileName_isShippedAndUsed() throws Exception {
    Path log = dir.resolve("access.log");
    Files.writeString(log, "192.0.2.10 - - [25/Nov/2026:10:00:00 +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n"
        + "192.0.2.11 - - [25/Nov/2026:10:00:01 +0000] \"GET /about.html HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n");
    Path german = TestDatabases.country("GeoLite2-Country").network("192.0.2.0/24", "DE").write(Files.createDirectories(dir.resolve("a")));
    Path french = TestDatabases.country("GeoLite2-Country").network("192.0.2.0/24", "FR").write(Files.createDirectories(dir.resolve("b")));
    assertEquals(german.getFileName(), french.getFileName(), "the same file name");

    assertEquals(Map.of("DE", 2L), JobRun.run(log, german, dir.resolve("out-a")).countries());
    assertEquals(Map.of("FR", 2L), JobRun.run(log, french, dir.resolve("out-b")).countries());
    // And back: the first database is still there, under its own content.
    assertEquals(Map.of("DE", 2L), JobRun.run(log, german, dir.resolve("out-a2")).countries());
  }
}
