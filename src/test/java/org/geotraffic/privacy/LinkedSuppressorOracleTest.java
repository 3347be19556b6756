package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.geotraffic.privacyoracle.HistoryProperty;
import org.geotraffic.privacyoracle.HistoryVerdict;
import org.geotraffic.privacyoracle.PropertyReport;
import org.junit.jupiter.api.Test;

/**
 * The job's suppression judged by the independent oracle ({@code org.geotraffic.privacyoracle}, which
 * shares no code with this package) over random histories of days, weeks, months and revisions with late
 * input; and the same suppressor without the ledger, which the oracle must catch.
 */
class LinkedSuppressorOracleTest {
  /**
   * The suppressor and the oracle are pure Java, so both Spark lines run the same code: the default line's
   * build judges 2,000 histories (about 4 minutes on 2 cores), the other line's a 200-history smoke run.
   */
  static final int HISTORIES = Integer.getInteger("linked.histories", "4.1".equals(System.getProperty("spark.line")) ? 200 : 2000);

  @Test
  void withTheLedger_theOracleFindsNothing_overTwoThousandHistories() {
    PropertyReport report = HistoryProperty.check(new LinkedSuppressorPublisher(true), 20261207L, HISTORIES);
    System.out.println(report.format());
    assertEquals(List.of(), report.errors(), report::format);
    assertEquals(List.of(), report.failures(), report::format);
    assertTrue(report.releases() > 50 * HISTORIES, "histories of many releases each: " + report.releases());
  }

  /**
   * A month, the week across its end and that week's days: England over 1–27 September plus everyone but
   * England over 1–4 October (24 visitors, k = 27) was derivable until {@link PartialOverlaps} attacked
   * releases that overlap the new one only in part.
   */
  @Test
  void aWeekAcrossThePublishedMonthsEnd_givesNothingAway() {
    HistoryVerdict verdict = HistoryProperty.checkOne(new LinkedSuppressorPublisher(true), 6324631107284606910L);
    assertEquals(0, verdict.disclosureCount(), verdict::toString);
    assertEquals(null, verdict.error(), verdict::toString);
  }

  @Test
  void withoutTheLedger_theOracleFindsCrossReleaseDisclosures() {
    PropertyReport report = HistoryProperty.check(new LinkedSuppressorPublisher(false), 20261207L, Math.min(HISTORIES, 500));
    System.out.println(report.format());
    assertTrue(report.failures().size() > 10, report::format);
  }
}
