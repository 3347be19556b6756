package org.geotraffic.privacyoracle;

import java.util.List;

/** The oracle's answer: the disclosures it found and what its search covered. */
public record AttackReport(List<Disclosure> disclosures, AttackCoverage coverage) {

    public AttackReport {
        disclosures = List.copyOf(disclosures);
    }
}
