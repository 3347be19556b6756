package org.geotraffic.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.spark.SparkContext;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoFieldMapping;
import org.geotraffic.geo.OpenedDatabases;

/**
 * The geo database as the executors receive it: the name of the file Spark ships ({@code SparkFiles}) and the
 * database's content id (SHA-256 of its bytes, computed on the driver), by which executors cache the open
 * database ({@link ExecutorGeoDatabases}).
 *
 * <p>Spark ships files by name, and a SparkSession cannot ship two different files of one name. So each distinct
 * database is shipped under a name that carries its content id ({@code <id prefix>-GeoLite2-City.mmdb}), from a
 * copy on the driver that stays as it was when its id was computed; a second database with the same file name in
 * the same session is then shipped and used, and the same database is shipped once. The one exception: the very
 * file that spark-submit already ships ({@code --files}) is used under its own name and not shipped twice.
 *
 * @param fileName the name executors open with {@code SparkFiles.get}
 * @param contentId the SHA-256 of the database's bytes, hex
 */
public record DatabaseShipment(String fileName, String contentId) {
  /** How many hex digits of the content id prefix a shipped copy's name: 64 bits tell databases apart. */
  static final int NAME_ID_DIGITS = 16;

  /**
   * Ships the database to the executors unless this content is shipped already. Call on the driver. In a local run
   * (executors in this JVM) the instance the driver validated ({@link OpenedDatabases}) is handed to them too, when
   * the file is still the one validated before and after the copy whose content id they key it by: they then skip
   * opening their copy (the worldwide country database: a walk of its search tree, 0.3-0.7 s, profiled on 50k lines).
   *
   * @param fields the mapping from geoip.fields.*, or null (detected), as the executors will open it
   */
  public static DatabaseShipment ship(SparkContext sc, File database, GeoFieldMapping fields) throws IOException {
    GeoDatabase validated = sc.isLocal() ? OpenedDatabases.ifUnchanged(database, fields) : null;
    DatabaseShipment shipment = shipCopy(sc, database);
    if (validated != null && OpenedDatabases.ifUnchanged(database, fields) == validated) {
      ExecutorGeoDatabases.share(shipment.contentId(), fields, validated);
    }
    return shipment;
  }

  private static DatabaseShipment shipCopy(SparkContext sc, File database) throws IOException {
    if (shippedBySubmit(sc, database)) {
      return new DatabaseShipment(database.getName(), contentId(database.toPath()));
    }
    Path dir = Files.createTempDirectory("geotraffic-db-");
    dir.toFile().deleteOnExit();
    Path copy = dir.resolve(database.getName());
    Files.copy(database.toPath(), copy, StandardCopyOption.COPY_ATTRIBUTES);
    String id = contentId(copy);
    String name = id.substring(0, NAME_ID_DIGITS) + "-" + database.getName();
    Path named = Files.move(copy, dir.resolve(name));
    named.toFile().deleteOnExit();
    if (isShipped(sc, name)) {
      // Shipped by an earlier run of this session, from its own copy.
      Files.delete(named);
    } else {
      sc.addFile(named.toString());
    }
    return new DatabaseShipment(name, id);
  }

  /** Whether spark-submit ships this very file (spark.files, from --files) under its own name. */
  private static boolean shippedBySubmit(SparkContext sc, File database) throws IOException {
    File canonical = database.getCanonicalFile();
    for (String entry : sc.getConf().get("spark.files", "").split(",")) {
      File listed = localFile(entry.trim());
      if (listed != null && listed.getCanonicalFile().equals(canonical)) {
        return true;
      }
    }
    return false;
  }

  /** The local file a spark.files entry names, or null when it names a remote one (or nothing). */
  private static File localFile(String entry) {
    if (entry.isEmpty()) {
      return null;
    }
    try {
      URI uri = new URI(entry);
      if (uri.getScheme() == null) {
        return new File(entry);
      }
      return uri.getScheme().equals("file") ? new File(uri.getPath()) : null;
    } catch (URISyntaxException e) {
      return new File(entry);
    }
  }

  private static boolean isShipped(SparkContext sc, String name) {
    for (String f : scala.collection.JavaConverters.seqAsJavaList(sc.listFiles())) {
      if (f.endsWith("/" + name)) {
        return true;
      }
    }
    return false;
  }

  static String contentId(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash the geo database: this JVM has no SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
