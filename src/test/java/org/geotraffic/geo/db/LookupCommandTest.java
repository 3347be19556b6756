package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.geotraffic.cli.GeoTraffic;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geotraffic lookup}: clients on stdin, client TAB country TAB region TAB source on stdout, no Spark. */
class LookupCommandTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String console) {}

  private Result lookup(String stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit = GeoTraffic.run(args, new PrintStream(console, true, StandardCharsets.UTF_8));
      return new Result(exit, out.toString(StandardCharsets.UTF_8), console.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }

  @Test
  void clients_areLocatedAsTheJobLocatesThem() throws Exception {
    Path db = TestDatabases.city("GeoIP2-City").network("81.2.69.160/27", "GB", "ENG", "London").write(dir);
    Result r = lookup("81.2.69.160\n::ffff:81.2.69.170\n8.8.8.8\n10.1.2.3\nwww.cs.ny.us\nexample.com\n\nnot a host\n",
        "lookup", "--geoip-db", db.toString());
    assertEquals(0, r.exit(), r.console());
    assertEquals("""
        81.2.69.160\tGB\tGB-ENG\tdatabase
        ::ffff:81.2.69.170\tGB\tGB-ENG\tdatabase
        8.8.8.8\t(unknown)\t(unknown)\tnot-in-database
        10.1.2.3\t(internal)\t(internal)\tspecial-internal
        www.cs.ny.us\tUS\tUS-NY\thost-name
        example.com\t(unknown)\t(unknown)\thost-name-unknown
        not a host\t(unknown)\t(unknown)\t(invalid)
        """, r.out().replace(System.lineSeparator(), "\n"));
    assertTrue(r.console().startsWith("geotraffic: database GeoIP2-City (city) built 2026-11-01T00:00:00Z"), r.console());
  }

  @Test
  void brokenDatabase_exitsFour() {
    Path missing = dir.resolve("missing.mmdb");
    Result r = lookup("", "lookup", "--geoip-db", missing.toString());
    assertEquals(4, r.exit());
    assertEquals("geotraffic: Cannot open geo database: not a readable file, " + missing, r.console().strip());
  }

  @Test
  void missingDatabaseOption_isAUsageError() {
    Result r = lookup("", "lookup");
    assertEquals(2, r.exit());
    assertTrue(r.console().startsWith("geotraffic: missing --geoip-db"), r.console());
  }
}
