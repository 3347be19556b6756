package org.geotraffic.privacyproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.JobConfig;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.parse.PageClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived values themselves, without Spark: the page key never keeps a query string, fragment or
 * path parameter, and no field of an enriched event holds a canary value, for every canary line.
 */
class DerivedValuesTest {
  private static final String ALPHABET = "/?#;=&%.:@abcAB09-_~ \t";

  @TempDir
  Path tmp;

  @Test
  void pageKey_neverContainsQueryFragmentOrPathParameters_forRandomTargets() {
    PageClassifier pages = new PageClassifier(List.of("css"), List.of("GET"), 512);
    Random random = new Random(8);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder t = new StringBuilder();
      int len = random.nextInt(40);
      if (random.nextInt(4) == 0) {
        t.append(random.nextBoolean() ? "http://" : "https://h.example");
      }
      for (int j = 0; j < len; j++) {
        t.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String page = pages.page(t.toString());
      assertFalse(page.contains("?") || page.contains("#") || page.contains(";"), () -> "page '" + page + "' of target '" + t + "'");
    }
  }

  @Test
  void pageKey_isCutAtMaxLength_beforeAnyQuery() {
    PageClassifier pages = new PageClassifier(List.of(), List.of("GET"), 16);
    assertEquals("/aaaaaaaaaaaaaaa", pages.page("/aaaaaaaaaaaaaaaaaaaaaaaa?token=x"));
    assertEquals("/a", pages.page("/a?" + "t".repeat(100)));
  }

  @Test
  void everyCanaryLine_enrichesToDerivedValuesOnly() throws Exception {
    CanaryLogs.Written logs = CanaryLogs.write(tmp.resolve("input"), 7L, 1_500);
    Path db = tmp.resolve("demo.mmdb");
    DemoDatabase.write(db);
    JobConfig config = ConfigLoader.load(null, List.of("input.format=" + CanaryLogs.FORMAT, "proxies.trusted=" + CanaryLogs.TRUSTED_PROXIES));
    EnrichSettings settings = EnrichSettings.of(config, db.getFileName().toString(), null, null, VisitorHasher.newRunSecret());
    MarkerSearch search = new MarkerSearch(logs.textMarkers(), List.of());
    List<MarkerSearch.Hit> hits = new ArrayList<>();
    long accepted = 0;
    long read = 0;
    try (GeoDatabase geo = GeoDatabase.open(db.toFile())) {
      LineEnricher enricher = new LineEnricher(settings, geo);
      for (Path f : logs.files()) {
        enricher.startFile();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(f.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            read++;
            EnrichedEvent e = enricher.enrich(line);
            accepted += e.accepted() ? 1 : 0;
            String all = String.join("|", String.valueOf(e.outcome), String.valueOf(e.geoSource), String.valueOf(e.date), String.valueOf(e.site),
                String.valueOf(e.country), String.valueOf(e.region), String.valueOf(e.page));
            hits.addAll(search.search("line " + read, all));
            assertTrue(e.page == null || !e.page.contains("?"), e.page);
          }
        }
      }
    }
    assertEquals(logs.lines(), read);
    assertTrue(accepted > read * 9 / 10, "most canary lines should be accepted: " + accepted + " of " + read);
    assertEquals(List.of(), hits.stream().limit(10).map(MarkerSearch.Hit::toString).toList());
  }
}
