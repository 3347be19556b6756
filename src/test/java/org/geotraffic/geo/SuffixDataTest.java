package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the shipped suffix data files against the ISO 3166 data. */
class SuffixDataTest {

  @Test
  void regionalSuffixes_emitValidCodesOfTheirTldsCountry() throws IOException {
    List<String[]> rows = rows("regional-suffixes.tsv");
    assertTrue(rows.size() > 300, "rows: " + rows.size());
    List<String> bad = new ArrayList<>();
    for (String[] row : rows) {
      String suffix = row[0];
      String code = row[1];
      String tld = suffix.substring(suffix.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
      String tldCountry = "UK".equals(tld) ? "GB" : tld;
      boolean ok =
          IpLiterals.looksLikeHostName(suffix)
              && suffix.equals(suffix.toLowerCase(Locale.ROOT))
              && suffix.indexOf('.') > 0
              && (Iso3166.isSubdivision(code) && code.startsWith(tldCountry + "-")
                  // a territory with its own ISO 3166-1 code, listed as a subdivision of the TLD's country
                  || Iso3166.isCountry(code) && Iso3166.isSubdivision(tldCountry + "-" + code)
                  || "aland.fi".equals(suffix) && "AX".equals(code) && Iso3166.isSubdivision("FI-01"));
      if (!ok) {
        bad.add(suffix + " " + code);
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void countrySuffixes_emitCountriesOrUnknown() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String[] row : rows("country-suffixes.tsv")) {
      if (!IpLiterals.looksLikeHostName(row[0])
          || !(Iso3166.isCountry(row[1]) || GeoLocation.UNKNOWN.equals(row[1]))
          || row.length != 3
          || row[2].isBlank()) {
        bad.add(String.join(" ", row));
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void suffixFiles_doNotOverlap() throws IOException {
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (String file : List.of("regional-suffixes.tsv", "country-suffixes.tsv")) {
      for (String[] row : rows(file)) {
        if (!seen.add(row[0])) {
          duplicates.add(row[0]);
        }
      }
    }
    assertEquals(List.of(), duplicates);
  }

  @Test
  void dataFiles_nameTheirSourceAndLicence() throws IOException {
    for (String file :
        List.of("regional-suffixes.tsv", "country-suffixes.tsv", "iso3166-countries.tsv", "iso3166-subdivisions.tsv")) {
      String header = header(file);
      assertTrue(header.contains("Source") && header.contains("licence"), file);
    }
  }

  private static List<String[]> rows(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(resource)) {
      if (!line.isEmpty() && line.charAt(0) != '#') {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private static String header(String resource) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : lines(resource)) {
      if (line.startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = HostSuffixGeo.class.getResourceAsStream(resource)) {
      if (in == null) {
        fail("missing resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    }
  }
}
