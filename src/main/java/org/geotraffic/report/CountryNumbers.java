package org.geotraffic.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * ISO 3166-1 numeric codes by alpha-2 code, to find a country among the world-atlas map features, which
 * carry numeric ids ("276" for DE). Data: {@code iso3166-numeric.tsv} beside this class, extracted from
 * Debian iso-codes 4.15.0 (LGPL-2.1-or-later). Loaded once, immutable, thread-safe.
 */
public final class CountryNumbers {
  /** Kosovo has no ISO numeric code; world-atlas (Natural Earth) names its feature instead. */
  public static final String KOSOVO = "XK";
  public static final String KOSOVO_MAP_NAME = "Kosovo";

  private static final Map<String, String> NUMERIC = load();

  private CountryNumbers() {}

  /** The numeric code ("276") of an alpha-2 code ("DE"), or null when it has none. */
  public static String numeric(String alpha2) {
    return alpha2 == null ? null : NUMERIC.get(alpha2);
  }

  private static Map<String, String> load() {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = CountryNumbers.class.getResourceAsStream("iso3166-numeric.tsv")) {
      if (in == null) {
        throw new IllegalStateException("Cannot load ISO 3166 numeric codes: resource missing, iso3166-numeric.tsv");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          String[] p = line.split("\t");
          m.put(p[1], p[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load ISO 3166 numeric codes: " + e.getMessage(), e);
    }
    return Collections.unmodifiableMap(m);
  }
}
