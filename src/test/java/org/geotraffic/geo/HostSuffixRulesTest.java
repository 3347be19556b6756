package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostSuffixRulesTest {

  @Test
  void validRules_areNormalised() {
    HostSuffixRules rules =
        HostSuffixRules.builder()
            .adminRule("*.Example.ORG.", " DE/DE-BE ")
            .adminRule(".example.net", "US")
            .genericTld("EDU", "US")
            .build();
    assertEquals(
        Map.of("example.org", new GeoLocation("DE", "DE-BE"), "example.net", GeoLocation.countryOnly("US")),
        rules.adminRules());
    assertEquals(Map.of("edu", "US"), rules.genericTlds());
  }

  @Test
  void everyBadRule_isReportedAtOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HostSuffixRules.builder()
                    .adminRule("example.org", "XX")
                    .adminRule("example.net", "DE/US-NY")
                    .adminRule("bad..name", "DE")
                    .adminRule("example.com", "DE/DE-XX")
                    .adminRule("lab.example", "(internal)/ ")
                    .genericTld("edu", "USA")
                    .genericTld("co.uk", "GB")
                    .build());
    assertEquals(
        "Cannot parse host suffix rule: not an ISO 3166-1 alpha-2 code or (internal), example.org = XX; "
            + "Cannot parse host suffix rule: not an ISO 3166-2 code of that country, example.net = DE/US-NY; "
            + "Cannot parse host suffix rule: not a domain suffix, bad..name = DE; "
            + "Cannot parse host suffix rule: not an ISO 3166-2 code of that country, example.com = DE/DE-XX; "
            + "Cannot parse host suffix rule: empty internal network name, lab.example = (internal)/ ; "
            + "Cannot parse generic TLD rule: not an ISO 3166-1 alpha-2 code, edu = USA; "
            + "Cannot parse generic TLD rule: not a single label, co.uk = GB",
        e.getMessage());
  }

  @Test
  void sameSuffixTwice_isRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HostSuffixRules.builder().adminRule("example.org", "DE").adminRule("*.example.org", "FR").build());
    assertEquals("Cannot parse host suffix rule: suffix given twice, *.example.org = FR", e.getMessage());
  }
}
