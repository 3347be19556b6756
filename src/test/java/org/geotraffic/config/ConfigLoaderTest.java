package org.geotraffic.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.geotraffic.privacy.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  @Test
  void noOverrides_givesDocumentedDefaults() throws Exception {
    JobConfig c = ConfigLoader.load(null, List.of());
    assertEquals("combined", c.inputFormat());
    assertEquals(10, c.suppression().minVisitors());
    assertEquals(10, c.suppression().minVisitors(Table.PAGES));
    assertEquals(0, c.suppression().minHits());
    assertEquals(ZoneId.of("UTC"), c.timeZone());
    assertEquals(0.5, c.maxRejectRatio());
    assertEquals("default", c.defaultSite());
    assertTrue(c.assetExtensions().contains("css"));
    assertEquals(List.of("GET", "POST"), c.viewMethods());
  }

  @Test
  void setOverride_winsOverConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my.properties");
    Files.writeString(file, "suppression.min-visitors=20\nsuppression.min-visitors.pages=30\n");
    JobConfig c = ConfigLoader.load(file, List.of("suppression.min-visitors=25"));
    assertEquals(25, c.suppression().minVisitors());
    assertEquals(30, c.suppression().minVisitors(Table.PAGES));
    assertEquals(25, c.suppression().minVisitors(Table.COUNTRIES));
  }

  @Test
  void sparkKeys_arePassedThrough() throws Exception {
    JobConfig c = ConfigLoader.load(null, List.of("spark.sql.shuffle.partitions=7"));
    assertEquals("7", c.sparkConf().get("spark.sql.shuffle.partitions"));
  }

  @Test
  void internalNetworksAndRules_areParsed() throws Exception {
    JobConfig c = ConfigLoader.load(null, List.of("geo.internal-networks=10.1.0.0/16=office-berlin,fd00::/8=vpn",
        "geo.suffix-rules=example.org=DE/DE-BE", "geo.generic-tlds=edu=US,gov=US", "proxies.trusted=10.0.0.0/8"));
    assertEquals("office-berlin", c.internalNetworks().get("10.1.0.0/16"));
    assertEquals("DE/DE-BE", c.suffixRules().get("example.org"));
    assertEquals("US", c.genericTlds().get("edu"));
    assertEquals(List.of("10.0.0.0/8"), c.trustedProxies());
  }

  @Test
  void severalBadKeys_areAllReportedAtOnce() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, List.of("suppression.min-visitors=zero", "time.zone=Nowhere", "no.such.key=1")));
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertEquals("suppression.min-visitors must be an integer >= 1, got 'zero' (--set)", e.problems().get(2));
  }

  @Test
  void setWithoutEquals_isRejected() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("suppression.min-visitors")));
    assertEquals(List.of("--set expects key=value, got 'suppression.min-visitors'"), e.problems());
  }

  @Test
  void missingConfigFile_namesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of()));
    assertEquals("Cannot read config file: not a readable file, " + missing, e.problems().get(0));
  }

  static Stream<Path> badConfigs() throws IOException {
    Path dir = Path.of("src/test/resources/bad-config");
    return Files.list(dir).filter(p -> p.toString().endsWith(".properties")).sorted();
  }

  /** One fixture per error; its first line says which message it must produce. */
  @ParameterizedTest
  @MethodSource("badConfigs")
  void badConfigFixture_isRejectedWithItsMessage(Path fixture) throws IOException {
    String expect = Files.readAllLines(fixture).get(0).replace("# expect: ", "");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(fixture, List.of()));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).contains(expect), e.problems().get(0));
    assertTrue(e.problems().get(0).contains(fixture.toString()) || e.problems().get(0).contains("input.format"), e.problems().get(0));
  }
}
