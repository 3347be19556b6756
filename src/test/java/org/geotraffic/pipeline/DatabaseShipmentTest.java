package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.spark.sql.SparkSession;
import java.util.List;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.OpenedDatabases;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local run's executors use the database the driver validated, and only while the file is the one validated. */
class DatabaseShipmentTest {
  @TempDir Path tmp;

  private static GeoDatabase executorsDatabase(SparkSession spark, Path db) throws Exception {
    DatabaseShipment shipped = DatabaseShipment.ship(spark.sparkContext(), db.toFile(), null);
    EnrichSettings settings = EnrichSettings.of(ConfigLoader.load(null, List.of()), shipped.fileName(), shipped.contentId(), null, null,
        VisitorHasher.newRunSecret());
    return ExecutorGeoDatabases.get(settings);
  }

  @Test
  void localExecutors_useTheInstanceTheDriverValidated() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path db = tmp.resolve("validated.mmdb");
    DemoDatabase.write(db);
    GeoDatabase validated = OpenedDatabases.open(db.toFile(), null);
    assertSame(validated, OpenedDatabases.open(db.toFile(), null), "a second open of the same file is the same instance");
    assertSame(validated, executorsDatabase(spark, db));
  }

  @Test
  void aDatabaseChangedAfterValidation_isOpenedAgain() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path db = tmp.resolve("changed.mmdb");
    DemoDatabase.write(db);
    GeoDatabase validated = OpenedDatabases.open(db.toFile(), null);
    // Same bytes, new modification time: a replaced file is not the file validated, whatever it holds.
    Files.setLastModifiedTime(db, FileTime.fromMillis(Files.getLastModifiedTime(db).toMillis() - 60_000));
    assertNotSame(validated, OpenedDatabases.open(db.toFile(), null));
    Path other = tmp.resolve("other.mmdb");
    DemoDatabase.write(other);
    GeoDatabase otherValidated = OpenedDatabases.open(other.toFile(), null);
    Files.setLastModifiedTime(other, FileTime.fromMillis(Files.getLastModifiedTime(other).toMillis() - 60_000));
    // Same content id as the first database: the executors' cache may hold that one, never the stale instance.
    assertNotSame(otherValidated, executorsDatabase(spark, other));
  }
}
