package org.geotraffic.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Metadata;
import com.maxmind.db.Network;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Subdivision;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A MaxMind DB answering "which country and first-level region is this address in", for the databases the
 * job meets in the field:
 *
 * <ul>
 *   <li>GeoIP2/GeoLite2 City and DB-IP City Lite ({@link DatabaseKind#CITY}) and GeoIP2/GeoLite2/DB-IP/IPFire
 *       Country ({@link DatabaseKind#COUNTRY}), read with GeoIP2's {@link DatabaseReader} and {@link CHMCache};
 *       MaxMind's subdivision codes get their country prefix ({@code ENG → GB-ENG}), DB-IP Lite's subdivision names
 *       are mapped to codes by {@link SubdivisionNames};
 *   <li>anything else ({@link DatabaseKind#FLAT}: IPinfo, ip-location-db, ...), read as maps with {@code
 *       com.maxmind.db.Reader} through a {@link GeoFieldMapping}, configured ({@code geoip.fields.*}) or detected
 *       from the records.
 * </ul>
 *
 * <p>{@link #open} validates the file completely enough to fail before Spark starts: it must exist, have valid
 * metadata, a sound search tree ({@link MmdbStructure}), decodable records (one per distinct record, up to {@value
 * #MAX_SAMPLES}) and a schema that gives countries. Every failure names the path and what is wrong; an unknown
 * schema names the keys to set.
 *
 * <p>Thread-safe: one instance per executor JVM serves all tasks.
 */
public final class GeoDatabase implements Closeable {
  /** Records decoded at open: enough to find a corrupt data section and to detect the schema, quick on any size. */
  static final int MAX_SAMPLES = 4096;
  /** Top-level keys of GeoIP2 City/Country records; each holds a map (subdivisions: a list). */
  private static final List<String> GEOIP2_KEYS = List.of("continent", "country", "registered_country",
      "represented_country", "subdivisions", "city", "location", "postal", "traits");

  private final DatabaseReader geoip2;
  private final Reader maps;
  private final GeoFieldMapping mapping;
  private final GeoDatabaseInfo info;
  /**
   * CITY/COUNTRY: lookups read only the fields we use ({@link GeoIp2Fields}) instead of GeoIP2's full responses. Set
   * by {@link #probe} only when the full responses of every distinct record decoded and gave the same locations: a
   * record whose unused fields are corrupt must still fail the lookup as it does through GeoIP2's reader.
   */
  private volatile boolean fieldsOnly;
  /** Answers by network for the field-only and FLAT lookups (GeoIP2's full responses are not cached). */
  private final NetworkCache networks = new NetworkCache();

  private GeoDatabase(DatabaseReader geoip2, Reader maps, GeoFieldMapping mapping, GeoDatabaseInfo info) {
    this.geoip2 = geoip2;
    this.maps = maps;
    this.mapping = mapping;
    this.info = info;
  }

  /** Opens and validates a database, detecting its schema. */
  public static GeoDatabase open(File file) throws GeoDatabaseException {
    return open(file, null);
  }

  /**
   * Opens and validates a database.
   *
   * @param configured the field mapping from geoip.fields.*, or null to detect the schema
   */
  public static GeoDatabase open(File file, GeoFieldMapping configured) throws GeoDatabaseException {
    if (!file.isFile() || !file.canRead()) {
      throw new GeoDatabaseException("Cannot open geo database: not a readable file, " + file);
    }
    Reader reader;
    try {
      reader = new Reader(file, new CHMCache());
    } catch (IOException | RuntimeException e) {
      throw new GeoDatabaseException("Cannot open geo database: not a valid MaxMind DB (" + e.getMessage() + "), " + file, e);
    }
    boolean done = false;
    try {
      GeoDatabase db = validate(file, reader, configured);
      done = true;
      return db;
    } finally {
      if (!done) {
        closeQuietly(reader);
      }
    }
  }

  private static GeoDatabase validate(File file, Reader reader, GeoFieldMapping configured) throws GeoDatabaseException {
    Metadata m;
    MmdbStructure.Result tree;
    try {
      m = reader.getMetadata();
      tree = MmdbStructure.check(file, m.nodeCount(), m.recordSize(), m.ipVersion(), MAX_SAMPLES);
    } catch (MmdbStructure.CorruptException e) {
      throw new GeoDatabaseException("Cannot use geo database: corrupt search tree (" + e.getMessage() + "), " + file, e);
    } catch (IOException | RuntimeException e) {
      throw new GeoDatabaseException("Cannot use geo database: unreadable file (" + e.getMessage() + "), " + file, e);
    }
    List<Map<?, ?>> records = new ArrayList<>();
    for (InetAddress sample : tree.samples()) {
      try {
        Object r = reader.get(sample, Map.class);
        if (r instanceof Map<?, ?> map) {
          records.add(map);
        }
      } catch (IOException | RuntimeException e) {
        // Sample addresses are network addresses taken from the database's own tree, not client data.
        throw new GeoDatabaseException("Cannot use geo database: corrupt data (" + e.getMessage() + "), " + file, e);
      }
    }
    String type = m.databaseType() == null ? "" : m.databaseType();
    String description = m.description() == null ? "" : m.description().getOrDefault("en", "");
    DatabaseKind kind = configured != null ? DatabaseKind.FLAT : geoip2Kind(type, records);
    GeoDatabase db;
    if (kind == DatabaseKind.FLAT) {
      GeoFieldMapping mapping = configured != null ? configured : GeoFieldMapping.detect(records);
      if (mapping == null) {
        throw new GeoDatabaseException("Cannot use geo database: unknown record schema (database_type '" + type
            + "', record keys " + GeoFieldMapping.keysOf(records) + "); set geoip.fields.country to the field that holds the"
            + " ISO 3166-1 country code, and geoip.fields.region (with geoip.fields.region-kind=iso-code|name) to the"
            + " region field if there is one, " + file);
      }
      if (!records.isEmpty() && records.stream().noneMatch(r -> mapping.locate(r) != null)) {
        throw new GeoDatabaseException("Cannot use geo database: geoip.fields.country=" + mapping.countryField()
            + " gives no ISO 3166-1 country code in any of " + records.size() + " records (record keys "
            + GeoFieldMapping.keysOf(records) + "), " + file);
      }
      db = new GeoDatabase(null, reader, mapping, new GeoDatabaseInfo(type, m.buildTime(), description, kind, mapping.describe()));
    } else {
      DatabaseReader dr;
      try {
        dr = new DatabaseReader.Builder(file).withCache(new CHMCache()).build();
      } catch (IOException | RuntimeException e) {
        throw new GeoDatabaseException("Cannot open geo database: GeoIP2 refuses it (" + e.getMessage() + "), " + file, e);
      }
      // The map reader stays open: it serves the field-only lookups (see fieldsOnly).
      db = new GeoDatabase(dr, reader, null, new GeoDatabaseInfo(type, m.buildTime(), description, kind));
    }
    db.probe(tree.samples(), tree.distinctRecords(), file);
    return db;
  }

  /**
   * CITY or COUNTRY when GeoIP2's reader accepts the type (it picks the model from "City"/"Country" in it) and the
   * records have the GeoIP2 shape (or there are none); FLAT otherwise.
   */
  static DatabaseKind geoip2Kind(String type, List<Map<?, ?>> records) {
    boolean geoip2Shape = records.stream().allMatch(r -> r.isEmpty()
        || GEOIP2_KEYS.stream().anyMatch(k -> r.get(k) instanceof Map || r.get(k) instanceof List));
    if (!geoip2Shape) {
      return DatabaseKind.FLAT;
    }
    if (type.contains("City")) {
      return DatabaseKind.CITY;
    }
    if (type.contains("Country")) {
      return DatabaseKind.COUNTRY;
    }
    return DatabaseKind.FLAT;
  }

  /**
   * Looks up the sample addresses the way the job will, so a record the model cannot read fails here. When the samples
   * are all the distinct records and each gives the same location read field-only, lookups read field-only.
   */
  private void probe(List<InetAddress> samples, int distinctRecords, File file) throws GeoDatabaseException {
    boolean same = info.kind() != DatabaseKind.FLAT && samples.size() == distinctRecords;
    for (InetAddress probe : samples) {
      GeoLocation full;
      try {
        full = find(probe);
      } catch (Exception e) {
        close();
        // The probe addresses come from the database's own tree, not from client data.
        throw new GeoDatabaseException("Cannot use geo database: a record cannot be read as " + info.schema() + " ("
            + e.getMessage() + "), " + file, e);
      }
      same = same && sameFieldsOnly(probe, full);
    }
    fieldsOnly = same;
  }

  private boolean sameFieldsOnly(InetAddress probe, GeoLocation full) {
    try {
      return Objects.equals(full, findFields(probe));
    } catch (IOException | RuntimeException e) {
      // Cannot happen for a record GeoIP2 decoded; if it does, lookups stay with GeoIP2's reader.
      return false;
    }
  }

  /** Whether lookups read only the fields they use (true for CITY/COUNTRY databases {@link #probe} read whole). */
  boolean readsFieldsOnly() {
    return fieldsOnly;
  }

  public GeoDatabaseInfo info() {
    return info;
  }

  /**
   * The location of an address, or null when the database has no record with a country for it.
   *
   * @throws IOException when the file is corrupt at this record; the message holds no address (the library's
   *     messages may), only the failure's type
   */
  public GeoLocation lookup(InetAddress address) throws IOException {
    try {
      if (!fieldsOnly && info.kind() != DatabaseKind.FLAT) {
        return find(address);
      }
      byte[] bits = address.getAddress();
      NetworkCache.Entry cached = networks.find(bits);
      if (cached != null) {
        return cached.location();
      }
      Answer a = answer(address);
      if (a.network() != null) {
        networks.put(bits, a.network().prefixLength(), a.location());
      }
      return a.location();
    } catch (IOException | RuntimeException | com.maxmind.geoip2.exception.GeoIp2Exception e) {
      // Without the cause: GeoIP2's and maxmind-db's messages can carry the address looked up.
      throw new IOException("Cannot look up address: " + e.getClass().getSimpleName());
    }
  }

  /** The lookup through GeoIP2's full responses (CITY, COUNTRY) or as maps (FLAT). */
  GeoLocation find(InetAddress address) throws IOException, com.maxmind.geoip2.exception.GeoIp2Exception {
      return switch (info.kind()) {
        case CITY -> {
          Optional<CityResponse> r = geoip2.tryCity(address);
          yield r.isEmpty() ? null : toLocation(r.get().country(), r.get().subdivisions());
        }
        case COUNTRY -> {
          Optional<CountryResponse> r = geoip2.tryCountry(address);
          yield r.isEmpty() ? null : toLocation(r.get().country(), List.of());
        }
        case FLAT -> answer(address).location();
      };
  }

  /** {@link #find} for CITY/COUNTRY, decoding only the fields {@link #toLocation} reads. */
  GeoLocation findFields(InetAddress address) throws IOException {
    return answer(address).location();
  }

  /** A location (null: no record with a country) and the network the database gave it for (null: not said). */
  private record Answer(GeoLocation location, Network network) {}

  /**
   * The lookup that {@link #lookup} caches by network: CITY/COUNTRY decoding only the fields used, FLAT as maps
   * through the field mapping.
   */
  private Answer answer(InetAddress address) throws IOException {
    return switch (info.kind()) {
      case CITY -> {
        DatabaseRecord<GeoIp2Fields.CityRecord> r = maps.getRecord(address, GeoIp2Fields.CityRecord.class);
        yield new Answer(cityLocation(r.data()), r.network());
      }
      case COUNTRY -> {
        DatabaseRecord<GeoIp2Fields.CountryRecord> r = maps.getRecord(address, GeoIp2Fields.CountryRecord.class);
        yield new Answer(countryLocation(r.data()), r.network());
      }
      case FLAT -> {
        @SuppressWarnings("rawtypes")
        DatabaseRecord<Map> r = maps.getRecord(address, Map.class);
        yield new Answer(r.data() instanceof Map<?, ?> map ? mapping.locate(map) : null, r.network());
      }
    };
  }

  private static GeoLocation cityLocation(GeoIp2Fields.CityRecord r) {
    if (r == null) {
      return null;
    }
    List<GeoIp2Fields.Subdivision> subs = r.subdivisions();
    GeoIp2Fields.Subdivision first = subs == null || subs.isEmpty() ? null : subs.get(0);
    return toLocation(r.country() == null ? null : r.country().isoCode(), first != null, first == null ? null
        : first.isoCode(), first == null || first.names() == null ? null : first.names().get("en"));
  }

  private static GeoLocation countryLocation(GeoIp2Fields.CountryRecord r) {
    return r == null ? null : toLocation(r.country() == null ? null : r.country().isoCode(), false, null, null);
  }

  private static GeoLocation toLocation(Country country, List<Subdivision> subdivisions) {
    Subdivision first = subdivisions == null || subdivisions.isEmpty() ? null : subdivisions.get(0);
    return toLocation(country == null ? null : country.isoCode(), first != null, first == null ? null : first.isoCode(),
        first == null || first.names() == null ? null : first.names().get("en"));
  }

  /**
   * @param hasSubdivision whether the record has a first subdivision
   * @param nameEn its English name, or null
   */
  private static GeoLocation toLocation(String countryIso, boolean hasSubdivision, String subdivisionIso,
      String nameEn) {
    String cc = GeoFieldMapping.countryOf(countryIso);
    if (cc == null) {
      return null;
    }
    if (!hasSubdivision) {
      return GeoLocation.countryOnly(cc);
    }
    // The first entry is the first-level subdivision. MaxMind's codes carry no country prefix (ENG -> GB-ENG);
    // DB-IP Lite writes only the English name.
    String region = GeoFieldMapping.regionOf(cc, subdivisionIso, GeoFieldMapping.RegionKind.ISO_CODE);
    if (region == null && subdivisionIso == null && nameEn != null) {
      region = SubdivisionNames.codeOf(cc, nameEn);
    }
    return region == null ? GeoLocation.countryOnly(cc) : new GeoLocation(cc, region);
  }

  @Override
  public void close() {
    if (geoip2 != null) {
      try {
        geoip2.close();
      } catch (IOException e) {
        // Nothing to do: the reader only held a memory map.
      }
    }
    if (maps != null) {
      closeQuietly(maps);
    }
  }

  private static void closeQuietly(Reader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing to do: the reader only held a memory map.
    }
  }
}
