package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageClassifierTest {
  private final PageClassifier pages = new PageClassifier(List.of("css", "js", "png"), List.of("GET", "POST"), 20);

  @Test
  void queryString_isDropped() {
    assertEquals("/signup", pages.page("/signup?email=alice@example.org&token=abc"));
  }

  @Test
  void fragmentAndPathParameters_areDropped() {
    assertEquals("/a", pages.page("/a#top"));
    assertEquals("/cart", pages.page("/cart;jsessionid=ABC123"));
  }

  @Test
  void absoluteFormTarget_keepsOnlyThePath() {
    assertEquals("/x/y", pages.page("http://www.example.net/x/y?q=1"));
    assertEquals("/", pages.page("https://www.example.net"));
  }

  @Test
  void emptyOrNullTarget_isRoot() {
    assertEquals("/", pages.page(""));
    assertEquals("/", pages.page(null));
    assertEquals("/", pages.page("?only=query"));
  }

  @Test
  void longPath_isCutAtMaxLength() {
    assertEquals("/aaaaaaaaaaaaaaaaaaa", pages.page("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  }

  @Test
  void getOfHtmlPage_isPageView() {
    assertTrue(pages.isPageView("GET", 200, "/index.html"));
    assertTrue(pages.isPageView("POST", 201, "/contact"));
    assertTrue(pages.isPageView("GET", 304, "/"));
  }

  @Test
  void assetsErrorsRedirectsAndHead_areNotPageViews() {
    assertFalse(pages.isPageView("GET", 200, "/css/site.CSS"));
    assertFalse(pages.isPageView("GET", 404, "/missing"));
    assertFalse(pages.isPageView("GET", 301, "/old"));
    assertFalse(pages.isPageView("HEAD", 200, "/"));
    assertFalse(pages.isPageView(null, 200, "/"));
  }

  @Test
  void dotInDirectoryName_isNotAnExtension() {
    assertTrue(pages.isPageView("GET", 200, "/v1.js/page"));
  }

  @Test
  void aTargetSpelledLikeAResidualRow_isNotThatRow() {
    PageClassifier c = new PageClassifier(java.util.List.of("png"), java.util.List.of("GET"), 200);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(org.geotraffic.privacy.PublishedRow.OTHER,
        org.geotraffic.privacy.PublishedRow.OTHER_PAGES), PageClassifier.RESERVED);
    org.junit.jupiter.api.Assertions.assertEquals("/(other)", c.page("(other)"));
    org.junit.jupiter.api.Assertions.assertEquals("/(other pages)", c.page("(other pages)?x=1"));
    org.junit.jupiter.api.Assertions.assertEquals("/(other)", c.page("/(other)"));
  }
}
