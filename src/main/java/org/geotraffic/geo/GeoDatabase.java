package org.geotraffic.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Subdivision;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MaxMind DB opened through GeoIP2's {@link DatabaseReader} (with {@link CHMCache}), answering
 * "which country and first-level region is this address in".
 *
 * <p>{@link #open} validates the file completely enough to fail before Spark starts: it must exist,
 * parse, have a supported schema and survive probe lookups (a broken search tree shows there).
 * Thread-safe: one instance per executor JVM serves all tasks.
 */
public final class GeoDatabase implements Closeable {
  /** Addresses whose lookup walks the IPv4 and IPv6 halves of the tree, to catch a corrupt file early. */
  private static final byte[][] PROBES = {
    {1, 1, 1, 1}, {8, 8, 8, 8}, {(byte) 203, 0, 113, 1}, {81, 2, 69, (byte) 160},
    {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
    {0x2a, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
  };

  private final DatabaseReader reader;
  private final GeoDatabaseInfo info;

  private GeoDatabase(DatabaseReader reader, GeoDatabaseInfo info) {
    this.reader = reader;
    this.info = info;
  }

  /** Opens and validates a database; every failure names the path and what is wrong. */
  public static GeoDatabase open(File file) throws GeoDatabaseException {
    if (!file.isFile() || !file.canRead()) {
      throw new GeoDatabaseException("Cannot open geo database: not a readable file, " + file);
    }
    DatabaseReader reader;
    try {
      reader = new DatabaseReader.Builder(file).withCache(new CHMCache()).build();
    } catch (IOException | RuntimeException e) {
      throw new GeoDatabaseException("Cannot open geo database: not a valid MaxMind DB (" + e.getMessage() + "), " + file, e);
    }
    try {
      Metadata m = reader.metadata();
      DatabaseKind kind = kindOf(m.databaseType());
      if (kind == null) {
        closeQuietly(reader);
        throw new GeoDatabaseException("Cannot use geo database: database_type '" + m.databaseType()
            + "' is neither a City nor a Country database (an ASN or other database?), " + file);
      }
      String description = m.description() == null ? "" : m.description().getOrDefault("en", "");
      GeoDatabase db = new GeoDatabase(reader, new GeoDatabaseInfo(m.databaseType(), m.buildTime(), description, kind));
      db.probe(file);
      return db;
    } catch (GeoDatabaseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new GeoDatabaseException("Cannot use geo database: unreadable metadata (" + e.getMessage() + "), " + file, e);
    }
  }

  private void probe(File file) throws GeoDatabaseException {
    for (byte[] probe : PROBES) {
      try {
        lookup(InetAddress.getByAddress(probe));
      } catch (IOException | RuntimeException e) {
        close();
        // The probe addresses are fixed public constants, not client data.
        throw new GeoDatabaseException("Cannot use geo database: corrupt data (" + e.getMessage() + "), " + file, e);
      }
    }
  }

  static DatabaseKind kindOf(String databaseType) {
    if (databaseType == null) {
      return null;
    }
    String t = databaseType.toLowerCase(Locale.ROOT);
    if (t.contains("city")) {
      return DatabaseKind.CITY;
    }
    if (t.contains("country")) {
      return DatabaseKind.COUNTRY;
    }
    return null;
  }

  public GeoDatabaseInfo info() {
    return info;
  }

  /**
   * The location of an address, or null when the database has no record with a country for it.
   *
   * @throws IOException when the file is corrupt at this record
   */
  public GeoLocation lookup(InetAddress address) throws IOException {
    try {
      if (info.kind() == DatabaseKind.CITY) {
        Optional<CityResponse> r = reader.tryCity(address);
        if (r.isEmpty()) {
          return null;
        }
        return toLocation(r.get().country(), r.get().subdivisions());
      }
      Optional<CountryResponse> r = reader.tryCountry(address);
      return r.map(c -> toLocation(c.country(), List.of())).orElse(null);
    } catch (com.maxmind.geoip2.exception.GeoIp2Exception e) {
      throw new IOException("lookup failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static GeoLocation toLocation(Country country, List<Subdivision> subdivisions) {
    String cc = country == null ? null : country.isoCode();
    if (cc == null) {
      return null;
    }
    if (subdivisions == null || subdivisions.isEmpty() || subdivisions.get(0).isoCode() == null) {
      return GeoLocation.countryOnly(cc);
    }
    // MaxMind subdivision codes carry no country prefix; ISO 3166-2 is "GB-ENG". The first entry is the
    // first-level subdivision.
    return new GeoLocation(cc, cc + "-" + subdivisions.get(0).isoCode());
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }

  private static void closeQuietly(DatabaseReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing to do: the reader only held a memory map.
    }
  }
}
