package org.geotraffic.privacyproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy canary: runs the real job in its own JVM on logs full of unique marker values, with every
 * place Spark could write data to made visible — event log on and uncompressed, shuffle/spill/broadcast
 * compression off, spills forced, spark.local.dir inside the test folder and captured before Spark
 * deletes it ({@link LocalDirCapture}), geotraffic logging at DEBUG into a file — and then searches every
 * byte the run produced for every marker and for the run's visitor-hash secret. Zero hits allowed.
 *
 * <p>Positive controls make a zero meaningful: the same search finds the markers in the input (plain and
 * gzip), finds a marker planted in each searched folder, and finds published values in the captured
 * shuffle files and raw Parquet files (so those bytes are plain and really searched).
 *
 * <p>The canary JVM is a plain {@code java} process on the test classpath, so the test owns its log4j
 * configuration, temp dir, local dirs and console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryRunTest {
  private static final int LINES_PER_FILE = 3_000;
  private static final String RUN_ID = "canary-run";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path tmp;
  private CanaryLogs.Written logs;
  /** Local-disk encryption turned off by the operator: every shuffle, spill and block file is plain. */
  private Launched plain;
  /** geotraffic's defaults (local-disk encryption on), same pressure. */
  private Launched defaults;

  /** One finished canary run: its searched folder, captured local files, secret and console. */
  record Launched(Path run, Path capture, String secretHex, List<String> secretForms, byte[] secret, String stderr) {}

  @BeforeAll
  void runCanaryJobs(@TempDir Path tempDir) throws Exception {
    tmp = tempDir;
    Path setup = Files.createDirectories(tmp.resolve("setup"));
    Path db = setup.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    logs = CanaryLogs.write(tmp.resolve("input"), 20261125L, LINES_PER_FILE);
    plain = launch("plain", db, Map.of("spark.io.encryption.enabled", "false"));
    defaults = launch("defaults", db, Map.of());
    keepForInspection();
  }

  private Launched launch(String name, Path db, Map<String, String> extra) throws Exception {
    Path run = Files.createDirectories(tmp.resolve("run-" + name));
    Path out = run.resolve("out");
    Path eventLog = Files.createDirectories(run.resolve("eventlog"));
    Path local = Files.createDirectories(run.resolve("local"));
    Path capture = run.resolve("capture");
    Path jvmTmp = Files.createDirectories(run.resolve("jvmtmp"));
    Path console = Files.createDirectories(run.resolve("console"));
    Path logDir = Files.createDirectories(run.resolve("logs"));
    // Outside every searched folder: the recorded secret itself.
    Path secrets = tmp.resolve("setup").resolve("secret-" + name + ".txt");

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx768m");
    cmd.addAll(sparkJvmFlags());
    cmd.add("-Djava.io.tmpdir=" + jvmTmp);
    cmd.add("-Dlog4j2.configurationFile=" + resource("privacyproof/log4j2-canary.properties"));
    cmd.add("-Dcanary.logFile=" + logDir.resolve("canary.log"));
    cmd.add("-D" + RecordingRandomProvider.FILE_PROPERTY + "=" + secrets);
    cmd.add("-D" + LocalDirCapture.LOCAL_DIR_PROPERTY + "=" + local);
    cmd.add("-D" + LocalDirCapture.CAPTURE_DIR_PROPERTY + "=" + capture);
    cmd.add("-Dspark.driver.host=127.0.0.1");
    cmd.add("-cp");
    cmd.add(testClassPath());
    cmd.add(CanaryJobMain.class.getName());
    cmd.addAll(List.of("run", "--input", tmp.resolve("input").toString(), "--output", out.toString(), "--geoip-db", db.toString(),
        "--run-id", RUN_ID));
    Map<String, String> sets = new TreeMap<>();
    sets.put("input.format", CanaryLogs.FORMAT);
    sets.put("proxies.trusted", CanaryLogs.TRUSTED_PROXIES);
    sets.put("suppression.min-visitors", "2");
    // Uncompressed Parquet: the raw-byte search sees the values, not only the decoded read below.
    sets.put("output.compression", "none");
    sets.put("spark.master", "local[2]");
    sets.put("spark.ui.enabled", "false");
    sets.put("spark.driver.bindAddress", "127.0.0.1");
    sets.put("spark.sql.shuffle.partitions", "4");
    sets.put("spark.local.dir", local.toString());
    sets.put("spark.eventLog.enabled", "true");
    sets.put("spark.eventLog.dir", eventLog.toUri().toString());
    sets.put("spark.eventLog.compress", "false");
    sets.put("spark.shuffle.compress", "false");
    sets.put("spark.shuffle.spill.compress", "false");
    sets.put("spark.broadcast.compress", "false");
    sets.put("spark.rdd.compress", "false");
    // Force the sort-based (spilling) shuffle writer.
    sets.put("spark.shuffle.sort.bypassMergeThreshold", "0");
    // About 0.5 MB of execution + storage memory, none of it reserved for storage: while the enrich stage's
    // shuffle writer takes execution memory it evicts cached and broadcast blocks (the task binary) to
    // disk, and once the pool is full the shuffle's sorters spill. Without storageFraction=0 the eviction
    // depended on timing: 1 of 4 clean-clone runs kept the task binary in memory and the positive control
    // below failed.
    sets.put("spark.memory.fraction", "0.001");
    sets.put("spark.memory.storageFraction", "0");
    sets.put("spark.buffer.pageSize", "64k");
    // The job's shuffles are RDD shuffles of byte-array records: their sorters hold Java objects and ask for
    // execution memory only once they estimate more than this (Spark's default, 5 MB, is more than the whole
    // pool above: they would never ask, so nothing would be evicted, and never spill). 8 KB: they
    // ask early, take the pool from the cached and broadcast blocks, and spill when it is full. Not forced
    // spills every few hundred records: a sort that never grows never takes memory from the task binary.
    sets.put("spark.shuffle.spill.initialMemoryThreshold", "8k");
    sets.put("spark.extraListeners", LocalDirCapture.Listener.class.getName());
    sets.putAll(extra);
    sets.forEach((k, v) -> {
      cmd.add("--set");
      cmd.add(k + "=" + v);
    });

    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(console.resolve("stdout.txt").toFile())
        .redirectError(console.resolve("stderr.txt").toFile());
    // Spark prefers these over spark.local.dir; the canary must use its own folder.
    for (String v : List.of("SPARK_LOCAL_DIRS", "SPARK_EXECUTOR_DIRS", "LOCAL_DIRS", "CONTAINER_ID", "MESOS_DIRECTORY", "SPARK_CONF_DIR")) {
      pb.environment().remove(v);
    }
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String stderr = Files.readString(console.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertTrue(done, name + ": canary job did not finish in 5 minutes");
    assertEquals(0, p.exitValue(), () -> name + ": canary job failed; stderr tail:\n" + tail(stderr, 4000));

    List<String> recorded = Files.readAllLines(secrets);
    assertEquals(1, recorded.size(), name + ": the run draws exactly one visitor-hash secret: " + recorded.size());
    byte[] secret = HexFormat.of().parseHex(recorded.get(0));
    assertEquals(VisitorHasher.SECRET_BYTES, secret.length);
    List<String> forms = List.of(recorded.get(0), Base64.getEncoder().encodeToString(secret),
        Base64.getEncoder().withoutPadding().encodeToString(secret), Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        Arrays.toString(secret));
    return new Launched(run, capture, recorded.get(0), forms, secret, stderr);
  }

  /** Searches for the canary values (text and IPv6 bytes), and for the run's secret when asked. */
  private MarkerSearch canaries(Launched l, boolean withSecret) {
    Set<String> text = new LinkedHashSet<>(logs.textMarkers());
    Set<String> binary = new LinkedHashSet<>(logs.ipv6Binary());
    if (withSecret) {
      text.addAll(l.secretForms());
      binary.add(new String(l.secret(), StandardCharsets.ISO_8859_1));
    }
    return new MarkerSearch(text, binary);
  }

  private MarkerSearch secretOnly(Launched l) {
    return new MarkerSearch(l.secretForms(), List.of(new String(l.secret(), StandardCharsets.ISO_8859_1)));
  }

  @Test
  void plainRun_everyFileTheRunWrote_holdsNoCanaryValue() throws IOException {
    MarkerSearch.Result r = canaries(plain, false).searchTree(plain.run());
    System.out.printf("canary[plain]: searched %,d files, %,d bytes for %,d text + %,d IPv6 byte markers: %d hits%n", r.files(),
        r.bytes(), logs.textMarkers().size(), logs.ipv6Binary().size(), r.hits().size());
    assertTrue(r.files() > 20, "too few files searched: " + r.files());
    assertEquals(List.of(), firstHits(r.hits()), "canary values found in what the run wrote");
  }

  @Test
  void plainRun_secret_reachesDiskOnlyInsideSparkBroadcastBlocks() throws IOException {
    List<MarkerSearch.Hit> hits = secretOnly(plain).searchTree(plain.run()).hits();
    List<MarkerSearch.Hit> outsideBroadcasts = hits.stream()
        .filter(h -> !Path.of(h.where()).getFileName().toString().matches("\\d+_blockmgr-.*_broadcast_\\d+(_piece\\d+)?")).toList();
    System.out.printf("canary[plain]: secret found %d times, all in Spark broadcast blocks (task binaries) evicted to disk%n", hits.size());
    assertEquals(List.of(), firstHits(outsideBroadcasts), "the visitor-hash secret was written outside Spark's task binaries");
    // This is why geotraffic turns spark.io.encryption.enabled on: the secret travels inside the task
    // binary, and Spark spills broadcast blocks to its local dirs under memory pressure.
    assertFalse(hits.isEmpty(), "control: with local-disk encryption off and memory tight, the task binary did not reach disk");
  }

  @Test
  void defaultsRun_everyFileTheRunWrote_holdsNoCanaryAndNoSecret() throws IOException {
    MarkerSearch.Result r = canaries(defaults, true).searchTree(defaults.run());
    long broadcastsOnDisk = capturedNames(defaults).stream().filter(n -> n.contains("_broadcast_")).count();
    System.out.printf("canary[defaults]: searched %,d files, %,d bytes (%d broadcast blocks on disk) for canaries and the secret:"
        + " %d hits%n", r.files(), r.bytes(), broadcastsOnDisk, r.hits().size());
    assertTrue(broadcastsOnDisk > 0, "control: no broadcast block reached the local dir, the secret was never at risk");
    assertEquals(List.of(), firstHits(r.hits()), "canary values or the secret found in what the run wrote");
  }

  @Test
  void secret_neverInEventLogConsoleLogsOrOutput_inEitherRun() throws IOException {
    for (Launched l : List.of(plain, defaults)) {
      for (String dir : List.of("out", "eventlog", "console", "logs", "jvmtmp")) {
        assertEquals(List.of(), firstHits(secretOnly(l).searchTree(l.run().resolve(dir)).hits()), l.run() + "/" + dir);
      }
    }
  }

  @Test
  void singleVisitorPages_areShuffledButNeverPublishedOrPrinted() throws IOException {
    MarkerSearch solo = new MarkerSearch(logs.soloMarkers(), List.of());
    List<MarkerSearch.Hit> hits = new ArrayList<>();
    for (String dir : List.of("out", "eventlog", "console", "logs")) {
      hits.addAll(solo.searchTree(plain.run().resolve(dir)).hits());
    }
    assertEquals(List.of(), firstHits(hits), "a page requested by one visitor was published or printed (k=2)");
    // Control: they did reach the shuffle, so suppression (not the parser) kept them out.
    assertFalse(solo.searchTree(plain.capture()).hits().isEmpty(), "single-visitor pages not seen in the shuffle files");
  }

  @Test
  void publishedParquet_decoded_holdsNoCanary() {
    for (Launched l : List.of(plain, defaults)) {
      long rows = 0;
      List<MarkerSearch.Hit> hits = new ArrayList<>();
      MarkerSearch all = new MarkerSearch(union(logs.textMarkers(), logs.soloMarkers(), Set.copyOf(l.secretForms())), List.of());
      for (Table t : Table.values()) {
        Path dir = l.run().resolve("out").resolve(t.tableName());
        if (!Files.isDirectory(dir)) {
          continue;
        }
        for (Row row : SparkTestSession.get().read().parquet(dir.toString()).collectAsList()) {
          rows++;
          for (int i = 0; i < row.size(); i++) {
            String v = String.valueOf(row.get(i));
            hits.addAll(all.search(t.tableName() + "[" + row.schema().fieldNames()[i] + "]", v));
            assertFalse(v.contains("?"), "published value with a query string: " + v);
          }
        }
      }
      System.out.printf("canary: decoded %,d published rows of %s%n", rows, l.run().getFileName());
      assertTrue(rows > 20, "too few published rows to mean anything: " + rows);
      assertEquals(List.of(), firstHits(hits));
    }
  }

  @Test
  void shuffleSpillAndBlockEviction_reallyHappened_inTheTestsLocalDir() throws IOException {
    for (Launched l : List.of(plain, defaults)) {
      long[] m = taskMetrics(l);
      List<String> captured = capturedNames(l);
      long shuffleData = captured.stream().filter(n -> n.matches(".*shuffle_\\d+_\\d+_\\d+\\.data.*")).count();
      long spillFiles = captured.stream().filter(n -> n.contains("temp_shuffle_") || n.contains("temp_local_")).count();
      long blocks = captured.stream().filter(n -> n.matches(".*_(rdd|broadcast)_\\d+.*")).count();
      System.out.printf("canary[%s]: shuffle bytes written %,d, memory spilled %,d, disk spilled %,d; captured %,d local files"
          + " (%d shuffle data, %d temp/spill, %d rdd/broadcast blocks)%n", l.run().getFileName(), m[0], m[1], m[2], captured.size(),
          shuffleData, spillFiles, blocks);
      assertTrue(m[0] > 0, "no shuffle bytes written");
      assertTrue(m[2] > 0, "no spill to disk (Disk Bytes Spilled = 0)");
      assertTrue(captured.stream().allMatch(n -> n.matches("\\d+_(blockmgr-|spark-).*")),
          "something under spark.local.dir not made by Spark's block manager: " + captured);
      assertTrue(shuffleData > 0, "no shuffle data file captured");
      assertTrue(spillFiles > 0, "no spill/temp file captured");
      assertTrue(blocks > 0, "no RDD or broadcast block evicted to disk");
    }
  }

  @Test
  void search_findsEveryLiteralMarkerInTheInput_plainAndGzip() throws IOException {
    MarkerSearch literal = new MarkerSearch(logs.literalMarkers(), List.of());
    MarkerSearch.Result r = literal.searchTree(tmp.resolve("input"));
    Set<String> found = r.hits().stream().map(MarkerSearch.Hit::marker).collect(Collectors.toSet());
    Set<String> expected = logs.literalMarkers().stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    Set<String> missing = new java.util.TreeSet<>(expected);
    missing.removeAll(found);
    assertEquals(Set.of(), missing, "markers written to the input but not found there");
    assertTrue(r.hits().stream().anyMatch(h -> h.where().endsWith(".gz!decompressed")), "gzip input not searched decompressed");
    System.out.printf("canary: positive control found all %,d literal markers in the input (%,d hits)%n", found.size(), r.hits().size());
  }

  @Test
  void search_findsAPlantedMarker_inEverySearchedFolder() throws IOException {
    String ipv6 = logs.ipv6Binary().iterator().next();
    for (Launched l : List.of(plain, defaults)) {
      MarkerSearch search = canaries(l, true);
      for (String dir : List.of("out", "eventlog", "capture", "local", "console", "logs", "jvmtmp")) {
        Path folder = Files.createDirectories(l.run().resolve(dir));
        Path scratch = folder.resolve("zz-planted-canary.bin");
        byte[] content = ("x" + CanaryLogs.TOKEN.toUpperCase(java.util.Locale.ROOT) + "x " + l.secretForms().get(1) + " ")
            .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(scratch, concat(content, ipv6.getBytes(StandardCharsets.ISO_8859_1)));
        try {
          List<MarkerSearch.Hit> hits = search.searchTree(folder).hits().stream()
              .filter(h -> h.where().equals(scratch.toString())).toList();
          Set<String> kinds = hits.stream().map(MarkerSearch.Hit::marker).collect(Collectors.toSet());
          assertTrue(kinds.contains(CanaryLogs.TOKEN), dir + ": planted token not found");
          assertTrue(kinds.contains(l.secretForms().get(1).toLowerCase(java.util.Locale.ROOT)), dir + ": planted secret not found");
          assertTrue(hits.size() >= 3, dir + ": planted IPv6 bytes not found: " + hits);
        } finally {
          Files.delete(scratch);
        }
      }
    }
  }

  @Test
  void search_seesPlainBytes_inPlainRunsShuffleFilesAndParquet() throws IOException {
    MarkerSearch published = new MarkerSearch(List.of("/products/widget"), List.of());
    assertFalse(published.searchTree(plain.capture()).hits().isEmpty(), "a shuffled page not visible in the captured shuffle files");
    List<MarkerSearch.Hit> inParquet = published.searchTree(plain.run().resolve("out")).hits().stream()
        .filter(h -> h.where().endsWith(".parquet")).toList();
    assertFalse(inParquet.isEmpty(), "a published page not visible in the raw Parquet bytes");
  }

  @Test
  void runSummary_accountsForEveryCanaryLine() throws IOException {
    for (Launched l : List.of(plain, defaults)) {
      JsonNode s = JSON.readTree(l.run().resolve("out/_runs/" + RUN_ID + ".json").toFile());
      assertEquals("succeeded", s.path("status").asText(), s::toString);
      assertEquals(logs.lines(), s.path("lines").path("read").asLong());
      assertTrue(s.path("lines").path("balanced").asBoolean());
      assertTrue(s.path("lines").path("rejected_total").asLong() > 0, "the malformed canary lines were not rejected");
      assertTrue(l.stderr().contains("geotraffic: done in"), () -> tail(l.stderr(), 2000));
    }
  }

  private static List<String> capturedNames(Launched l) throws IOException {
    try (Stream<Path> s = Files.list(l.capture())) {
      return s.map(f -> f.getFileName().toString()).toList();
    }
  }

  /** With -Dcanary.keep=DIR, copies the run folder there (for a person to look at; off in CI). */
  private void keepForInspection() throws IOException {
    String keep = System.getProperty("canary.keep");
    if (keep == null || keep.isBlank()) {
      return;
    }
    Path target = Path.of(keep);
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.toList()) {
        Path to = target.resolve(tmp.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * Shuffle bytes written, memory bytes spilled, disk bytes spilled, over all tasks, from the event log: one file
   * (Spark 3.5), or one folder {@code eventlog_v2_<app>} of rolled {@code events_<n>_<app>} files (Spark 4 rolls
   * event logs by default).
   */
  private static long[] taskMetrics(Launched l) throws IOException {
    long[] m = new long[3];
    List<Path> logs;
    try (Stream<Path> s = Files.list(l.run().resolve("eventlog"))) {
      logs = s.toList();
    }
    assertEquals(1, logs.size(), "one application's event log expected: " + logs);
    List<Path> files;
    if (Files.isDirectory(logs.get(0))) {
      try (Stream<Path> s = Files.list(logs.get(0))) {
        files = s.filter(p -> p.getFileName().toString().startsWith("events_"))
            .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().split("_")[1]))).toList();
      }
      assertFalse(files.isEmpty(), "no events_ file in " + logs.get(0));
    } else {
      files = logs;
    }
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
    }
    for (String line : lines) {
      if (!line.contains("\"SparkListenerTaskEnd\"")) {
        continue;
      }
      JsonNode tm = JSON.readTree(line).path("Task Metrics");
      m[0] += tm.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong();
      m[1] += tm.path("Memory Bytes Spilled").asLong();
      m[2] += tm.path("Disk Bytes Spilled").asLong();
    }
    return m;
  }

  private static List<String> firstHits(List<MarkerSearch.Hit> hits) {
    return hits.stream().limit(20).map(MarkerSearch.Hit::toString).toList();
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> u = new LinkedHashSet<>();
    for (Set<String> s : sets) {
      u.addAll(s);
    }
    return u;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String tail(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  private static String resource(String name) {
    java.net.URL url = CanaryRunTest.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("Cannot find test resource " + name);
    }
    return url.toString();
  }

  /** The test classpath: surefire's (it may run the tests from a manifest-only jar) or this JVM's. */
  private static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** The add-opens flags this JVM was started with (surefire's argLine); Spark on Java 17 needs them. */
  private static List<String> sparkJvmFlags() {
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect"))
        .toList();
    if (flags.stream().noneMatch(f -> f.contains("sun.nio.ch"))) {
      throw new IllegalStateException("Cannot start the canary JVM: this JVM lacks Spark's --add-opens flags (run through Maven)");
    }
    return flags;
  }

}
