package org.geotraffic.privacyoracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every key the attacker must reckon with for one site: the pages, countries and regions that occur in
 * the micro-data or in any published row, plus one "unseen" page, one unseen country and one unseen region
 * per country. The unseen keys stand for everything the attacker cannot rule out (a page nobody published
 * may exist); they never hold events, and they make sure a residual row is never treated as known-empty
 * just because the oracle happens to know the data.
 *
 * <p>Space cells are (page, place) pairs, place = (country, region). It also numbers the site's visitors
 * and checks that each visitor has one place, which visitor additivity across places relies on.
 */
final class SiteUniverse {

    static final String UNSEEN_PAGE = "(unseen page)";
    static final String UNSEEN_COUNTRY = "(unseen country)";

    final String site;
    final List<String> pages;
    final List<String> placeCountry;
    final List<String> placeRegion;
    final long[] visitorIds;
    private final Map<String, Integer> pageIndex = new HashMap<>();
    private final Map<String, Map<String, Integer>> placeIndex = new HashMap<>();
    private final Map<Long, Integer> visitorIndex = new HashMap<>();

    private SiteUniverse(String site, List<String> pages, List<String> placeCountry, List<String> placeRegion,
                         long[] visitorIds) {
        this.site = site;
        this.pages = pages;
        this.placeCountry = placeCountry;
        this.placeRegion = placeRegion;
        this.visitorIds = visitorIds;
        for (int i = 0; i < pages.size(); i++) {
            pageIndex.put(pages.get(i), i);
        }
        for (int i = 0; i < placeCountry.size(); i++) {
            placeIndex.computeIfAbsent(placeCountry.get(i), c -> new HashMap<>()).put(placeRegion.get(i), i);
        }
        for (int i = 0; i < visitorIds.length; i++) {
            visitorIndex.put(visitorIds[i], i);
        }
    }

    static String unseenRegion(String country) {
        return country + "-(unseen)";
    }

    static SiteUniverse of(String site, List<Event> siteEvents, List<PublishedRelease> siteReleases) {
        TreeSet<String> pages = new TreeSet<>();
        TreeMap<String, TreeSet<String>> regions = new TreeMap<>();
        Map<Long, Event> firstEventOfVisitor = new HashMap<>();
        java.util.Set<String> seenPages = new java.util.HashSet<>();
        Map<String, java.util.Set<String>> seenRegions = new HashMap<>();
        for (Event event : siteEvents) {
            if (seenPages.add(event.page())) {
                pages.add(event.page());
            }
            if (seenRegions.computeIfAbsent(event.country(), c -> new java.util.HashSet<>()).add(event.region())) {
                regions.computeIfAbsent(event.country(), c -> new TreeSet<>()).add(event.region());
            }
            if (!event.isBot()) {
                Event earlier = firstEventOfVisitor.putIfAbsent(event.visitor(), event);
                if (earlier != null && !(earlier.country().equals(event.country())
                        && earlier.region().equals(event.region()))) {
                    throw new IllegalArgumentException("site " + site + ": visitor " + event.visitor() + " is in "
                            + earlier.country() + "/" + earlier.region() + " and in " + event.country() + "/"
                            + event.region() + "; the oracle needs one place per visitor");
                }
            }
        }
        long[] ids = firstEventOfVisitor.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (PublishedRelease release : siteReleases) {
            for (PublishedRow row : release.rows()) {
                RowKey key = row.key();
                if (key.page() != null && !RowKey.isResidualKey(key.page())) {
                    pages.add(key.page());
                }
                if (key.country() != null && !RowKey.isResidualKey(key.country())) {
                    regions.computeIfAbsent(key.country(), c -> new TreeSet<>());
                    if (key.region() != null && !RowKey.isResidualKey(key.region())) {
                        regions.get(key.country()).add(key.region());
                    }
                }
            }
        }
        List<String> pageList = new ArrayList<>(pages);
        pageList.add(UNSEEN_PAGE);
        List<String> placeCountry = new ArrayList<>();
        List<String> placeRegion = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> country : regions.entrySet()) {
            for (String region : country.getValue()) {
                placeCountry.add(country.getKey());
                placeRegion.add(region);
            }
            placeCountry.add(country.getKey());
            placeRegion.add(unseenRegion(country.getKey()));
        }
        placeCountry.add(UNSEEN_COUNTRY);
        placeRegion.add(unseenRegion(UNSEEN_COUNTRY));
        return new SiteUniverse(site, List.copyOf(pageList), List.copyOf(placeCountry), List.copyOf(placeRegion),
                ids);
    }

    int pageCount() {
        return pages.size();
    }

    int placeCount() {
        return placeCountry.size();
    }

    int spaceCellCount() {
        return pages.size() * placeCountry.size();
    }

    int spaceCell(int page, int place) {
        return page * placeCountry.size() + place;
    }

    int pageOfCell(int cell) {
        return cell / placeCountry.size();
    }

    int placeOfCell(int cell) {
        return cell % placeCountry.size();
    }

    int pageOf(Event event) {
        return pageIndex.get(event.page());
    }

    int placeOf(Event event) {
        return placeIndex.get(event.country()).get(event.region());
    }

    int cellOf(Event event) {
        return spaceCell(pageOf(event), placeOf(event));
    }

    /** -1 for bots. */
    int visitorOf(Event event) {
        return event.isBot() ? -1 : visitorIndex.get(event.visitor());
    }

    int visitorCount() {
        return visitorIds.length;
    }

    String describeCell(int cell) {
        int place = placeOfCell(cell);
        return "page=" + pages.get(pageOfCell(cell)) + " " + placeCountry.get(place) + "/" + placeRegion.get(place);
    }

    String describePlace(int place) {
        return placeCountry.get(place) + "/" + placeRegion.get(place);
    }
}
