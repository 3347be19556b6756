package org.geotraffic.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * An S3-compatible server on loopback for the tests that start and stop it: Adobe's S3Mock, whose standalone jar
 * (a test dependency, Java 17) runs as its own JVM on a free port with one bucket, its objects in a temporary
 * folder. Nothing of it outlives {@link #close}. {@link #s3aSettings} are the s3a settings to reach it: path-style
 * requests, plain HTTP, and made-up keys that no output may ever show.
 */
public final class S3Server implements AutoCloseable {
  /** Made-up credentials: S3Mock accepts any; a test asserts that neither ever appears in an output or on the console. */
  public static final String ACCESS_KEY = "AKIAGEOTRAFFICTEST01";
  public static final String SECRET_KEY = "geotraffic/NotARealSecret+x9QpZ";

  private final Process process;
  private final Path root;
  private final Path log;
  private final int port;
  private final String bucket;
  private final long startMillis;

  private S3Server(Process process, Path root, Path log, int port, String bucket, long startMillis) {
    this.process = process;
    this.root = root;
    this.log = log;
    this.port = port;
    this.bucket = bucket;
    this.startMillis = startMillis;
  }

  /** Starts S3Mock with {@code bucket} and waits (up to two minutes) until it answers. */
  public static S3Server start(String bucket) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Path root = Files.createTempDirectory("geotraffic-s3mock");
    Path log = root.resolveSibling(root.getFileName() + ".log");
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar(),
        "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
        "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
        "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
        "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3Server server = new S3Server(p, root, log, port, bucket, 0);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!server.answers()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        String out = Files.exists(log) ? Files.readString(log) : "";
        server.close();
        throw new IOException("Cannot start S3Mock on port " + port + ": " + (p.isAlive() ? "no answer within 2 minutes" : "it exited")
            + "\n" + out.substring(Math.max(0, out.length() - 4000)));
      }
      Thread.sleep(200);
    }
    return new S3Server(p, root, log, port, bucket, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /** How long the server took to answer, for the tests' reports. */
  public long startMillis() {
    return startMillis;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code s3a://<bucket>/<path>}. */
  public String uri(String path) {
    return "s3a://" + bucket + "/" + path;
  }

  /** The s3a settings the tests use, without the {@code spark.hadoop.} prefix (docs/cluster.md lists them). */
  public Map<String, String> s3aSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("fs.s3a.endpoint", endpoint());
    s.put("fs.s3a.endpoint.region", "us-east-1");
    s.put("fs.s3a.path.style.access", "true");
    s.put("fs.s3a.connection.ssl.enabled", "false");
    s.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    s.put("fs.s3a.access.key", ACCESS_KEY);
    s.put("fs.s3a.secret.key", SECRET_KEY);
    // Fail fast against a local server instead of retrying for minutes.
    s.put("fs.s3a.attempts.maximum", "2");
    s.put("fs.s3a.retry.limit", "2");
    s.put("fs.s3a.connection.establish.timeout", "5000");
    s.put("fs.s3a.connection.timeout", "20000");
    return s;
  }

  /** A Hadoop configuration that reaches the server. */
  public Configuration hadoopConf() {
    Configuration c = new Configuration();
    s3aSettings().forEach(c::set);
    return c;
  }

  /** {@code --set spark.hadoop.<key>=<value>} for each s3a setting, for a job run. */
  public List<String> setArgs() {
    List<String> args = new ArrayList<>();
    s3aSettings().forEach((k, v) -> {
      args.add("--set");
      args.add("spark.hadoop." + k + "=" + v);
    });
    return args;
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteTree(root);
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // only a log
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** S3Mock's standalone jar, from the test classpath (the pom's s3mock dependency, classifier exec). */
  static String jar() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (new File(entry).getName().matches("s3mock-.*-exec\\.jar")) {
        return entry;
      }
    }
    throw new IllegalStateException("Cannot start S3Mock: no s3mock-*-exec.jar on the test classpath (pom.xml, test dependency s3mock)");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
