package org.geotraffic.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Which outputs the publish refuses without the opt-in, decided before Spark starts and without touching the store. */
class AtomicRenameTest {
  private final Configuration conf = new Configuration();

  @Test
  void localDisksAndHdfs_needNoOptIn() throws IOException {
    assertNull(AtomicRename.refusal("/var/stats/geotraffic", conf, false));
    assertNull(AtomicRename.refusal("out/sample", conf, false));
    assertNull(AtomicRename.refusal("file:///var/stats", conf, false));
    assertNull(AtomicRename.refusal("hdfs://namenode:8020/stats/geotraffic", conf, false));
    assertNull(AtomicRename.refusal("webhdfs://namenode:9870/stats", conf, false));
  }

  @Test
  void objectStores_areRefusedWithoutTheOptIn_namingTheKeyAndTheOutput() throws IOException {
    for (String out : new String[] {"s3a://bucket/stats", "gs://bucket/stats", "abfss://c@account.dfs.core.windows.net/stats", "s3://b/x",
        "oss://b/x"}) {
      String refusal = AtomicRename.refusal(out, conf, false);
      String scheme = out.substring(0, out.indexOf(':'));
      assertTrue(refusal != null && refusal.startsWith("Cannot publish into ") && refusal.contains(": its file system (" + scheme + "://)"),
          out + ": " + refusal);
      assertTrue(refusal.contains("publish.allow-non-atomic-rename=true"), refusal);
      assertNull(AtomicRename.refusal(out, conf, true), out + " with the opt-in");
    }
  }

  @Test
  void aPathWithoutScheme_isJudgedByTheDefaultFileSystem() throws IOException {
    Configuration onS3 = new Configuration();
    onS3.set("fs.defaultFS", "s3a://bucket");
    assertTrue(AtomicRename.refusal("/stats", onS3, false).contains("(s3a://)"));
    Configuration onHdfs = new Configuration();
    onHdfs.set("fs.defaultFS", "hdfs://namenode:8020");
    assertNull(AtomicRename.refusal("/stats", onHdfs, false));
    assertEquals("hdfs", AtomicRename.scheme(new org.apache.hadoop.fs.Path("/stats"), onHdfs));
  }

  @Test
  void credentialsInTheUri_neverAppearInTheRefusal() throws IOException {
    String refusal = AtomicRename.refusal("s3a://AKIAEXAMPLE:s3cr3tEXAMPLE@bucket/stats", conf, false);
    assertFalse(refusal.contains("AKIAEXAMPLE") || refusal.contains("s3cr3tEXAMPLE"), refusal);
    assertTrue(refusal.startsWith("Cannot publish into s3a://*********(redacted)@bucket/stats"), refusal);
  }
}
