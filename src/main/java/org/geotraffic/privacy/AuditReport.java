package org.geotraffic.privacy;

import java.util.List;

/**
 * The result of {@link SuppressionAudit#audit}: passed when there is no finding. Findings name
 * table, date, site and keys (country, region, page) and carry no visitor identifiers, but a finding
 * is about a hidden cell and may state a bound on its value ("lower bound N", N possibly below k):
 * that is why the job never prints or writes findings, only how many there are.
 */
public record AuditReport(List<String> findings) implements java.io.Serializable {
  public AuditReport {
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return findings.isEmpty();
  }
}
