package org.geotraffic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad setup fails before Spark starts, with a distinct exit code and a message naming the key or path. */
class GeoTrafficCliTest {
  @TempDir static Path tmp;
  static Path db;
  static Path log;

  @BeforeAll
  static void setUp() throws IOException {
    db = tmp.resolve("demo.mmdb");
    DemoDatabase.write(db);
    log = tmp.resolve("access.log");
    Files.writeString(log, "192.0.2.1 - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"\n");
  }

  private record Result(int code, String console) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = GeoTraffic.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void missingRequiredOptions_exit2() {
    Result r = run("run", "--input", log.toString());
    assertEquals(2, r.code());
    assertTrue(r.console().contains("geotraffic: missing --output, --geoip-db"), r.console());
  }

  @Test
  void unknownOption_exit2() {
    Result r = run("--inptu", "x");
    assertEquals(2, r.code());
    assertTrue(r.console().contains("unknown option '--inptu'"), r.console());
  }

  @Test
  void badDate_exit2() {
    Result r = run("--input", log.toString(), "--output", "o", "--geoip-db", db.toString(), "--date", "2026-13-01");
    assertEquals(2, r.code());
    assertTrue(r.console().contains("--date must be a date YYYY-MM-DD, got '2026-13-01'"), r.console());
  }

  @Test
  void unknownConfigKey_exit2_namesTheKey() {
    Result r = run("--input", log.toString(), "--output", tmp.resolve("o1").toString(), "--geoip-db", db.toString(),
        "--set", "suppression.minvisitors=5", "--set", "suppression.min-visitors=0");
    assertEquals(2, r.code());
    assertTrue(r.console().contains("unknown key suppression.minvisitors (--set)"), r.console());
    assertTrue(r.console().contains("suppression.min-visitors must be an integer >= 1, got '0' (--set)"), r.console());
    assertFalse(Files.exists(tmp.resolve("o1")), "nothing is created before the setup is valid");
  }

  @Test
  void missingDatabase_exit4_namesThePath() {
    Path missing = tmp.resolve("nope.mmdb");
    Result r = run("--input", log.toString(), "--output", tmp.resolve("o2").toString(), "--geoip-db", missing.toString());
    assertEquals(4, r.code());
    assertTrue(r.console().contains(missing.toString()), r.console());
  }

  @Test
  void notADatabase_exit4() throws IOException {
    Path junk = tmp.resolve("junk.mmdb");
    Files.writeString(junk, "this is not a MaxMind database");
    Result r = run("--input", log.toString(), "--output", tmp.resolve("o3").toString(), "--geoip-db", junk.toString());
    assertEquals(4, r.code());
    assertTrue(r.console().contains("Cannot open geo database") && r.console().contains(junk.toString()), r.console());
  }

  @Test
  void missingInput_exit3_namesThePath() {
    Path missing = tmp.resolve("no-such-logs");
    Result r = run("--input", missing.toString(), "--output", tmp.resolve("o4").toString(), "--geoip-db", db.toString());
    assertEquals(3, r.code());
    assertTrue(r.console().contains("Cannot read input: no such file or directory, " + missing), r.console());
  }

  @Test
  void outputIsAFile_exit3() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Result r = run("--input", log.toString(), "--output", file.toString(), "--geoip-db", db.toString());
    assertEquals(3, r.code());
    assertTrue(r.console().contains("Cannot write output: not a directory, " + file), r.console());
  }

  @Test
  void help_exit0() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.console().contains("Exit codes: 0 ok, 2 usage/config"), r.console());
  }
}
