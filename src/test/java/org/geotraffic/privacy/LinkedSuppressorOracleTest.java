package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geotraffic.privacyoracle.HistoryProperty;
import org.geotraffic.privacyoracle.PropertyReport;
import org.junit.jupiter.api.Test;

/**
 * The job's suppression judged by the independent oracle ({@code org.geotraffic.privacyoracle}, which
 * shares no code with this package) over random histories of days, weeks, months and revisions with late
 * input; and the same suppressor without the ledger, which the oracle must catch.
 */
class LinkedSuppressorOracleTest {
  static final int HISTORIES = Integer.getInteger("linked.histories", 2000);

  @Test
  void withoutTheLedger_theOracleFindsCrossReleaseDisclosures() {
    PropertyReport report = HistoryProperty.check(new LinkedSuppressorPublisher(false), 20261207L, Math.min(HISTORIES, 500));
    System.out.println(report.format());
    assertTrue(report.failures().size() > 10, report::format);
  }
}
