package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Iso3166Test {

  @Test
  void countryCodes_areKnownExactly() {
    assertTrue(Iso3166.isCountry("DE"));
    assertTrue(Iso3166.isCountry("GB"));
    assertTrue(Iso3166.isCountry("XK"));
    assertFalse(Iso3166.isCountry("UK"));
    assertFalse(Iso3166.isCountry("EU"));
    assertFalse(Iso3166.isCountry("de"));
    assertFalse(Iso3166.isCountry(GeoLocation.UNKNOWN));
    assertFalse(Iso3166.isCountry(null));
    assertEquals(250, Iso3166.countries().size());
  }

  @Test
  void countryNames_areEnglishCommonNames() {
    assertEquals("Germany", Iso3166.countryName("DE"));
    assertEquals("Bolivia", Iso3166.countryName("BO"));
    assertEquals("United Kingdom", Iso3166.countryName("GB"));
    assertNull(Iso3166.countryName("ZZ"));
  }

  @Test
  void continents_areTwoLetterCodes() {
    assertEquals("EU", Iso3166.continentOf("DE"));
    assertEquals("NA", Iso3166.continentOf("US"));
    assertEquals("SA", Iso3166.continentOf("BR"));
    assertEquals("AS", Iso3166.continentOf("JP"));
    assertEquals("OC", Iso3166.continentOf("AU"));
    assertEquals("AF", Iso3166.continentOf("NG"));
    assertEquals("AN", Iso3166.continentOf("AQ"));
    assertNull(Iso3166.continentOf("ZZ"));
    for (String country : Iso3166.countries()) {
      assertTrue(Iso3166.CONTINENTS.contains(Iso3166.continentOf(country)), country);
    }
  }

  @Test
  void subdivisions_carryTheCountryPrefix() {
    assertTrue(Iso3166.isSubdivision("US-NY"));
    assertTrue(Iso3166.isSubdivision("GB-ENG"));
    assertTrue(Iso3166.isSubdivision("CN-BJ"));
    assertTrue(Iso3166.isSubdivision("JP-13"));
    assertFalse(Iso3166.isSubdivision("NY"));
    assertFalse(Iso3166.isSubdivision("CN-11"));
    assertFalse(Iso3166.isSubdivision("us-ny"));
    assertFalse(Iso3166.isSubdivision(null));
    assertEquals("New York", Iso3166.subdivisionName("US-NY"));
    assertEquals("Tokyo", Iso3166.subdivisionName("JP-13"));
    assertEquals("IT-62", Iso3166.parentOf("IT-RM"));
    assertEquals("GB-ENG", Iso3166.parentOf("GB-LND"));
    assertNull(Iso3166.parentOf("US-NY"));
    for (String code : Iso3166.subdivisions()) {
      String country = code.substring(0, 2);
      assertTrue(code.charAt(2) == '-' && Iso3166.isCountry(country), code);
      String parent = Iso3166.parentOf(code);
      assertTrue(parent == null || (Iso3166.isSubdivision(parent) && parent.startsWith(country + "-")), code);
    }
  }
}
