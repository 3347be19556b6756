package org.geotraffic.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated data files this package ships (ISO 3166 lists, domain suffix tables): UTF-8,
 * one record a line, '#' comment lines and blank lines skipped, fields split on tabs (empty fields kept).
 */
final class TsvResource {
  private TsvResource() {}

  /**
   * The records of a resource next to {@code anchor}.
   *
   * @param what what the data is, for the error message ("ISO 3166 data")
   */
  static List<String[]> rows(Class<?> anchor, String resource, String what) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot load " + what + ": resource missing, " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          rows.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + what + ": " + e.getMessage() + ", " + resource, e);
    }
    return rows;
  }
}
