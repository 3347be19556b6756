package org.geotraffic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.geotraffic.publish.AtomicRename;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real HDFS: Hadoop's MiniDFSCluster (a NameNode and a DataNode in this JVM, on loopback), started and
 * stopped here. Input read from {@code hdfs://}, tables published there, and a publish killed on HDFS.
 */
class HdfsStoreTest {
  private static MiniDFSCluster cluster;
  private static String hdfs;
  private static long startMillis;

  @BeforeAll
  static void startHdfs(@TempDir Path base) throws Exception {
    long t0 = System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toAbsolutePath().toString());
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    startMillis = (System.nanoTime() - t0) / 1_000_000;
    SparkTestSession.get();
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  /** The sample's two logs (one plain, one .gz) in a folder of the HDFS. */
  private static org.apache.hadoop.fs.Path uploadSample(FileSystem fs, String dir) throws java.io.IOException {
    org.apache.hadoop.fs.Path logs = new org.apache.hadoop.fs.Path(hdfs + dir);
    fs.mkdirs(logs);
    StoreRuns.upload(fs, StoreRuns.PLAIN_LOG, logs);
    StoreRuns.upload(fs, StoreRuns.GZ_LOG, logs);
    return logs;
  }

  private static Configuration conf() {
    return SparkTestSession.get().sparkContext().hadoopConfiguration();
  }

  @Test
  void logsOnHdfsPlainAndGz_publishOnHdfs_theTablesOfTheSameRunOnLocalDisk(@TempDir Path tmp) throws Exception {
    FileSystem fs = new org.apache.hadoop.fs.Path(hdfs + "/").getFileSystem(conf());
    org.apache.hadoop.fs.Path logs = uploadSample(fs, "/same/logs");
    String out = hdfs + "/same/out";

    long t0 = System.nanoTime();
    JobRuns.Run onHdfs = StoreRuns.run(List.of(logs.toString()), out, "on-hdfs", List.of());
    long hdfsMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, onHdfs.exitCode(), onHdfs.console());
    StoreRuns.assertSameTables(StoreRuns.localTables(tmp.resolve("out")), StoreRuns.tables(out), "HDFS output against local output");
    JsonNode summary = JobRuns.summary(out, "on-hdfs");
    assertEquals("succeeded", summary.path("status").asText());
    assertEquals(2, summary.path("input").path("files").asInt(), summary.toString());
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, "_runs/latest.json")));
    assertTrue(fs.listStatus(new org.apache.hadoop.fs.Path(out, "_staging")).length == 0, "no staging folder left");
    assertNull(AtomicRename.refusal(out, conf(), false), "HDFS renames folders atomically: no opt-in needed");
    System.out.printf("hdfs: MiniDFSCluster up in %d ms; the sample run on hdfs:// took %d ms%n", startMillis, hdfsMillis);
  }

  /**
   * Iceberg tables on HDFS (the default Hadoop catalog, warehouse = the output): the write-audit-publish commits there by
   * HDFS's atomic rename. Read back through Spark SQL as docs/iceberg.md tells readers to; a rerun on the same input adds
   * no snapshot.
   */
  @Test
  void icebergOnHdfs_readBackThroughSparkSql_holdsTheTablesOfTheSameRunOnLocalDisk_andARerunAddsNoSnapshot(@TempDir Path tmp)
      throws Exception {
    FileSystem fs = new org.apache.hadoop.fs.Path(hdfs + "/").getFileSystem(conf());
    org.apache.hadoop.fs.Path logs = uploadSample(fs, "/iceberg/logs");
    String out = hdfs + "/iceberg/out";

    long t0 = System.nanoTime();
    JobRuns.Run run = StoreRuns.run(List.of(logs.toString()), out, "iceberg-on-hdfs", List.of("--set", "output.format=iceberg"));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, run.exitCode(), run.console());
    assertEquals("succeeded", JobRuns.summary(out, "iceberg-on-hdfs").path("status").asText());
    org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
    String cat = "hdfs_reader";
    spark.conf().set("spark.sql.catalog." + cat + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + cat + ".warehouse", out);
    spark.conf().set("spark.sql.catalog." + cat + ".cache-enabled", "false");
    spark.conf().set("spark.sql.catalog." + cat, "org.apache.iceberg.spark.SparkCatalog");
    java.util.Map<org.geotraffic.privacy.Table, List<String>> local = StoreRuns.localTables(tmp.resolve("out"));
    java.util.Map<org.geotraffic.privacy.Table, List<Long>> snapshots = new java.util.EnumMap<>(org.geotraffic.privacy.Table.class);
    for (org.geotraffic.privacy.Table t : org.geotraffic.privacy.Table.values()) {
      String table = cat + ".geotraffic." + t.tableName();
      String columns = String.join(", ", org.geotraffic.pipeline.PublishedTableWriter.schema(t).fieldNames()).replace("date", "`date`");
      assertEquals(local.get(t), sql(spark, "SELECT " + columns + " FROM " + table), t + ": Iceberg on HDFS against Parquet on disk");
      assertEquals(List.of("[main]"), sql(spark, "SELECT name FROM " + table + ".refs"), t + ": the audit branch is gone");
      snapshots.put(t, spark.sql("SELECT snapshot_id FROM " + table + ".snapshots").collectAsList().stream().map(r -> r.getLong(0)).sorted().toList());
    }
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, "_ledger/snapshots/iceberg-on-hdfs.json")), "the ledger holds the snapshots");

    JobRuns.Run rerun = StoreRuns.run(List.of(logs.toString()), out, "iceberg-on-hdfs-again", List.of("--set", "output.format=iceberg"));
    assertEquals(0, rerun.exitCode(), rerun.console());
    for (org.geotraffic.privacy.Table t : org.geotraffic.privacy.Table.values()) {
      String table = cat + ".geotraffic." + t.tableName();
      assertEquals(snapshots.get(t), spark.sql("SELECT snapshot_id FROM " + table + ".snapshots").collectAsList().stream()
          .map(r -> r.getLong(0)).sorted().toList(), t + ": the same input is no new release, so no new snapshot");
    }
    System.out.printf("hdfs: the sample run into Iceberg tables on hdfs:// took %d ms%n", millis);
  }

  private static List<String> sql(org.apache.spark.sql.SparkSession spark, String query) {
    return spark.sql(query).collectAsList().stream().map(org.apache.spark.sql.Row::toString).sorted().toList();
  }

  @Test
  void publishKilledBeforeEachOperation_readersFindTheOldOrNewDayOrNone_neverPart_andTheNextRunRollsBack(@TempDir Path tmp)
      throws Exception {
    KilledPublishOnStore store = new KilledPublishOnStore(conf(), hdfs + "/killed", tmp, List.of());
    // Per table the publish makes eight operations: for the move aside and the move in, each a check that the target is
    // free, a step marker, the folder it goes to, and the move. Every second one reaches every state: before, between and
    // after each table's two moves.
    KilledPublishOnStore.Outcome o = store.killAtEachOperation(2,
        EnumSet.of(KilledPublishOnStore.Seen.OLD, KilledPublishOnStore.Seen.NEW, KilledPublishOnStore.Seen.ABSENT));
    System.out.println("hdfs: killed publishes: " + o);
    assertTrue(o.kills() >= 10, "every move of the five tables was killed in turn: " + o);
    assertTrue(o.leftOld() > 0 && o.leftNew() > 0, "kills on both sides of the commit point: " + o);

    JobRuns.Run next = store.killThenNextRun(2 * 5 + 2 + 5);
    System.out.println("hdfs: next run after a killed publish: " + next.console().lines().filter(l -> l.contains("recovered")).toList());
  }
}
