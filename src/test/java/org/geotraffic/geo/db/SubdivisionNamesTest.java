package org.geotraffic.geo.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.geotraffic.geo.Iso3166;
import org.geotraffic.geo.SubdivisionNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubdivisionNamesTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "US|California|US-CA",
    "US|new york|US-NY",
    "US|District of Columbia|US-DC",
    "GB|England|GB-ENG",
    "GB|Wales|GB-WLS",
    "DE|Bavaria|DE-BY",
    "DE|Bayern|DE-BY",
    "DE|North Rhine-Westphalia|DE-NW",
    "DE|Baden-Wurttemberg|DE-BW",
    "FR|Ile-de-France|FR-IDF",
    "FR|Provence-Alpes-Côte d'Azur|FR-PAC",
    "ES|Madrid|ES-MD",
    "ES|Asturias|ES-AS",
    "ES|Catalonia|ES-CT",
    "IT|Lombardy|IT-25",
    "CN|Beijing|CN-BJ",
    "CN|Guangdong|CN-GD",
    "CN|Guangdong Province|CN-GD",
    "JP|Tokyo|JP-13",
    "SE|Östergötland County|SE-E",
    "SE|Stockholm|SE-AB",
    "AU|New South Wales|AU-NSW",
    "CA|Ontario|CA-ON",
    "IN|Maharashtra|IN-MH",
    "RU|Moscow|RU-MOW",
    "MX|Mexico City|MX-CMX",
  })
  void englishOrIsoName_givesTheCode(String country, String name, String code) {
    assertEquals(code, SubdivisionNames.codeOf(country, name));
    assertEquals(true, Iso3166.isSubdivision(code));
  }

  @Test
  void unknownNameOrWrongCountry_givesNull() {
    assertNull(SubdivisionNames.codeOf("US", "Atlantis"));
    assertNull(SubdivisionNames.codeOf("DE", "California"));
    assertNull(SubdivisionNames.codeOf("ZZ", "California"));
    assertNull(SubdivisionNames.codeOf("US", null));
    assertNull(SubdivisionNames.codeOf("US", ""));
  }
}
