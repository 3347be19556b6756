package org.geotraffic.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.geotraffic.privacy.Table;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a run: every Spark job named after its stage (the Spark UI reads like the
 * pipeline), one console line per stage, and per-stage timings in the run summary.
 */
class ObservabilityTest {
  private static final String JOB_DESCRIPTION = "spark.job.description";

  /** Records the description of every job started while registered. */
  static final class JobDescriptions extends SparkListener {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      seen.add(String.valueOf(start.properties().getProperty(JOB_DESCRIPTION)));
    }
  }

  @Test
  void everyJobOfARun_hasItsStagesDescription_andTheConsoleOneLinePerStage(@TempDir Path tmp) throws Exception {
    RotatedLogs logs = RotatedLogs.write(tmp.resolve("logs"), List.of(LocalDate.parse("2026-03-10")), 12);
    SparkContext sc = SparkTestSession.get().sparkContext();
    JobDescriptions listener = new JobDescriptions();
    sc.addSparkListener(listener);
    OpsRuns.Outcome o;
    try {
      o = OpsRuns.run(logs.files, tmp.resolve("out"), "observed", "--date", "2026-03-10");
      sc.listenerBus().waitUntilEmpty();
    } finally {
      sc.removeSparkListener(listener);
    }

    assertEquals(0, o.exitCode(), o.console());
    TreeSet<String> descriptions = new TreeSet<>(listener.seen);
    TreeSet<String> expected = new TreeSet<>(List.of("parse, locate, anonymise, shuffle by visitor, aggregate and assemble days",
        "suppress and audit"));
    for (Table t : Table.values()) {
      expected.add("write " + t.tableName());
    }
    assertEquals(expected, descriptions, "every job carries its stage's description (no 'null')");
    assertNull(sc.getLocalProperty(JOB_DESCRIPTION), "the caller's thread gets its job description back clear");

    List<String> stages = new ArrayList<>();
    o.console().lines().filter(l -> l.matches("geotraffic: (enrich\\+aggregate|suppress\\+audit|write): .*"))
        .forEach(l -> stages.add(l.substring("geotraffic: ".length(), l.indexOf(':', "geotraffic: ".length()))));
    assertEquals(List.of("enrich+aggregate", "suppress+audit", "write"), stages);
    List<String> timed = new ArrayList<>();
    o.summary().path("stages_ms").fieldNames().forEachRemaining(timed::add);
    assertEquals(List.of("enrich_aggregate", "suppress_audit", "write"), timed);
    o.summary().path("stages_ms").forEach(ms -> assertTrue(ms.asLong() >= 0));
  }
}
