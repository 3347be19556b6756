package org.geotraffic.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the failsafe tests share: the paths failsafe passes in (shaded jar, Spark classpath file, JVM
 * flags), child-process launching with output captured to files, and reading results back.
 */
final class ItSupport {
  /** Strings of the sample logs' clients, user agents and query strings: none may reach any console. */
  static final List<String> CLIENT_MARKERS = List.of("192.0.2.", "198.51.100.", "203.0.113.", "2001:db8", "example.de", "example.ac.uk",
      "lib.ny.us", "Mozilla", "Googlebot", "s3cr3t", "email=", "someone");

  /** A child process that ran this long is hung: kill it so the build ends (a safety net, not an assertion on speed). */
  static final long HANG_MINUTES = 10;

  private ItSupport() {}

  static Path projectDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /** The Spark line this build is for ("3.5" or "4.1"), as scripts/spark-line's GEOTRAFFIC_SPARK names it. */
  static String sparkLine() {
    String line = System.getProperty("spark.line");
    assertNotNull(line, "system property spark.line (set by failsafe)");
    return line;
  }

  /** Where this build leaves its jar, Spark classpath and the launcher's class-data archives. */
  static Path buildDirectory() {
    String dir = System.getProperty("build.directory");
    assertNotNull(dir, "system property build.directory (set by failsafe)");
    return Path.of(dir);
  }

  static Path shadedJar() {
    String jar = System.getProperty("shaded.jar");
    assertNotNull(jar, "system property shaded.jar (set by failsafe)");
    assertTrue(Files.isRegularFile(Path.of(jar)), "shaded jar exists: " + jar);
    return Path.of(jar);
  }

  static String sparkClasspath() throws IOException {
    String file = System.getProperty("spark.classpath.file");
    assertNotNull(file, "system property spark.classpath.file (set by failsafe)");
    return Files.readString(Path.of(file)).trim();
  }

  static List<String> jvmFlags() {
    String flags = System.getProperty("spark.jvm.flags", "");
    return flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split("\\s+"));
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** What a finished child process left behind. */
  record Result(int exitCode, String stdout, String stderr) {
    String both() {
      return stdout + stderr;
    }
  }

  static Result run(List<String> command, Path workDir, Map<String, String> env, Path logDir) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    File out = logDir.resolve("stdout.txt").toFile();
    File err = logDir.resolve("stderr.txt").toFile();
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out).redirectError(err);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("child process hung; its output: " + logDir);
    }
    return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  static JsonNode summary(Path output, String runId) throws IOException {
    return new ObjectMapper().readTree(output.resolve("_runs").resolve(runId + ".json").toFile());
  }

  /** Per date of a table: {rows, sum(visitors), sum(hits)}, read from the Parquet files with DuckDB. */
  static Map<String, long[]> perDate(Path output, String table) throws SQLException {
    Map<String, long[]> result = new TreeMap<>();
    String glob = output.resolve(table).toString().replace("'", "''") + "/*/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(date AS VARCHAR), count(*), sum(visitors), sum(hits) FROM read_parquet('" + glob
            + "', hive_partitioning = true) GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        result.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
      }
    }
    return result;
  }

  static void assertNoClientData(String text, String where) {
    List<String> found = new ArrayList<>();
    for (String m : CLIENT_MARKERS) {
      if (text.contains(m)) {
        found.add(m);
      }
    }
    assertTrue(found.isEmpty(), where + " holds client data: " + found);
  }

  /** Lines of Spark's (or anyone's) INFO logging: the shipped log4j2.properties keeps them off the console. */
  static List<String> infoLines(String text) {
    return text.lines().filter(l -> l.matches(".*\\bINFO\\b.*")).toList();
  }
}
