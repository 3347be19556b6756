package org.geotraffic.enrich.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.JobConfig;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.enrich.EnrichedEvent;
import org.geotraffic.enrich.LineEnricher;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.parse.PrintableAscii;

/**
 * CPU cost of {@link LineEnricher#enrich} per line, and a digest of its results, on a real log. Not a test
 * (no JUnit, needs a log and a database that a fresh clone does not have): run with
 *
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.geotraffic.enrich.bench.EnrichBench LOG DB [passes] [conf overrides...]
 * </pre>
 *
 * <p>Loads the default configuration (plus {@code key=value} overrides), opens the database as the executors do,
 * reads the log into memory and enriches every line in one thread, with a fresh {@link LineEnricher} per pass (one
 * Spark partition per pass) or per 250,000 lines (one 64 MB split). Three modes per round: 1M-line partitions,
 * 250k-line partitions, and 1M-line partitions whose strings are decoded from UTF-8 bytes inside the timed loop,
 * with the printable-ASCII check on the bytes, as the enrich stage does. Prints CPU ns/line (ThreadMXBean: the machine is shared, wall time lies)
 * and a SHA-256 over every field of every event of each mode; all digests must be equal.
 *
 * <p>Prints no line content: the log holds client addresses.
 */
public final class EnrichBench {
  private static final byte[] SECRET = new byte[32];

  static {
    for (int i = 0; i < SECRET.length; i++) {
      SECRET[i] = (byte) (i * 7 + 3);
    }
  }

  private EnrichBench() {}

  public static void main(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    File db = new File(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> overrides = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      overrides.add(args[i]);
    }
    JobConfig config = ConfigLoader.load(null, overrides);
    EnrichSettings settings = EnrichSettings.of(config, db.getName(), null, null, SECRET);
    GeoDatabase database = GeoDatabase.open(db, config.geoFields());
    System.out.println("db: " + database.info().kind() + " " + database.info().schema());

    List<String> lineList = Files.readAllLines(log, StandardCharsets.UTF_8);
    String[] lines = lineList.toArray(String[]::new);
    lineList = null;
    byte[][] bytes = new byte[lines.length][];
    for (int i = 0; i < lines.length; i++) {
      bytes[i] = lines[i].getBytes(StandardCharsets.UTF_8);
    }
    System.out.printf(Locale.ROOT, "%,d lines%n", lines.length);

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String d1 = digest(settings, database, lines, null, lines.length);
    String d250 = digest(settings, database, lines, null, 250_000);
    String dBytes = digest(settings, database, null, bytes, lines.length);
    System.out.println("digest 1M-partition   " + d1);
    System.out.println("digest 250k-partition " + d250);
    System.out.println("digest from bytes     " + dBytes);
    System.out.println(d1.equals(d250) && d1.equals(dBytes) ? "digests agree" : "DIGESTS DIFFER");

    for (int round = 0; round < rounds; round++) {
      String tag = round < 2 ? "warm-up" : "round " + (round - 1);
      report(tag, "1M ", timed(threads, settings, database, lines, null, lines.length), lines.length);
      report(tag, "250k", timed(threads, settings, database, lines, null, 250_000), lines.length);
      report(tag, "bytes", timed(threads, settings, database, null, bytes, lines.length), lines.length);
    }
    database.close();
  }

  private static void report(String tag, String mode, long cpuNanos, int lines) {
    System.out.printf(Locale.ROOT, "%-8s %-5s %7.1f ns/line CPU%n", tag, mode, (double) cpuNanos / lines);
  }

  private static long timed(ThreadMXBean threads, EnrichSettings s, GeoDatabase db, String[] lines, byte[][] bytes,
      int partition) {
    System.gc();
    int n = lines != null ? lines.length : bytes.length;
    long sink = 0;
    long t0 = threads.getCurrentThreadCpuTime();
    LineEnricher enricher = null;
    for (int i = 0; i < n; i++) {
      if (i % partition == 0) {
        enricher = new LineEnricher(s, db);
        enricher.startFile();
      }
      String line = lines != null ? lines[i] : new String(bytes[i], StandardCharsets.UTF_8);
      EnrichedEvent e = lines != null ? enricher.enrich(line) : enricher.enrich(line, PrintableAscii.of(bytes[i], bytes[i].length));
      sink += e.visitor + e.outcome.index();
    }
    long cpu = threads.getCurrentThreadCpuTime() - t0;
    if (sink == 42) {
      System.out.println("(sink)");
    }
    return cpu;
  }

  private static String digest(EnrichSettings s, GeoDatabase db, String[] lines, byte[][] bytes, int partition)
      throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    int n = lines != null ? lines.length : bytes.length;
    LineEnricher enricher = null;
    StringBuilder b = new StringBuilder(256);
    for (int i = 0; i < n; i++) {
      if (i % partition == 0) {
        enricher = new LineEnricher(s, db);
        enricher.startFile();
      }
      String line = lines != null ? lines[i] : new String(bytes[i], StandardCharsets.UTF_8);
      EnrichedEvent e = lines != null ? enricher.enrich(line) : enricher.enrich(line, PrintableAscii.of(bytes[i], bytes[i].length));
      b.setLength(0);
      b.append(e.outcome).append('\u0001').append(orNull(e.geoSource == null ? null : e.geoSource.key())).append('\u0001')
          .append(orNull(e.date)).append('\u0001').append(orNull(e.site)).append('\u0001')
          .append(orNull(e.country)).append('\u0001').append(orNull(e.region)).append('\u0001')
          .append(orNull(e.page)).append('\u0001').append(e.visitor).append('\u0001').append(e.bot).append('\u0001')
          .append(e.pageView).append('\u0001').append(e.bytes).append('\n');
      md.update(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Null as a byte no field can hold, so that null and "null" differ. */
  private static String orNull(String s) {
    return s == null ? "\u0000" : s;
  }
}
