package org.geotraffic.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.geotraffic.privacyoracle.Event;
import org.geotraffic.privacyoracle.HistoryPublisher;
import org.geotraffic.privacyoracle.PublishedRelease;
import org.geotraffic.privacyoracle.ReleaseRequest;
import org.geotraffic.privacyoracle.RowKey;

/**
 * The job's suppression as the independent oracle's publisher: each release is aggregated from its
 * events, its slices are (day, batch), every earlier release of the site is a linked release, and the
 * {@link LinkedSuppressor} decides. A withheld release publishes nothing. {@code linked == false} is the
 * deliberately broken variant: the same suppressor ignoring the ledger.
 */
final class LinkedSuppressorPublisher implements HistoryPublisher {
  private final boolean linked;

  LinkedSuppressorPublisher(boolean linked) {
    this.linked = linked;
  }

  @Override
  public List<org.geotraffic.privacyoracle.PublishedRow> publish(ReleaseRequest request, List<Event> truth, List<PublishedRelease> earlier) {
    if (linked && ReleasePolicy.refuses(request, earlier) != null) {
      return List.of(); // the job refuses such a run (exit 8): nothing new is published
    }
    UnsuppressedDay n = aggregate(request.first().toString(), request.site(), truth);
    Set<Slice> slices = new TreeSet<>();
    Map<Slice, List<Event>> bySlice = new TreeMap<>();
    for (LocalDate d = request.first(); !d.isAfter(request.last()); d = d.plusDays(1)) {
      for (int b : request.batches()) {
        Slice s = new Slice(d.toString(), b);
        slices.add(s);
        bySlice.put(s, new ArrayList<>());
      }
    }
    for (Event e : truth) {
      bySlice.get(new Slice(e.day().toString(), e.batch())).add(e);
    }
    Map<Slice, UnsuppressedDay> sliceTruths = new TreeMap<>();
    bySlice.forEach((s, events) -> sliceTruths.put(s, aggregate(s.day(), request.site(), events)));
    List<LinkedRelease> prior = new ArrayList<>();
    if (linked) {
      for (PublishedRelease r : earlier) {
        Set<Slice> rs = new TreeSet<>();
        for (LocalDate d = r.request().first(); !d.isAfter(r.request().last()); d = d.plusDays(1)) {
          for (int b : r.request().batches()) {
            rs.add(new Slice(d.toString(), b));
          }
        }
        prior.add(new LinkedRelease(r.label(), rs, toDay(r.request().first().toString(), r.site(), r.rows())));
      }
    }
    SuppressionPolicy policy = SuppressionPolicy.of(request.k());
    LinkedSuppressor.Result result = new LinkedSuppressor(policy).suppress(new LinkedDay(n, slices, sliceTruths, prior));
    if (!result.findings().isEmpty()) {
      throw new IllegalStateException("the linked audit still finds " + result.findings());
    }
    List<org.geotraffic.privacyoracle.PublishedRow> out = new ArrayList<>();
    for (Table t : Table.values()) {
      for (PublishedRow r : result.published().rows(t)) {
        org.geotraffic.privacyoracle.Table ot = org.geotraffic.privacyoracle.Table.valueOf(t.name());
        RowKey key = new RowKey(ot, ot.hasPage() ? r.page() : null, ot.hasCountry() ? r.country() : null, ot.hasRegion() ? r.region() : null);
        Measures m = r.measures();
        out.add(new org.geotraffic.privacyoracle.PublishedRow(key,
            new org.geotraffic.privacyoracle.Measures(m.visitors(), m.hits(), m.pageviews(), t == Table.PAGE_COUNTRIES ? 0 : m.bytes())));
      }
    }
    return out;
  }

  private static PublishedDay toDay(String date, String site, List<org.geotraffic.privacyoracle.PublishedRow> rows) {
    Map<Table, List<PublishedRow>> byTable = new EnumMap<>(Table.class);
    for (org.geotraffic.privacyoracle.PublishedRow r : rows) {
      Table t = Table.valueOf(r.key().table().name());
      org.geotraffic.privacyoracle.Measures m = r.measures();
      byTable.computeIfAbsent(t, x -> new ArrayList<>()).add(new PublishedRow(date, site, r.key().country(), r.key().region(), r.key().page(),
          new Measures(m.visitors(), m.hits(), m.pageViews(), m.bytes())));
    }
    return new PublishedDay(byTable, Map.of());
  }

  /** The unsuppressed tables of some events, exactly, through the test aggregator of visitor-level data. */
  static UnsuppressedDay aggregate(String date, String site, List<Event> events) {
    Map<Long, Integer> ids = new HashMap<>();
    List<RandomDays.Visit> visits = new ArrayList<>();
    for (Event e : events) {
      int visitor = e.isBot() ? -1 : ids.computeIfAbsent(e.visitor(), v -> ids.size());
      visits.add(new RandomDays.Visit(visitor, e.country(), e.region(), e.page(), 1, e.pageViews(), e.bytes()));
    }
    return RandomDays.aggregate(date, site, visits);
  }
}
