package org.geotraffic.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.geotraffic.config.ConfigKeys;
import org.geotraffic.config.Secrets;

/**
 * Whether an output's file system renames a folder atomically, which the publish relies on: it swaps each day's
 * folders in by rename ({@link Publication}). Decided by scheme, because Hadoop has no path capability that says
 * so (its {@code CommonPathCapabilities} name none, and s3a, gs and abfs all answer {@code rename} by copying and
 * deleting each object, one at a time). Plain Java and Hadoop only: it runs before Spark starts.
 */
public final class AtomicRename {
  /**
   * Schemes whose rename of a folder is one metadata operation: the local file system (the publish uses
   * {@code java.nio} moves there, {@link LocalFileMoves}), HDFS and HDFS over HTTP (the NameNode renames). viewfs is
   * judged by the file system its mount point resolves to.
   */
  static final Set<String> ATOMIC = Set.of("file", "hdfs", "webhdfs", "swebhdfs");

  private AtomicRename() {}

  /**
   * Why a run must not publish into {@code output}, or null: its file system does not rename folders atomically and
   * {@code allowed} (publish.allow-non-atomic-rename) is false. The message names the output without any credentials
   * a URI may carry, and the key that allows it.
   */
  public static String refusal(String output, Configuration conf, boolean allowed) throws IOException {
    String scheme = scheme(new Path(output), conf);
    if (allowed || ATOMIC.contains(scheme)) {
      return null;
    }
    return "Cannot publish into " + Secrets.withoutCredentials(output) + ": its file system (" + scheme + "://) is not known to rename a"
        + " folder atomically (s3a, gs and abfs without a hierarchical namespace copy each object and delete the originals), so a"
        + " reader could see a day missing or half replaced, and a run killed while it publishes could leave it so; write to HDFS or"
        + " a local disk, or set "
        + ConfigKeys.PUBLISH_ALLOW_NON_ATOMIC_RENAME + "=true to publish there anyway (docs/cluster.md, \"Object stores\")";
  }

  /** The scheme of the file system that holds {@code path}; for viewfs, that of the mount point it resolves to. */
  static String scheme(Path path, Configuration conf) throws IOException {
    String scheme = path.toUri().getScheme();
    if (scheme == null) {
      scheme = FileSystem.getDefaultUri(conf).getScheme();
    }
    scheme = scheme == null ? "file" : scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("viewfs")) {
      return scheme;
    }
    FileSystem fs = path.getFileSystem(conf);
    for (Path p = fs.makeQualified(path); p != null; p = p.getParent()) {
      try {
        return scheme(fs.resolvePath(p), conf);
      } catch (FileNotFoundException e) {
        // not there yet: the folder it will be created in decides
      }
    }
    return scheme;
  }
}
