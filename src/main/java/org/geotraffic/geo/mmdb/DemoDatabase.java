package org.geotraffic.geo.mmdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the project's demo geo database, a GeoIP2-City-schema MMDB for the sample run, from our own data
 * in the classpath resource {@code org/geotraffic/geo/demo-geo.csv}. It only covers documentation address
 * ranges (RFC 5737 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849 2001:db8::/32), so it can be
 * shipped and published without any third-party geo data and never locates a real client. Most of
 * 2001:db8::/32 is deliberately absent, so that demo logs exercise "not found".
 *
 * <p>The output is byte-for-byte reproducible: fixed build time, deterministic writer.
 */
public final class DemoDatabase {
  public static final String DATABASE_TYPE = "GeoTraffic-Demo-City";
  public static final String DESCRIPTION = "geotraffic demo database: documentation ranges only";
  public static final List<String> LANGUAGES = List.of("en");
  public static final Instant BUILD_TIME = Instant.parse("2026-11-01T00:00:00Z");

  static final String RESOURCE = "/org/geotraffic/geo/demo-geo.csv";
  static final List<String> HEADER = List.of(
      "network", "continent_code", "continent_name", "country_iso", "country_name",
      "subdivision_iso", "subdivision_name", "city_name");

  /** One row of demo-geo.csv. */
  record Row(String network, GeoIp2Place place) {}

  private DemoDatabase() {}

  /** Writes the demo database to {@code out}, replacing an existing file. */
  public static void write(Path out) throws IOException {
    MmdbWriter writer =
        new MmdbWriter(DATABASE_TYPE, Map.of("en", DESCRIPTION), LANGUAGES, BUILD_TIME.getEpochSecond());
    for (Row row : rows()) {
      writer.insert(row.network(), row.place().cityRecord());
    }
    writer.write(out);
  }

  /** Writes the demo database to {@code args[0]}; used by the launcher scripts. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("Usage: DemoDatabase <output.mmdb>");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /** The rows of demo-geo.csv; empty cells become absent keys. */
  static List<Row> rows() {
    List<List<String>> table = CsvReader.parse(resourceText(), RESOURCE);
    if (table.isEmpty() || !table.get(0).equals(HEADER)) {
      throw new IllegalStateException("Cannot read demo database source: header must be "
          + String.join(",", HEADER) + ", " + RESOURCE);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (cells.size() != HEADER.size()) {
        throw new IllegalStateException("Cannot read demo database source: row " + (i + 1) + " has "
            + cells.size() + " fields instead of " + HEADER.size() + ", " + RESOURCE);
      }
      rows.add(new Row(cells.get(0), new GeoIp2Place(
          cell(cells, 1), cell(cells, 2), cell(cells, 3), cell(cells, 4),
          cell(cells, 5), cell(cells, 6), cell(cells, 7))));
    }
    return rows;
  }

  private static String cell(List<String> cells, int index) {
    String value = cells.get(index);
    return value.isEmpty() ? null : value;
  }

  private static String resourceText() {
    try (InputStream in = DemoDatabase.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Cannot read demo database source: not on the classpath, " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo database source: " + e.getMessage() + ", " + RESOURCE, e);
    }
  }
}
