package org.geotraffic.ledger;

import java.time.LocalDate;
import java.util.List;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Slice;

/**
 * One release as the ledger keeps it: a (period, first day) that one run published for its sites, and the
 * slices of input its numbers sum over. A cleared release withdrew the period's tables (an empty rerun with
 * --allow-empty): it published no row, and earlier versions stay in the ledger.
 *
 * @param runId the run that published it; its rows are under {@code _ledger/rows/<runId>/}
 * @param sequence the run's place in the ledger's order (1, 2, ...)
 */
public record LedgerRelease(String runId, int sequence, Period period, String date, List<String> sites, List<Slice> slices,
    boolean cleared) {
  public LedgerRelease {
    sites = List.copyOf(sites);
    slices = List.copyOf(slices);
  }

  public LocalDate start() {
    return LocalDate.parse(date);
  }

  public LocalDate end() {
    return period.end(start());
  }

  /** Whether this release's days include {@code day}. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(start()) && !day.isAfter(end());
  }

  /** Whether this release's days and [from, to] share a day. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !end().isBefore(from) && !start().isAfter(to);
  }

  /** A name for messages and findings: period, date and run. */
  public String name() {
    return period.key() + " " + date + " (run " + runId + ")";
  }
}
