package org.geotraffic.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher {@code scripts/geotraffic} as an operator sees it: a quiet console (one progress
 * line per stage, no Spark INFO chatter, no client data), per-stage timings in the run summary, and a
 * class-data archive that holds no client data.
 */
class LauncherIT {
  @Test
  void launcher_printsOneProgressLinePerStage_andNoSparkInfo(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    Path out = tmp.resolve("out");
    Path project = ItSupport.projectDir();

    ItSupport.Result r = ItSupport.run(List.of("bash", project.resolve("scripts/geotraffic").toString(), "run",
        "--input", project.resolve("sample-logs").toString(), "--output", out.toString(), "--geoip-db", db.toString(),
        "--date", "2026-11-24", "--run-id", "it-launcher"), project, Map.of("JAVA", ItSupport.javaBin(), "GEOTRAFFIC_HEAP", "1g",
        "GEOTRAFFIC_CDS", "on", "GEOTRAFFIC_SPARK", ItSupport.sparkLine()), tmp.resolve("logs"));

    assertEquals(0, r.exitCode(), () -> "launcher exit code; stderr:\n" + r.stderr());
    List<String> stages = new ArrayList<>();
    for (String line : r.stderr().lines().toList()) {
      for (String stage : List.of("enrich+aggregate", "suppress+audit", "write")) {
        if (line.startsWith("geotraffic: " + stage + ":")) {
          stages.add(stage);
        }
      }
    }
    assertEquals(List.of("enrich+aggregate", "suppress+audit", "write"), stages, "one progress line per stage, in order");
    List<String> foreign = r.stderr().lines().filter(l -> !l.startsWith("geotraffic: ")).toList();
    assertEquals(List.of(), foreign, "the console holds geotraffic's own lines only");
    assertEquals(List.of(), ItSupport.infoLines(r.both()));
    ItSupport.assertNoClientData(r.both(), "launcher console");

    JsonNode summary = ItSupport.summary(out, "it-launcher");
    assertEquals("succeeded", summary.path("status").asText());
    List<String> timed = new ArrayList<>();
    summary.path("stages_ms").fieldNames().forEachRemaining(timed::add);
    assertEquals(List.of("enrich_aggregate", "suppress_audit", "write"), timed, "stages_ms has every stage");
    summary.path("stages_ms").forEach(ms -> assertTrue(ms.asLong() >= 0));
    assertEquals(List.of("2026-11-24"), List.of(summary.path("dates").get(0).asText()));

    // The class-data archive the launcher made (or reused) by a training run on sample-logs/: class
    // metadata only, none of the training run's clients. Archives of an older jar are deleted when a new one is made.
    List<Path> archives = currentArchives();
    assertFalse(archives.isEmpty(), "the launcher made a class-data archive for this jar in " + ItSupport.buildDirectory() + "/cds/");
    for (Path archive : archives) {
      assertNoClientDataIn(archive);
    }
  }

  /** The class-data archives in the build's cds/ folder made since the jar was built. */
  private static List<Path> currentArchives() throws IOException {
    Path dir = ItSupport.buildDirectory().resolve("cds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    FileTime jar = Files.getLastModifiedTime(ItSupport.shadedJar());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("geotraffic-[0-9]+\\.jsa"))
          .filter(p -> {
            try {
              return Files.getLastModifiedTime(p).compareTo(jar) >= 0;
            } catch (IOException e) {
              return false;
            }
          })
          .toList();
    }
  }

  /** Reads the file in pieces (it is ~140 MB) that overlap by more than the longest marker. */
  private static void assertNoClientDataIn(Path file) throws IOException {
    byte[] buffer = new byte[8 << 20];
    int overlap = 64;
    int kept = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
        int end = kept + n;
        ItSupport.assertNoClientData(new String(buffer, 0, end, StandardCharsets.ISO_8859_1), "class-data archive " + file);
        kept = Math.min(overlap, end);
        System.arraycopy(buffer, end - kept, buffer, 0, kept);
      }
    }
  }

  /**
   * A copied install (cp -a: same files, same times, other paths) with its class-data archive: the archive
   * records the original paths, so the JVM warned "Unable to use shared archive" on every run and the launcher
   * never made a new one. The copy now makes its own archive once and then runs quietly with it.
   */
  @Test
  void copiedInstall_makesItsOwnArchive_andRunsWithoutWarnings(@TempDir Path tmp) throws Exception {
    Path project = ItSupport.projectDir();
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    Map<String, String> env = Map.of("JAVA", ItSupport.javaBin(), "GEOTRAFFIC_HEAP", "1g", "GEOTRAFFIC_CDS", "on",
        "GEOTRAFFIC_SPARK", ItSupport.sparkLine());
    // The original install has an archive (the launcher makes it on first use).
    ItSupport.Result original = ItSupport.run(List.of("bash", project.resolve("scripts/geotraffic").toString(), "run", "--input",
        project.resolve("sample-logs").toString(), "--output", tmp.resolve("out-original").toString(), "--geoip-db", db.toString(),
        "--run-id", "it-original"), project, env, tmp.resolve("logs-original"));
    assertEquals(0, original.exitCode(), original.stderr());
    List<Path> originalArchives = currentArchives();
    assertFalse(originalArchives.isEmpty());

    // cp -a: the same files with the same times, at another path; the build's folder with its archives too.
    Path copy = tmp.resolve("copy");
    Path build = project.relativize(ItSupport.buildDirectory());
    Files.createDirectories(copy.resolve(build));
    assertEquals(0, ItSupport.run(List.of("cp", "-a", project.resolve("scripts").toString(), project.resolve("conf").toString(),
        project.resolve("sample-logs").toString(), copy.toString()), project, Map.of(), tmp.resolve("logs-cp")).exitCode());
    List<String> cpBuild = new ArrayList<>(List.of("cp", "-a"));
    try (Stream<Path> files = Files.list(ItSupport.buildDirectory())) {
      files.filter(p -> p.getFileName().toString().matches("geotraffic-.*\\.jar|spark-.*\\.txt|cds"))
          .filter(p -> !p.getFileName().toString().startsWith("original-"))
          .forEach(p -> cpBuild.add(p.toString()));
    }
    cpBuild.add(copy.resolve(build).toString());
    assertEquals(0, ItSupport.run(cpBuild, project, Map.of(), tmp.resolve("logs-cp2")).exitCode());

    for (int run = 0; run < 2; run++) {
      ItSupport.Result r = ItSupport.run(List.of("bash", copy.resolve("scripts/geotraffic").toString(), "run", "--input",
          copy.resolve("sample-logs").toString(), "--output", tmp.resolve("out-" + run).toString(), "--geoip-db", db.toString(),
          "--run-id", "it-copy-" + run), copy, env, tmp.resolve("logs-" + run));
      assertEquals(0, r.exitCode(), r.stderr());
      assertFalse(r.both().contains("Unable to use shared archive"), "run " + run + " of the copy warned:\n" + r.stderr());
      assertFalse(r.both().contains("[warning]"), "run " + run + " of the copy warned:\n" + r.stderr());
      assertEquals(run == 0, r.stderr().contains("making the class-data archive"), "the copy makes its archive once:\n" + r.stderr());
    }
    try (Stream<Path> archives = Files.list(copy.resolve(build).resolve("cds"))) {
      assertTrue(archives.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa"))
          .anyMatch(n -> originalArchives.stream().noneMatch(o -> o.getFileName().toString().equals(n))), "the copy has an archive of its own");
    }
  }

  /** JDK 17 crashed at start-up with a JFR recording and the class-data archive: the launcher then runs without it. */
  @Test
  void launcher_withAFlightRecording_runs(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    Path project = ItSupport.projectDir();
    Path recording = tmp.resolve("run.jfr");
    ItSupport.Result r = ItSupport.run(List.of("bash", project.resolve("scripts/geotraffic").toString(), "run",
        "--input", project.resolve("sample-logs").toString(), "--output", tmp.resolve("out").toString(), "--geoip-db",
        db.toString(), "--run-id", "it-jfr"), project, Map.of("JAVA", ItSupport.javaBin(), "GEOTRAFFIC_HEAP", "1g",
        "GEOTRAFFIC_CDS", "on", "GEOTRAFFIC_SPARK", ItSupport.sparkLine(),
        "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + recording), tmp.resolve("logs"));

    assertEquals(0, r.exitCode(), () -> "launcher exit code; stderr:\n" + r.stderr());
    ItSupport.assertNoClientData(r.both(), "launcher console with a recording");
    assertEquals("succeeded", ItSupport.summary(tmp.resolve("out"), "it-jfr").path("status").asText());
    assertTrue(Files.size(recording) > 0, "the recording was written");
  }

  /**
   * The launcher's JIT choice (scripts/geotraffic, GEOTRAFFIC_JIT=auto): C1 only for small local inputs and for
   * commands without input, C2 as well for large or remote inputs and whenever the operator chose. A stand-in
   * java records the arguments it was given.
   */
  @Test
  void launcher_takesC1Only_forSmallLocalInputs(@TempDir Path tmp) throws Exception {
    Path fakeJava = tmp.resolve("java");
    Path argsFile = tmp.resolve("args.txt");
    Files.writeString(fakeJava, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + argsFile + "'\n");
    assertTrue(fakeJava.toFile().setExecutable(true));
    Path small = Files.writeString(tmp.resolve("small.log"), "x\n");
    Path large = tmp.resolve("large.log");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(600L * 1024 * 1024); // sparse: 600 MiB by its size, nothing on disk
    }
    Path largeGz = tmp.resolve("logs-gz");
    Files.createDirectories(largeGz);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(largeGz.resolve("a.log.gz").toFile(), "rw")) {
      f.setLength(100L * 1024 * 1024); // 100 MiB compressed counts as 800 MiB of lines
    }

    assertEquals(true, c1Only(tmp, fakeJava, argsFile, Map.of(), "run", "--input", small.toString(), "--output", "o"));
    assertEquals(true, c1Only(tmp, fakeJava, argsFile, Map.of(), "report", "--output", "o"));
    assertEquals(false, c1Only(tmp, fakeJava, argsFile, Map.of(), "run", "--input", small.toString(), large.toString(), "--output", "o"));
    assertEquals(false, c1Only(tmp, fakeJava, argsFile, Map.of(), "run", "--input", largeGz.toString(), "--output", "o"));
    assertEquals(false, c1Only(tmp, fakeJava, argsFile, Map.of(), "run", "--input", "hdfs://namenode/logs/", "--output", "o"));
    assertEquals(false, c1Only(tmp, fakeJava, argsFile, Map.of("GEOTRAFFIC_JIT", "tiered"), "run", "--input", small.toString(), "--output", "o"));
    assertEquals(true, c1Only(tmp, fakeJava, argsFile, Map.of("GEOTRAFFIC_JIT", "c1"), "run", "--input", large.toString(), "--output", "o"));
    assertEquals(false, c1Only(tmp, fakeJava, argsFile, Map.of("GEOTRAFFIC_JVM_TUNING", "-XX:+UseSerialGC"), "run", "--input",
        small.toString(), "--output", "o"));

    ItSupport.Result bad = launch(tmp, fakeJava, Map.of("GEOTRAFFIC_JIT", "fast"), "run", "--input", small.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.stderr().contains("GEOTRAFFIC_JIT must be auto, c1 or tiered, not 'fast'"), bad.stderr());
  }

  private static ItSupport.Result launch(Path tmp, Path fakeJava, Map<String, String> extraEnv, String... args) throws Exception {
    Path project = ItSupport.projectDir();
    List<String> command = new ArrayList<>(List.of("bash", project.resolve("scripts/geotraffic").toString()));
    command.addAll(List.of(args));
    Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA", fakeJava.toString(), "GEOTRAFFIC_CDS", "off",
        "GEOTRAFFIC_SPARK", ItSupport.sparkLine()));
    env.putAll(extraEnv);
    return ItSupport.run(command, tmp, env, tmp.resolve("logs"));
  }

  private static boolean c1Only(Path tmp, Path fakeJava, Path argsFile, Map<String, String> extraEnv, String... args) throws Exception {
    Files.deleteIfExists(argsFile);
    ItSupport.Result r = launch(tmp, fakeJava, extraEnv, args);
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> javaArgs = Files.readAllLines(argsFile);
    assertTrue(javaArgs.contains("org.geotraffic.cli.GeoTraffic"), javaArgs.toString());
    return javaArgs.contains("-XX:TieredStopAtLevel=1");
  }
}
