package org.geotraffic.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostSuffixGeoTest {

  private static final HostSuffixGeo DEFAULTS = new HostSuffixGeo();

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource({
    "www.cs.ny.us, US, US-NY",
    "ny.us, US, US-NY",
    "lib.k12.ca.us, US, US-CA",
    "k12.ca.us, US, US-CA",
    "www.ci.boston.ma.us, US, US-MA",
    "WWW.CS.NY.US, US, US-NY",
    "www.cs.ny.us., US, US-NY",
    "city.dc.us, US, US-DC",
    "mail.gu.us, GU, (unknown)",
    "foo.on.ca, CA, CA-ON",
    "bar.qc.ca, CA, CA-QC",
    "old.nf.ca, CA, CA-NL",
    "x.yk.ca, CA, CA-YT",
    "x.nsw.gov.au, AU, AU-NSW",
    "school.vic.edu.au, AU, AU-VIC",
    "x.qld.gov.au, AU, AU-QLD",
    "x.wa.au, AU, AU-WA",
    "www.abc.net.au, AU, (unknown)",
    "portal.sp.gov.br, BR, BR-SP",
    "www.df.gov.br, BR, BR-DF",
    "www.bj.cn, CN, CN-BJ",
    "www.gz.cn, CN, CN-GZ",
    "www.hk.cn, HK, (unknown)",
    "www.city.shibuya.tokyo.jp, JP, JP-13",
    "www.xn--1lqs71d.jp, JP, JP-13",
    "www.city.yokohama.jp, JP, JP-14",
    "www.seoul.kr, KR, KR-11",
    "x.ac.se, SE, SE-AC",
    "x.a.se, SE, SE-AB",
    "x.kyiv.ua, UA, UA-30",
    "kommun.aland.fi, AX, (unknown)",
    "bbc.co.uk, GB, (unknown)",
    "news.bbc.co.uk, GB, (unknown)",
    "www.gov.uk, GB, (unknown)",
    "heise.de, DE, (unknown)",
    "p5B1D2362.dip0.t-ipconnect.de, DE, (unknown)",
    "a.b.c.fr, FR, (unknown)",
    "host.example.gb, GB, (unknown)",
    "yandex.xn--p1ai, RU, (unknown)",
    "example.com, (unknown), (unknown)",
    "example.org, (unknown), (unknown)",
    "mit.edu, (unknown), (unknown)",
    "whitehouse.gov, (unknown), (unknown)",
    "europa.eu, (unknown), (unknown)",
    "github.io, (unknown), (unknown)",
    "twitch.tv, (unknown), (unknown)",
    "bit.ly, (unknown), (unknown)",
    "startup.co, (unknown), (unknown)",
    "www.gov.co, CO, (unknown)",
    "www.example.com.co, CO, (unknown)",
    "localhost, (unknown), (unknown)",
    "localhost., (unknown), (unknown)",
    "de, (unknown), (unknown)",
    "1.2.3.4, (unknown), (unknown)",
    "sony.us, US, (unknown)",
    "exa_mple.de, DE, (unknown)",
    "ppp3_186.example.or.jp, JP, (unknown)",
    "dial_in-2.example.gov.au, AU, (unknown)",
    "DIAL_IN-2.EXAMPLE.NSW.GOV.AU., AU, AU-NSW",
    "exa mple.de, (unknown), (unknown)",
  })
  void hostName_isLocatedBySuffix(String host, String country, String region) {
    assertEquals(new GeoLocation(country, region), DEFAULTS.locate(host));
  }

  @Test
  void null_isUnknown() {
    assertSame(GeoLocation.UNKNOWN_LOCATION, DEFAULTS.locate(null));
    assertSame(GeoLocation.UNKNOWN_LOCATION, DEFAULTS.locate(""));
  }

  @Test
  void adminRule_winsOverRegionalAndCountryData() {
    HostSuffixGeo geo =
        new HostSuffixGeo(
            HostSuffixRules.builder()
                .adminRule("example.org", "DE/DE-BE")
                .adminRule("corp.ny.us", "FR")
                .adminRule("*.vpn.example.com", "(internal)/vpn")
                .adminRule("lab.example.com", "(internal)")
                .build());
    assertEquals(new GeoLocation("DE", "DE-BE"), geo.locate("www.example.org"));
    assertEquals(new GeoLocation("DE", "DE-BE"), geo.locate("example.org"));
    assertEquals(GeoLocation.countryOnly("FR"), geo.locate("host.corp.ny.us"));
    assertEquals(new GeoLocation("US", "US-NY"), geo.locate("host.other.ny.us"));
    assertEquals(new GeoLocation(GeoLocation.INTERNAL, "vpn"), geo.locate("a.vpn.example.com"));
    assertSame(GeoLocation.INTERNAL_LOCATION, geo.locate("x.lab.example.com"));
    assertEquals(GeoLocation.UNKNOWN_LOCATION, geo.locate("notexample.org"));
  }

  @Test
  void longerAdminRule_winsOverShorterOne() {
    HostSuffixGeo geo =
        new HostSuffixGeo(
            HostSuffixRules.builder().adminRule("example.com", "US").adminRule("eu.example.com", "IE").build());
    assertEquals(GeoLocation.countryOnly("IE"), geo.locate("www.eu.example.com"));
    assertEquals(GeoLocation.countryOnly("US"), geo.locate("www.example.com"));
  }

  @Test
  void genericTldOptIn_mapsThatTldToTheCountry() {
    HostSuffixGeo geo =
        new HostSuffixGeo(
            HostSuffixRules.builder().genericTld("edu", "US").genericTld("gov", "US").genericTld("mil", "US").build());
    assertEquals(GeoLocation.countryOnly("US"), geo.locate("web.mit.edu"));
    assertEquals(GeoLocation.countryOnly("US"), geo.locate("www.whitehouse.gov"));
    assertEquals(GeoLocation.countryOnly("US"), geo.locate("army.mil"));
    assertEquals(GeoLocation.UNKNOWN_LOCATION, geo.locate("example.com"));
    assertEquals(GeoLocation.countryOnly("GB"), geo.locate("www.ox.ac.uk"));
  }

  @Test
  void regionalSuffixesOff_keepOnlyTheCountry() {
    HostSuffixGeo geo = new HostSuffixGeo(HostSuffixRules.builder().regionalSuffixes(false).build());
    assertEquals(GeoLocation.countryOnly("US"), geo.locate("www.cs.ny.us"));
    assertEquals(GeoLocation.countryOnly("GU"), geo.locate("mail.gu.us"));
  }
}
