package org.geotraffic.privacyoracle;

/**
 * The numbers of a row: distinct visitors (bots excluded) and the additive sums hits, page views and
 * bytes. PAGE_COUNTRIES publishes no bytes; the oracle ignores its bytes value.
 */
public record Measures(long visitors, long hits, long pageViews, long bytes) {

    public Measures {
        if (visitors < 0 || hits < 0 || pageViews < 0 || bytes < 0) {
            throw new IllegalArgumentException("measures are counts: " + visitors + "/" + hits + "/"
                    + pageViews + "/" + bytes);
        }
    }

    @Override
    public String toString() {
        return "visitors=" + visitors + " hits=" + hits + " pageViews=" + pageViews + " bytes=" + bytes;
    }
}
