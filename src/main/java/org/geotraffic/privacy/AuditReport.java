package org.geotraffic.privacy;

import java.util.List;

/**
 * The result of {@link SuppressionAudit#audit}: passed when there is no finding. Findings name
 * table, date, site and keys (country, region, page) only; they carry no visitor identifiers and no
 * hidden values.
 */
public record AuditReport(List<String> findings) implements java.io.Serializable {
  public AuditReport {
    findings = List.copyOf(findings);
  }

  public boolean passed() {
    return findings.isEmpty();
  }
}
