package org.geotraffic.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.IOUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.geotraffic.config.ConfigKeys;
import org.geotraffic.privacy.Table;
import org.geotraffic.publish.FileMoves;
import org.geotraffic.publish.FileSystems;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.S3Server;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on S3 through Hadoop's s3a connector, against S3Mock on loopback (started and stopped here). s3a renames a
 * folder by copying each object and then deleting the originals, so the publish's swaps are not atomic there: the job
 * refuses such an output unless {@code publish.allow-non-atomic-rename=true}, and these tests measure what a reader and
 * the next run find when it is allowed.
 */
class S3StoreTest {
  private static final String BUCKET = "geotraffic";
  private static final String OPT_IN = ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME + "=true";
  private static S3Server s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Server.start(BUCKET);
    Configuration shared = SparkTestSession.get().sparkContext().hadoopConfiguration();
    s3.s3aSettings().forEach(shared::set);
    System.out.printf("s3: S3Mock up in %d ms%n", s3.startMillis());
  }

  @AfterAll
  static void stopS3() throws IOException {
    if (s3 != null) {
      FileSystem.get(java.net.URI.create(s3.uri("")), conf()).close();
      s3.close();
    }
  }

  private static Configuration conf() {
    return SparkTestSession.get().sparkContext().hadoopConfiguration();
  }

  private static FileSystem fs() throws IOException {
    return new org.apache.hadoop.fs.Path(s3.uri("")).getFileSystem(conf());
  }

  private static List<String> args(String... more) {
    List<String> a = new ArrayList<>(s3.setArgs());
    a.addAll(List.of(more));
    return a;
  }

  private static String uploadLogs(String prefix) throws IOException {
    org.apache.hadoop.fs.Path logs = new org.apache.hadoop.fs.Path(s3.uri(prefix + "/logs"));
    StoreRuns.upload(fs(), StoreRuns.PLAIN_LOG, logs);
    StoreRuns.upload(fs(), StoreRuns.GZ_LOG, logs);
    return logs.toString();
  }

  private static void assertNoCredentials(String where, String text) {
    assertFalse(text.contains(S3Server.ACCESS_KEY), where + " shows the access key");
    assertFalse(text.contains(S3Server.SECRET_KEY), where + " shows the secret key");
  }

  @Test
  void outputOnS3_isRefusedBeforeSparkStarts_namingTheKeyAndTheOutput_withoutCredentials() throws Exception {
    String logs = uploadLogs("refused");
    String out = s3.uri("refused/out");
    JobRuns.Run run = StoreRuns.run(List.of(logs), out, "refused", args());
    assertEquals(2, run.exitCode(), run.console());
    assertTrue(run.console().contains("Cannot publish into " + out + ": its file system (s3a://) is not known to rename a folder atomically"),
        run.console());
    assertTrue(run.console().contains(ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME + "=true"), run.console());
    assertFalse(run.console().contains("input files"), "refused before the inputs were listed and Spark ran: " + run.console());
    assertFalse(fs().exists(new org.apache.hadoop.fs.Path(out)), "nothing written under the refused output");
    assertNoCredentials("the console", run.console());

    // Credentials in the URI itself (an old s3a form) are cut from the message too.
    String withKeys = "s3a://" + S3Server.ACCESS_KEY + ":" + S3Server.SECRET_KEY.replace("/", "%2F").replace("+", "%2B") + "@" + BUCKET
        + "/refused/out2";
    JobRuns.Run inUri = StoreRuns.run(List.of(logs), withKeys, "refused-uri", args());
    assertEquals(2, inUri.exitCode(), inUri.console());
    assertTrue(inUri.console().contains("Cannot publish into s3a://*********(redacted)@" + BUCKET + "/refused/out2"), inUri.console());
    assertNoCredentials("the console", inUri.console().replace(S3Server.SECRET_KEY.replace("/", "%2F").replace("+", "%2B"), S3Server.SECRET_KEY));
    System.out.println("s3: refused: " + run.console().lines().filter(l -> l.contains("Cannot publish")).findFirst().orElse(""));

    // Iceberg tables in the default Hadoop catalog at the output commit by rename too: refused the same way.
    JobRuns.Run iceberg = StoreRuns.run(List.of(logs), s3.uri("refused/iceberg"), "refused-iceberg", args("--set", "output.format=iceberg"));
    assertEquals(2, iceberg.exitCode(), iceberg.console());
    assertTrue(iceberg.console().contains("is not known to rename a folder atomically"), iceberg.console());
    assertFalse(fs().exists(new org.apache.hadoop.fs.Path(s3.uri("refused/iceberg"))), "nothing written under the refused output");
  }

  @Test
  void optedIn_logsOnS3PlainAndGz_publishOnS3_theTablesOfTheSameRunOnLocalDisk_andNoCredentialAnywhere(@TempDir Path tmp) throws Exception {
    String logs = uploadLogs("same");
    String out = s3.uri("same/out");
    long t0 = System.nanoTime();
    JobRuns.Run onS3 = StoreRuns.run(List.of(logs), out, "on-s3", args("--set", OPT_IN));
    long s3Millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, onS3.exitCode(), onS3.console());
    StoreRuns.assertSameTables(StoreRuns.localTables(tmp.resolve("out")), StoreRuns.tables(out), "S3 output against local output");
    JsonNode summary = JobRuns.summary(out, "on-s3");
    assertNotNull(summary, onS3.console());
    assertEquals("succeeded", summary.path("status").asText());
    assertNoCredentials("the console", onS3.console());
    // Every object the run left (tables, summaries, ledger), read back byte for byte.
    int objects = 0;
    RemoteIterator<LocatedFileStatus> it = fs().listFiles(new org.apache.hadoop.fs.Path(out), true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      try (InputStream in = fs().open(f.getPath())) {
        assertNoCredentials(f.getPath().toString(), new String(IOUtils.toByteArray(in), StandardCharsets.ISO_8859_1));
      }
      objects++;
    }
    assertTrue(summary.toString().contains(ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME), "the opt-in is on record in the summary");
    System.out.printf("s3: the sample run on s3a:// took %d ms and left %d objects%n", s3Millis, objects);
  }

  @Test
  void optedIn_publishKilledBetweenOperations_readersFindTheOldOrNewDayOrNone_andTheNextRunRollsBack(@TempDir Path tmp) throws Exception {
    KilledPublishOnStore store = new KilledPublishOnStore(conf(), s3.uri("killed"), tmp, args("--set", OPT_IN));
    // Fewer kills than on HDFS (each costs ~4 s against S3Mock): every 7th operation, against a table's eight (a check, a
    // step marker, a folder and a move, twice), lands before a table's first move, between its two moves, and after the
    // commit point.
    KilledPublishOnStore.Outcome o = store.killAtEachOperation(7,
        EnumSet.of(KilledPublishOnStore.Seen.OLD, KilledPublishOnStore.Seen.NEW, KilledPublishOnStore.Seen.ABSENT));
    System.out.println("s3: killed publishes between operations: " + o);
    assertTrue(o.leftOld() > 0 && o.leftNew() > 0, "kills on both sides of the commit point: " + o);
    store.killThenNextRun(2 * 5 + 2 + 5);
  }

  /** The process is gone, in the middle of a rename. */
  static final class KilledMidRename extends Error {
    private static final long serialVersionUID = 1L;

    KilledMidRename() {
      super("killed inside a rename", null, false, false);
    }
  }

  /**
   * A kill inside an s3a rename: s3a copies every object of the folder, then deletes the originals. A process killed
   * between the two leaves both copies; here the {@code n}-th move (0-based) does that copy on the real store and dies.
   */
  static FileMoves killedInsideMove(FileMoves real, int n) {
    return (FileMoves) java.lang.reflect.Proxy.newProxyInstance(FileMoves.class.getClassLoader(), new Class<?>[] {FileMoves.class},
        new java.lang.reflect.InvocationHandler() {
          private int movesSeen;

          @Override
          public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] a) throws Throwable {
            if (m.getName().equals("move") && movesSeen++ == n) {
              org.apache.hadoop.fs.Path from = (org.apache.hadoop.fs.Path) a[0];
              org.apache.hadoop.fs.Path to = (org.apache.hadoop.fs.Path) a[1];
              FileUtil.copy(fs(), from, fs(), to, false, conf());
              throw new KilledMidRename();
            }
            try {
              return m.invoke(real, a);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          }
        });
  }

  @Test
  void optedIn_killInsideTheRenameThatMovesANewDayIn_readersSeeAMixOfDays_andTheNextRunRollsItBack(@TempDir Path tmp) throws Exception {
    KilledPublishOnStore store = new KilledPublishOnStore(conf(), s3.uri("mid-rename"), tmp, args("--set", OPT_IN));
    FileMoves real = FileSystems.locate(store.output(), conf()).moves();
    // Move 0 sets the first table's old day aside, move 1 moves its new day in: killed after the copy, before the delete.
    try {
      store.stageOther(0, killedInsideMove(real, 1), "killed-mid-rename").commit();
      throw new AssertionError("not killed");
    } catch (KilledMidRename e) {
      // as a kill -9 between s3a's copy and its delete leaves it
    }
    Map<Table, KilledPublishOnStore.Seen> seen = store.seen(0);
    System.out.println("s3: a reader after a kill inside a rename finds " + seen);
    assertEquals(KilledPublishOnStore.Seen.NEW, seen.get(Table.values()[0]), "the first table shows the new day: " + seen);
    assertEquals(KilledPublishOnStore.Seen.OLD, seen.get(Table.values()[1]), "the others still the old one: " + seen);

    // The publish marked the step it was in, so the next run undoes that step from where the kill left it (both copies
    // of the new day) instead of reading "the staged copy still exists" as "not moved in".
    JobRuns.Run next = StoreRuns.run(List.of(s3.uri("mid-rename/logs")), store.output(), "after-mid-rename",
        args("--set", OPT_IN, "--date", StoreRuns.OTHER_DAY));
    assertEquals(0, next.exitCode(), next.console());
    assertTrue(next.console().contains("recovered: rolled back the unfinished publish of run killed-mid-rename"), next.console());
    assertEquals(0, store.version(), "the old day in every table after the next run");
  }
}
