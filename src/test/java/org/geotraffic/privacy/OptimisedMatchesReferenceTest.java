package org.geotraffic.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimised suppressor and audit publish exactly what the frozen reference copies publish and
 * find exactly what they find: on random days under random policies, on the suppressor's own output,
 * on primary-only output (which has disclosures to find) and on output audited against a larger k.
 */
class OptimisedMatchesReferenceTest {
  @Test
  void randomDays_suppressAndAuditMatchTheReference() {
    Random rnd = new Random(20261125L);
    int withFindings = 0;
    for (int i = 0; i < 3000; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s" + i, RandomDays.visits(rnd, shape));
      SuppressionPolicy policy = SuppressorPropertyTest.randomPolicy(rnd);
      String where = "day " + i + " " + shape + " " + policy;

      PublishedDay out = new Suppressor(policy).suppress(day);
      assertEquals(new ReferenceSuppressor(policy).suppress(day), out, where);
      assertEquals(ReferenceSuppressionAudit.audit(day, out, policy), SuppressionAudit.audit(day, out, policy), where);

      PublishedDay broken = SuppressionAuditTest.primaryOnly(day, policy);
      AuditReport brokenReport = SuppressionAudit.audit(day, broken, policy);
      assertEquals(ReferenceSuppressionAudit.audit(day, broken, policy), brokenReport, where + " primary only");

      SuppressionPolicy stricter = new SuppressionPolicy(policy.minVisitors() * 2, policy.minVisitorsByTable(), policy.minHits());
      AuditReport strictReport = SuppressionAudit.audit(day, out, stricter);
      assertEquals(ReferenceSuppressionAudit.audit(day, out, stricter), strictReport, where + " audited at 2k");
      if (!brokenReport.passed() || !strictReport.passed()) {
        withFindings++;
      }
    }
    assertTrue(withFindings > 300, "days with findings: " + withFindings);
  }

  @Test
  void keysHoldingNul_matchTheReferenceWhosePageCountryKeysAreConcatenations() {
    // The reference keys a page_countries cell as page + NUL + country, so ("x", "y\0z") and
    // ("x\0y", "z") are the same cell to it; the optimised code must treat them alike.
    Random rnd = new Random(5L);
    for (int i = 0; i < 1500; i++) {
      RandomDays.Shape shape = RandomDays.Shape.values()[i % RandomDays.Shape.values().length];
      List<RandomDays.Visit> visits = RandomDays.visits(rnd, shape).stream()
          .map(v -> new RandomDays.Visit(v.visitor(), nulCountry(v.country()), v.region(), nulPage(v.page()), v.hits(), v.pageviews(), v.bytes()))
          .toList();
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s", visits);
      SuppressionPolicy policy = SuppressorPropertyTest.randomPolicy(rnd);
      String where = "day " + i + " " + policy;
      PublishedDay out = new Suppressor(policy).suppress(day);
      assertEquals(new ReferenceSuppressor(policy).suppress(day), out, where);
      PublishedDay broken = SuppressionAuditTest.primaryOnly(day, policy);
      assertEquals(ReferenceSuppressionAudit.audit(day, broken, policy), SuppressionAudit.audit(day, broken, policy), where);
    }
  }

  private static String nulPage(String page) {
    return page.equals("/p0") ? "x" : page.equals("/p1") ? "x\u0000y" : page;
  }

  private static String nulCountry(String country) {
    return country.equals("C0") ? "y\u0000z" : country.equals("C1") ? "z" : country;
  }

  @Test
  void suppressorErrorOnUnprotectableDay_isTheReferenceError() {
    // Both give up with the same message, or neither does.
    Random rnd = new Random(99L);
    for (int i = 0; i < 500; i++) {
      UnsuppressedDay day = RandomDays.aggregate("2026-01-01", "s", RandomDays.visits(rnd, RandomDays.Shape.TINY_CELLS));
      SuppressionPolicy policy = SuppressorPropertyTest.randomPolicy(rnd);
      assertEquals(outcome(() -> new ReferenceSuppressor(policy).suppress(day)), outcome(() -> new Suppressor(policy).suppress(day)));
    }
  }

  private static List<Object> outcome(java.util.function.Supplier<PublishedDay> run) {
    try {
      return List.of(run.get());
    } catch (IllegalStateException e) {
      return List.of(e.getMessage());
    }
  }
}
