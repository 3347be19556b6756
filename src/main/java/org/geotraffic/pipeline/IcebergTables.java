package org.geotraffic.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.geotraffic.config.OutputTarget;
import org.geotraffic.config.Period;
import org.geotraffic.output.TableLayout;
import org.geotraffic.privacy.Table;

/**
 * The Iceberg tables of one period (output.format=iceberg): where they are, creating them, reading them. By default a
 * Hadoop catalog whose warehouse is the output directory ({@code <output>/<namespace>/<table>}), registered in the session
 * under a name derived from the output path, so two outputs in one session never share a catalog; or the Spark catalog
 * the user names (output.catalog). The tables have the Parquet layout's columns and are partitioned by date.
 */
public final class IcebergTables {
  /** Snapshots are releases (docs/iceberg.md): Iceberg's own defaults would expire them after 5 days; these never do. */
  private static final String KEEP_HISTORY = "'history.expire.max-snapshot-age-ms'='" + Long.MAX_VALUE + "',"
      + " 'history.expire.min-snapshots-to-keep'='" + Integer.MAX_VALUE + "'";

  private final SparkSession spark;
  private final String catalog;
  private final String namespace;
  private final Period period;

  private IcebergTables(SparkSession spark, String catalog, String namespace, Period period) {
    this.spark = spark;
    this.catalog = catalog;
    this.namespace = namespace;
    this.period = period;
  }

  /** The tables of {@code period} for an output (the output directory is the warehouse unless a catalog is named). */
  public static IcebergTables of(SparkSession spark, OutputTarget target, Path output, Period period) {
    String catalog = target.namedCatalog() ? target.catalog() : hadoopCatalog(spark, output);
    return new IcebergTables(spark, catalog, target.namespace(), period);
  }

  /** Registers, once per output and session, a Hadoop catalog whose warehouse is the output directory; returns its name. */
  static String hadoopCatalog(SparkSession spark, Path output) {
    String name = "geotraffic_" + HexFormat.of().formatHex(sha256(output.toString())).substring(0, 12);
    String key = "spark.sql.catalog." + name;
    if (!spark.conf().contains(key)) {
      spark.conf().set(key + ".type", "hadoop");
      spark.conf().set(key + ".warehouse", output.toString());
      // Every load reads the table's current metadata: a cached table would branch from, or audit against, a stale main.
      spark.conf().set(key + ".cache-enabled", "false");
      spark.conf().set(key, "org.apache.iceberg.spark.SparkCatalog");
    }
    return name;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the output path: no SHA-256 in this JVM", e);
    }
  }

  public Period period() {
    return period;
  }

  /** The Spark catalog that holds the tables. */
  public String catalog() {
    return catalog;
  }

  /** A table's name as Spark SQL reads it: {@code catalog.namespace.table}. */
  public String name(Table table) {
    return catalog + "." + namespace + "." + TableLayout.icebergTable(period, table);
  }

  /** A table's name within the namespace, as the ledger records it ({@code countries}, {@code weekly_countries}). */
  public String shortName(Table table) {
    return TableLayout.icebergTable(period, table);
  }

  /** The Iceberg catalog behind the Spark catalog (for branches and snapshots, which Spark SQL has no API for). */
  Catalog icebergCatalog() {
    return Spark3Util.loadIcebergCatalog(spark, catalog);
  }

  /** Whether the table exists in the catalog. */
  public boolean exists(Table table) {
    return icebergCatalog().tableExists(identifier(table));
  }

  /** The table as its catalog has it now (refreshed: a catalog the user names may cache tables). */
  org.apache.iceberg.Table load(Table table) {
    org.apache.iceberg.Table t = icebergCatalog().loadTable(identifier(table));
    t.refresh();
    return t;
  }

  private TableIdentifier identifier(Table table) {
    return TableIdentifier.of(namespace, TableLayout.icebergTable(period, table));
  }

  /** Creates the namespace and whichever tables do not exist yet (empty: no snapshot, a reader sees no rows). */
  public void create(String compression) {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + namespace);
    String codec = compression.equals("none") ? "uncompressed" : compression;
    for (Table table : Table.values()) {
      if (exists(table)) {
        continue;
      }
      spark.sql("CREATE TABLE IF NOT EXISTS " + name(table) + " (" + columns(table) + ") USING iceberg PARTITIONED BY (`"
          + TableLayout.DATE + "`) TBLPROPERTIES ('format-version'='2', 'write.parquet.compression-codec'='" + codec + "', " + KEEP_HISTORY + ")");
    }
  }

  private static String columns(Table table) {
    StringBuilder ddl = new StringBuilder();
    for (StructField f : PublishedTableWriter.schema(table).fields()) {
      if (ddl.length() > 0) {
        ddl.append(", ");
      }
      ddl.append('`').append(f.name()).append("` ").append(f.dataType().sql()).append(f.nullable() ? "" : " NOT NULL");
    }
    return ddl.toString();
  }

  /** A table's rows on main (what readers see), or on {@code branch}; empty when the table does not exist. */
  public Dataset<Row> read(Table table, String branch) {
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), PublishedTableWriter.schema(table));
    }
    load(table); // a cached table object is refreshed, so Spark reads what the catalog holds now
    var reader = spark.read().format("iceberg");
    if (branch != null) {
      reader = reader.option("branch", branch);
    }
    return reader.load(name(table));
  }

  /** A table's rows at one snapshot (time travel); empty for a null snapshot (the table had none yet). */
  public Dataset<Row> readAt(Table table, Long snapshotId) {
    if (snapshotId == null || !exists(table)) {
      return spark.createDataFrame(List.of(), PublishedTableWriter.schema(table));
    }
    load(table);
    // SQL time travel: Iceberg's reader option snapshot-id is refused on Spark 4.1, and VERSION AS OF works on both lines.
    return spark.sql("SELECT * FROM " + name(table) + " VERSION AS OF " + snapshotId);
  }

  /** The dates among {@code dates} for which any table on main has a row: what a run would replace. */
  public Set<String> publishedDates(Set<String> dates) {
    Set<String> published = new TreeSet<>();
    if (dates.isEmpty()) {
      return published;
    }
    for (Table table : Table.values()) {
      spark.sparkContext().setJobDescription("read published dates of " + name(table));
      for (Row r : read(table, null).where(inDates(dates)).select(TableLayout.DATE).distinct().collectAsList()) {
        published.add(r.getString(0));
      }
    }
    return published;
  }

  /** {@code date IN (dates)}. */
  static Column inDates(Set<String> dates) {
    return functions.col(TableLayout.DATE).isin(dates.toArray());
  }
}
