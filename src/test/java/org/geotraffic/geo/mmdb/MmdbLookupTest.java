package org.geotraffic.geo.mmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads written databases with libmaxminddb's {@code mmdblookup} (Debian package mmdb-bin), a second,
 * independent reader in C that, unlike the Java one, looks up {@code ::ffff:a.b.c.d} as a 128-bit address
 * and so needs the IPv4 aliases. Skipped where the tool is not installed.
 */
class MmdbLookupTest {
  private static final Path MMDBLOOKUP = Path.of("/usr/bin/mmdblookup");

  @TempDir Path dir;
  private Path demo;

  /** What one mmdblookup run printed and returned. */
  record Lookup(int exitCode, String stdout) {}

  @BeforeEach
  void writeDemo() throws IOException {
    assumeTrue(Files.isExecutable(MMDBLOOKUP), "mmdblookup not installed (apt-get install mmdb-bin)");
    demo = dir.resolve("demo.mmdb");
    DemoDatabase.write(demo);
  }

  private static Lookup lookup(Path db, String address, String... path) throws Exception {
    List<String> command = new ArrayList<>(List.of(MMDBLOOKUP.toString(), "-f", db.toString(), "-i", address));
    command.addAll(List.of(path));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("mmdblookup did not finish: " + command);
    }
    return new Lookup(process.exitValue(), out.strip());
  }

  @ParameterizedTest
  @CsvSource({
      "192.0.2.1,          country,      iso_code, \"GB\" <utf8_string>",
      "192.0.2.1,          subdivisions, 0,        {",
      "::ffff:192.0.2.70,  city,         names,    {",
      "198.51.100.200,     country,      iso_code, \"US\" <utf8_string>",
      "::ffff:203.0.113.1, country,      iso_code, \"FR\" <utf8_string>",
      "2002:cb00:71c1::,   country,      iso_code, \"JP\" <utf8_string>",
      "2001:db8:3::1,      country,      iso_code, \"BR\" <utf8_string>",
  })
  void demoAddress_isFoundByLibmaxminddb(String address, String key, String subKey, String firstLine)
      throws Exception {
    Lookup result = lookup(demo, address, key, subKey);

    assertEquals(0, result.exitCode(), result.stdout());
    assertEquals(firstLine, result.stdout().lines().findFirst().orElseThrow());
  }

  @Test
  void mappedAddress_givesSubdivisionCodeAndCityName() throws Exception {
    assertEquals(new Lookup(0, "\"SCT\" <utf8_string>"),
        lookup(demo, "::ffff:192.0.2.70", "subdivisions", "0", "iso_code"));
    assertEquals(new Lookup(0, "\"São Paulo\" <utf8_string>"),
        lookup(demo, "2001:db8:3::1", "city", "names", "en"));
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1", "::ffff:10.0.0.1", "2001:db8:4::1"})
  void addressNotInserted_isNotFoundByLibmaxminddb(String address) throws Exception {
    assertEquals(new Lookup(6, "Could not find an entry for this IP address (" + address + ")"),
        lookup(demo, address));
  }

  @Test
  void typedValues_areDecodedByLibmaxminddb() throws Exception {
    MmdbWriter writer = new MmdbWriter("Test", Map.of("en", "t"), List.of("en"), 1);
    writer.insert("192.0.2.0/24", Map.of(
        "u16", new MmdbValue.Uint16(100), "u32", 70_000L, "u64", MmdbValue.Uint64.of(5_000_000_000L),
        "d", 1.5, "b", true, "a", List.of("x", "y")));
    Path db = dir.resolve("typed.mmdb");
    writer.write(db);

    assertEquals(new Lookup(0, "100 <uint16>"), lookup(db, "192.0.2.1", "u16"));
    assertEquals(new Lookup(0, "70000 <uint32>"), lookup(db, "192.0.2.1", "u32"));
    assertEquals(new Lookup(0, "5000000000 <uint64>"), lookup(db, "192.0.2.1", "u64"));
    assertEquals(new Lookup(0, "1.500000 <double>"), lookup(db, "192.0.2.1", "d"));
    assertEquals(new Lookup(0, "true <boolean>"), lookup(db, "192.0.2.1", "b"));
    assertEquals(new Lookup(0, "\"y\" <utf8_string>"), lookup(db, "::ffff:192.0.2.1", "a", "1"));
  }

  @Test
  void metadata_isReadByLibmaxminddb() throws Exception {
    Process process = new ProcessBuilder(MMDBLOOKUP.toString(), "-v", "-f", demo.toString(), "-i", "192.0.2.1",
        "country", "iso_code").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);

    assertEquals(List.of(
            "Node count:    235",
            "Record size:   28 bits",
            "IP version:    IPv6",
            "Binary format: 2.0",
            "Build epoch:   1793491200 (2026-11-01 00:00:00 UTC)",
            "Type:          GeoTraffic-Demo-City",
            "Languages:     en",
            "Description:",
            "en:   geotraffic demo database: documentation ranges only",
            "Record prefix length: 122",
            "\"GB\" <utf8_string>"),
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("Database metadata"))
            .toList());
  }
}
