package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.geotraffic.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a 1995-style log (fixtures/hostnames, written for this test after the NASA-HTTP logs: common format,
 * clients mostly reverse-DNS host names): ccTLDs, US state and k12 domains, Canadian and Australian regional
 * domains, generic and worldwide-sold TLDs, a bare name, and some IP literals that still go through the database.
 * The expected numbers are counted by hand from the fixture.
 */
class HostNameLogJobTest {
  @TempDir static Path dir;
  private static Path log;
  private static Path db;

  @BeforeAll
  static void setUp() throws Exception {
    log = dir.resolve("access-1995-07-01.log");
    try (var in = HostNameLogJobTest.class.getResourceAsStream("/fixtures/hostnames/access-1995-07-01.log")) {
      Files.copy(in, log);
    }
    db = TestDatabases.city("GeoIP2-City")
        .network("81.2.69.160/27", "GB", "ENG", "London")
        .network("2001:480:10::/48", "US", "CA", "San Diego")
        .write(dir);
  }

  @Test
  void defaults_placeCcTldsAndRegionalDomains_genericTldsUnknown() throws Exception {
    JobRun run = JobRun.run(log, db, dir.resolve("out-defaults"), "input.format=common");

    assertEquals(Map.of("DE", 3L, "GB", 5L, "FR", 1L, "JP", 2L, "US", 7L, "CA", 1L, "AU", 3L,
        "(unknown)", 17L, "(internal)", 1L), run.countries());
    assertEquals(Map.ofEntries(
        Map.entry("DE/(unknown)", 3L),
        Map.entry("GB/(unknown)", 2L),
        Map.entry("GB/GB-ENG", 3L),
        Map.entry("FR/(unknown)", 1L),
        Map.entry("JP/JP-13", 2L),
        Map.entry("US/US-NY", 3L),
        Map.entry("US/US-CA", 4L),
        Map.entry("CA/CA-ON", 1L),
        Map.entry("AU/AU-NSW", 1L),
        Map.entry("AU/AU-VIC", 2L),
        Map.entry("(unknown)/(unknown)", 17L),
        Map.entry("(internal)/(internal)", 1L)), run.regions());
    // 34 lines with host names (18 placed, 16 not); 6 with IP literals: 4 in the database (one IPv4-mapped),
    // 10.0.0.1 private, 8.8.8.8 not in the database.
    assertEquals(Map.of("host-name", 18L, "host-name-unknown", 16L, "database", 4L, "special-internal", 1L,
        "not-in-database", 1L), run.geoSources());
  }

  @Test
  void genericOptInAndAdminRules_winOverDefaults() throws Exception {
    JobRun run = JobRun.run(log, db, dir.resolve("out-rules"), "input.format=common",
        "geo.generic-tlds=edu=US,gov=US,mil=US", "geo.suffix-rules=prodigy.com=US/US-NY,cs.ny.us=CA/CA-QC");

    assertEquals(Map.of("DE", 3L, "GB", 5L, "FR", 1L, "JP", 2L, "US", 12L, "CA", 4L, "AU", 3L,
        "(unknown)", 9L, "(internal)", 1L), run.countries());
    assertEquals(4L, run.regions().get("US/US-NY"), "prodigy.com by admin rule");
    assertEquals(4L, run.regions().get("US/(unknown)"), "edu, gov, mil opted in: country only");
    assertEquals(3L, run.regions().get("CA/CA-QC"), "admin rule wins over the ny.us regional suffix");
    assertEquals(1L, run.regions().get("CA/CA-ON"));
    assertEquals(4L, run.regions().get("US/US-CA"));
  }
}
