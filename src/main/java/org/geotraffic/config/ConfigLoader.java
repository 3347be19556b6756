package org.geotraffic.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.geotraffic.geo.CidrSet;
import org.geotraffic.geo.GeoFieldMapping;
import org.geotraffic.geo.HostSuffixRules;
import org.geotraffic.geo.InternalNetworks;
import org.geotraffic.parse.LineParsers;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Table;

/**
 * Loads and validates the configuration: the defaults (conf/geotraffic.properties, shipped inside the
 * jar), then an optional --config file, then --set overrides. Every key is checked; every problem is
 * reported at once with the key, the rule, the value and where the value came from. Keys that start
 * with {@code spark.} are passed to the SparkSession unchecked; any other unknown key is an error.
 */
public final class ConfigLoader {
  /** Classpath location of the defaults; the build copies conf/geotraffic.properties there. */
  public static final String DEFAULTS_RESOURCE = "/geotraffic.properties";

  /** Below the 64 MiB Hadoop's reader keeps of a line (pipeline.EnrichStage), with room for multi-byte UTF-8. */
  static final int MAX_LINE_LENGTH_CAP = 16 * 1024 * 1024;

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader() {}

  /**
   * @param configFile optional --config file (null when absent)
   * @param overrides --set key=value pairs in command-line order
   */
  public static JobConfig load(Path configFile, List<String> overrides) throws ConfigException {
    ConfigLoader loader = new ConfigLoader();
    loader.readDefaults();
    if (configFile != null) {
      loader.readFile(configFile);
    }
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        loader.problems.add("--set expects key=value, got '" + kv + "'");
        continue;
      }
      loader.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim(), "--set");
    }
    return loader.build();
  }

  private void readDefaults() throws ConfigException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new ConfigException("Cannot load defaults: " + DEFAULTS_RESOURCE + " is missing from the jar");
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      for (String key : p.stringPropertyNames()) {
        values.put(key, p.getProperty(key).trim());
        origins.put(key, "defaults");
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot load defaults: " + e.getMessage());
    }
  }

  private void readFile(Path file) throws ConfigException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException("Cannot read config file: not a readable file, " + file);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read config file: " + e.getMessage() + ", " + file);
    }
    new TreeMap<>(toMap(p)).forEach((k, v) -> put(k, v, file.toString()));
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      m.put(key, p.getProperty(key).trim());
    }
    return m;
  }

  private void put(String key, String value, String origin) {
    if (!values.containsKey(key) && !key.startsWith("spark.")) {
      problems.add("unknown key " + key + " (" + origin + "); see conf/geotraffic.properties for the keys");
      return;
    }
    values.put(key, value);
    origins.put(key, origin);
  }

  private String where(String key) {
    return " (" + origins.get(key) + ")";
  }

  private JobConfig build() throws ConfigException {
    String format = values.get(ConfigKeys.INPUT_FORMAT);
    try {
      LineParsers.validate(format);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage() + where(ConfigKeys.INPUT_FORMAT));
    }
    int maxLineLength = intAtLeast(ConfigKeys.INPUT_MAX_LINE_LENGTH, 256);
    if (maxLineLength > MAX_LINE_LENGTH_CAP) {
      problems.add(ConfigKeys.INPUT_MAX_LINE_LENGTH + " must be an integer <= " + MAX_LINE_LENGTH_CAP + ", got '" + maxLineLength + "'"
          + where(ConfigKeys.INPUT_MAX_LINE_LENGTH));
    }
    double maxRejectRatio = ratio(ConfigKeys.INPUT_MAX_REJECT_RATIO);
    boolean failOnCorrupt = bool(ConfigKeys.INPUT_FAIL_ON_CORRUPT);
    double minShare = ratio(ConfigKeys.PUBLISH_MIN_SHARE_OF_PREVIOUS);
    bool(ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME); // validated here, read through JobConfig#allowNonAtomicRename
    ZoneId zone = zone(ConfigKeys.TIME_ZONE);
    String site = nonEmpty(ConfigKeys.SITE_DEFAULT);
    List<String> assets = list(ConfigKeys.PAGES_ASSET_EXTENSIONS).stream().map(s -> s.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList();
    List<String> methods = list(ConfigKeys.PAGES_VIEW_METHODS).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    int maxPage = intAtLeast(ConfigKeys.PAGES_MAX_LENGTH, 16);
    List<String> bots = list(ConfigKeys.BOTS_PATTERNS).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    List<String> trusted = list(ConfigKeys.PROXIES_TRUSTED);
    check(ConfigKeys.PROXIES_TRUSTED, () -> CidrSet.parse(trusted));
    Map<String, String> internal = pairs(ConfigKeys.GEO_INTERNAL_NETWORKS);
    check(ConfigKeys.GEO_INTERNAL_NETWORKS, () -> InternalNetworks.parse(internal));
    Map<String, String> suffixRules = pairs(ConfigKeys.GEO_SUFFIX_RULES);
    check(ConfigKeys.GEO_SUFFIX_RULES, () -> HostSuffixRules.of(suffixRules, Map.of()));
    Map<String, String> generic = pairs(ConfigKeys.GEO_GENERIC_TLDS);
    check(ConfigKeys.GEO_GENERIC_TLDS, () -> HostSuffixRules.of(Map.of(), generic));

    GeoFieldMapping geoFields = geoFields();
    boolean botRows = bool(ConfigKeys.BOTS_REPORT_SEPARATELY);

    int k = intAtLeast(ConfigKeys.SUPPRESSION_MIN_VISITORS, 1);
    Map<Table, Integer> perTable = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      String key = ConfigKeys.SUPPRESSION_MIN_VISITORS + "." + t.tableName();
      if (!values.getOrDefault(key, "").isEmpty()) {
        perTable.put(t, intAtLeast(key, 1));
      }
    }
    long minHits = intAtLeast(ConfigKeys.SUPPRESSION_MIN_HITS, 0);
    String compression = oneOf(ConfigKeys.OUTPUT_COMPRESSION, List.of("snappy", "zstd", "gzip", "none"));
    OutputTarget output = outputTarget();

    Map<String, String> spark = new TreeMap<>();
    values.forEach((key, v) -> {
      if (key.startsWith("spark.")) {
        spark.put(key, v);
      }
    });
    String redaction = spark.get(Secrets.REDACTION_KEY);
    if (redaction != null) {
      try {
        java.util.regex.Pattern.compile(redaction);
      } catch (java.util.regex.PatternSyntaxException e) {
        problems.add(Secrets.REDACTION_KEY + " must be a regular expression, got '" + redaction + "'" + where(Secrets.REDACTION_KEY));
      }
    }
    problems.addAll(SparkSettings.problems(spark, origins, Secrets.of(values)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new JobConfig(format, maxLineLength, maxRejectRatio, zone, site, assets, methods, maxPage, bots,
        trusted, internal, suffixRules, generic, new SuppressionPolicy(k, perTable, minHits), compression, spark,
        new TreeMap<>(values), geoFields, botRows, failOnCorrupt, minShare, output);
  }

  /**
   * output.format, output.catalog, output.namespace. Iceberg needs its Spark runtime, which the cluster provides: without
   * it the run is refused here, before Spark starts, rather than after the whole job ran.
   */
  private OutputTarget outputTarget() {
    String value = values.get(ConfigKeys.OUTPUT_FORMAT);
    OutputFormat format = OutputFormat.of(value);
    if (format == null) {
      problems.add(ConfigKeys.OUTPUT_FORMAT + " must be one of parquet, iceberg, got '" + value + "'" + where(ConfigKeys.OUTPUT_FORMAT));
    }
    String catalog = values.get(ConfigKeys.OUTPUT_CATALOG);
    if (!catalog.isEmpty() && !catalog.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      problems.add(ConfigKeys.OUTPUT_CATALOG + " must be a Spark catalog name (letters, digits, _), got '" + catalog + "'"
          + where(ConfigKeys.OUTPUT_CATALOG));
    }
    String namespace = values.get(ConfigKeys.OUTPUT_NAMESPACE);
    if (!namespace.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      problems.add(ConfigKeys.OUTPUT_NAMESPACE + " must be a namespace name (letters, digits, _), got '" + namespace + "'"
          + where(ConfigKeys.OUTPUT_NAMESPACE));
    }
    if (format == OutputFormat.ICEBERG && !IcebergRuntime.present(runtimeLoader())) {
      problems.add(ConfigKeys.OUTPUT_FORMAT + "=iceberg needs the Iceberg Spark runtime on the classpath, got none" + where(ConfigKeys.OUTPUT_FORMAT)
          + "; add it with spark-submit --packages org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.12.0 (Spark 3.5) or"
          + " org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0 (Spark 4.1)");
    }
    return format == null ? OutputTarget.PARQUET : new OutputTarget(format, catalog, namespace);
  }

  /** Where the Iceberg runtime is looked for: the thread's loader (spark-submit's), else this class's. Tests replace it. */
  static ClassLoader runtimeLoader() {
    ClassLoader override = RUNTIME_LOADER.get();
    if (override != null) {
      return override;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ConfigLoader.class.getClassLoader();
  }

  /** A loader that tests put in place of the runtime's (one without Iceberg), per thread. */
  static final ThreadLocal<ClassLoader> RUNTIME_LOADER = new ThreadLocal<>();

  /** geoip.fields.*: null when no country field is set (the schema is then detected from the database). */
  private GeoFieldMapping geoFields() {
    String country = values.get(ConfigKeys.GEOIP_FIELDS_COUNTRY);
    String region = values.get(ConfigKeys.GEOIP_FIELDS_REGION);
    String kindValue = values.get(ConfigKeys.GEOIP_FIELDS_REGION_KIND);
    GeoFieldMapping.RegionKind kind = GeoFieldMapping.RegionKind.of(kindValue);
    if (kind == null) {
      problems.add(ConfigKeys.GEOIP_FIELDS_REGION_KIND + " must be one of auto, iso-code, name, got '" + kindValue + "'"
          + where(ConfigKeys.GEOIP_FIELDS_REGION_KIND));
    }
    if (country.isEmpty()) {
      if (!region.isEmpty()) {
        problems.add(ConfigKeys.GEOIP_FIELDS_REGION + " needs " + ConfigKeys.GEOIP_FIELDS_COUNTRY + ", got '" + region + "'"
            + where(ConfigKeys.GEOIP_FIELDS_REGION));
      }
      return null;
    }
    try {
      return new GeoFieldMapping(country, region.isEmpty() ? null : region, kind);
    } catch (IllegalArgumentException e) {
      problems.add("geoip.fields.*: " + e.getMessage() + where(ConfigKeys.GEOIP_FIELDS_COUNTRY));
      return null;
    }
  }

  private int intAtLeast(String key, int min) {
    String v = values.get(key);
    try {
      int i = Integer.parseInt(v);
      if (i >= min) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(key + " must be an integer >= " + min + ", got '" + v + "'" + where(key));
    return min;
  }

  private double ratio(String key) {
    String v = values.get(key);
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(key + " must be a number from 0 to 1, got '" + v + "'" + where(key));
    return 1;
  }

  private ZoneId zone(String key) {
    String v = values.get(key);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      problems.add(key + " must be a time-zone id such as UTC, Europe/Berlin or +02:00, got '" + v + "'" + where(key));
      return ZoneId.of("UTC");
    }
  }

  private String nonEmpty(String key) {
    String v = values.get(key);
    if (v.isEmpty()) {
      problems.add(key + " must not be empty" + where(key));
    }
    return v;
  }

  private boolean bool(String key) {
    String v = values.get(key);
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    problems.add(key + " must be true or false, got '" + v + "'" + where(key));
    return false;
  }

  private String oneOf(String key, List<String> allowed) {
    String v = values.get(key);
    if (!allowed.contains(v)) {
      problems.add(key + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'" + where(key));
    }
    return v;
  }

  private List<String> list(String key) {
    String v = values.get(key);
    if (v.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private Map<String, String> pairs(String key) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String item : list(key)) {
      int eq = item.indexOf('=');
      if (eq <= 0 || eq == item.length() - 1) {
        problems.add(key + " entries must be name=value, got '" + item + "'" + where(key));
        continue;
      }
      m.put(item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim());
    }
    return m;
  }

  /** Runs a validator of the geo package and reports its message under the key. */
  private void check(String key, Runnable validator) {
    try {
      validator.run();
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage() + where(key));
    }
  }
}
