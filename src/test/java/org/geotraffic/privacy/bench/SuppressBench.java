package org.geotraffic.privacy.bench;

import java.io.FileInputStream;
import java.io.ObjectInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.geotraffic.privacy.AuditReport;
import org.geotraffic.privacy.PublishedDay;
import org.geotraffic.privacy.PublishedRow;
import org.geotraffic.privacy.SuppressionAudit;
import org.geotraffic.privacy.SuppressionPolicy;
import org.geotraffic.privacy.Suppressor;
import org.geotraffic.privacy.Table;
import org.geotraffic.privacy.TableStats;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Dev main, not a test: suppresses and audits serialized days (from {@link DumpDays}) at several k,
 * printing CPU ms per day (this thread's CPU time, not wall time: the machine is shared) and a
 * SHA-256 of a canonical text of every PublishedDay and the audit's findings, so that an optimised
 * suppressor can be proven to give identical results.
 *
 * <p>Usage: SuppressBench &lt;days.ser&gt; [canon-dir|-] [k,k,...] [repeats] [cross-audit k,k,...]. With a canon dir the
 * canonical texts are written there too (published rows only, all at or above k; findings name keys).
 * With {@code -Dbench.reference} each day is also run through the frozen reference classes in the
 * same JVM: CPU ms of both (best of the repeats), their ratio, and a check that the results are equal.
 */
public final class SuppressBench {
  private SuppressBench() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    List<UnsuppressedDay> days;
    try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(args[0]))) {
      days = (List<UnsuppressedDay>) in.readObject();
    }
    Path canonDir = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
    List<Integer> ks = new ArrayList<>();
    for (String k : (args.length > 2 ? args[2] : "10,2,5,20,50").split(",")) {
      ks.add(Integer.parseInt(k));
    }
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    if (canonDir != null) {
      Files.createDirectories(canonDir);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    MessageDigest all = MessageDigest.getInstance("SHA-256");
    String name = Path.of(args[0]).getFileName().toString();
    for (int k : ks) {
      SuppressionPolicy policy = SuppressionPolicy.of(k);
      for (UnsuppressedDay day : days) {
        long bestSuppress = Long.MAX_VALUE;
        long bestAudit = Long.MAX_VALUE;
        String canon = null;
        for (int rep = 0; rep < repeats; rep++) {
          long t0 = mx.getCurrentThreadCpuTime();
          PublishedDay published = new Suppressor(policy).suppress(day);
          long t1 = mx.getCurrentThreadCpuTime();
          AuditReport report = SuppressionAudit.audit(day, published, policy);
          long t2 = mx.getCurrentThreadCpuTime();
          bestSuppress = Math.min(bestSuppress, t1 - t0);
          bestAudit = Math.min(bestAudit, t2 - t1);
          canon = canonical(published, report);
        }
        byte[] bytes = canon.getBytes(StandardCharsets.UTF_8);
        all.update(bytes);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        System.out.printf("%s k=%-3d %s cpu_ms suppress=%8.1f audit=%8.1f total=%8.1f sha256=%s%n", name, k, day.date(),
            bestSuppress / 1e6, bestAudit / 1e6, (bestSuppress + bestAudit) / 1e6, digest);
        if (canonDir != null) {
          Files.writeString(canonDir.resolve(name + "-k" + k + "-" + day.date() + ".txt"), canon);
        }
      }
    }
    // Cross-audit: rows published at k=2 audited against a larger k, so that the audit has findings
    // to report (row checks and the attack's disclosures). Only counts and digests are printed.
    if (args.length > 4) {
      for (UnsuppressedDay day : days) {
        PublishedDay weak = new Suppressor(SuppressionPolicy.of(2)).suppress(day);
        for (String k : args[4].split(",")) {
          SuppressionPolicy strict = SuppressionPolicy.of(Integer.parseInt(k));
          long t0 = mx.getCurrentThreadCpuTime();
          AuditReport report = SuppressionAudit.audit(day, weak, strict);
          long t1 = mx.getCurrentThreadCpuTime();
          byte[] bytes = canonical(weak, report).getBytes(StandardCharsets.UTF_8);
          all.update(bytes);
          System.out.printf("%s cross-audit k=2->%-3s %s cpu_ms audit=%8.1f findings=%d sha256=%s%n", name, k, day.date(),
              (t1 - t0) / 1e6, report.findings().size(),
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
      }
    }
    System.out.println(name + " all sha256=" + HexFormat.of().formatHex(all.digest()));
  }

  /** Every row in published order with its measures, every table's stats, every finding. */
  static String canonical(PublishedDay p, AuditReport report) {
    StringBuilder b = new StringBuilder();
    for (Table t : Table.values()) {
      b.append("table ").append(t.tableName()).append('\n');
      for (PublishedRow r : p.rows(t)) {
        b.append(r.date()).append('|').append(r.site()).append('|').append(r.country()).append('|')
            .append(r.region()).append('|').append(r.page()).append('|').append(r.measures()).append('\n');
      }
      TableStats s = p.stats().get(t);
      b.append("stats ").append(s).append('\n');
    }
    b.append("stats-tables ").append(p.stats().keySet()).append('\n');
    b.append("findings ").append(report.findings().size()).append('\n');
    for (String f : report.findings()) {
      b.append(f).append('\n');
    }
    return b.toString();
  }
}
