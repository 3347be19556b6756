package org.geotraffic.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.geotraffic.cli.GeoTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** output.format, output.catalog, output.namespace, and the Iceberg runtime check before Spark starts. */
class IcebergConfigTest {
  /** A loader that sees no Iceberg class: the classpath of a cluster without --packages. */
  static final ClassLoader WITHOUT_ICEBERG = new ClassLoader(IcebergConfigTest.class.getClassLoader()) {
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.apache.iceberg.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  };

  @Test
  void defaults_areParquetFolders() throws ConfigException {
    OutputTarget t = ConfigLoader.load(null, List.of()).output();
    assertEquals(new OutputTarget(OutputFormat.PARQUET, "", "geotraffic"), t);
  }

  @Test
  void iceberg_withTheRuntime_isAccepted() throws ConfigException {
    OutputTarget t = ConfigLoader.load(null, List.of("output.format=iceberg", "output.catalog=lake", "output.namespace=web")).output();
    assertEquals(new OutputTarget(OutputFormat.ICEBERG, "lake", "web"), t);
  }

  @Test
  void iceberg_withoutTheRuntime_isRejectedNamingTheKeyAndThePackage() {
    ConfigLoader.RUNTIME_LOADER.set(WITHOUT_ICEBERG);
    try {
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("output.format=iceberg")));
      assertTrue(e.getMessage().contains("output.format=iceberg needs the Iceberg Spark runtime on the classpath, got none (--set)"), e.getMessage());
      assertTrue(e.getMessage().contains("--packages org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.12.0"), e.getMessage());
    } finally {
      ConfigLoader.RUNTIME_LOADER.remove();
    }
  }

  @Test
  void iceberg_withoutTheRuntime_exits2BeforeSparkStarts(@TempDir Path out) {
    ConfigLoader.RUNTIME_LOADER.set(WITHOUT_ICEBERG);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try (PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      code = GeoTraffic.run(new String[] {"run", "--input", "sample-logs", "--output", out.toString(), "--geoip-db", "no-such.mmdb",
          "--set", "output.format=iceberg"}, console);
    } finally {
      ConfigLoader.RUNTIME_LOADER.remove();
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCode.USAGE_OR_CONFIG.code(), code, text);
    assertTrue(text.contains("output.format=iceberg needs the Iceberg Spark runtime"), text);
    assertTrue(out.toFile().list() == null || out.toFile().list().length == 0, "nothing written");
  }

  @Test
  void badValues_areReportedAtOnce() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, List.of("output.format=delta", "output.namespace=a.b", "output.catalog=my-cat")));
    assertTrue(e.getMessage().contains("output.format must be one of parquet, iceberg, got 'delta' (--set)"), e.getMessage());
    assertTrue(e.getMessage().contains("output.namespace must be a namespace name (letters, digits, _), got 'a.b' (--set)"), e.getMessage());
    assertTrue(e.getMessage().contains("output.catalog must be a Spark catalog name (letters, digits, _), got 'my-cat' (--set)"), e.getMessage());
  }

  @Test
  void outputFormat_parsesItsKeysOnly() {
    assertEquals(OutputFormat.ICEBERG, OutputFormat.of(" Iceberg "));
    assertNull(OutputFormat.of("delta"));
  }
}
