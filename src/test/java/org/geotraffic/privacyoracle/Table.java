package org.geotraffic.privacyoracle;

/** The five published tables, and which key columns each one has. */
public enum Table {
    /** One row: everything. No key. */
    TOTALS(false, false, false),
    /** Key: country. */
    COUNTRIES(false, true, false),
    /** Key: country and region (a region code within its country, e.g. GB-ENG). */
    REGIONS(false, true, true),
    /** Key: page. */
    PAGES(true, false, false),
    /** Key: page and country. Has no bytes column. */
    PAGE_COUNTRIES(true, true, false);

    private final boolean hasPage;
    private final boolean hasCountry;
    private final boolean hasRegion;

    Table(boolean hasPage, boolean hasCountry, boolean hasRegion) {
        this.hasPage = hasPage;
        this.hasCountry = hasCountry;
        this.hasRegion = hasRegion;
    }

    public boolean hasPage() {
        return hasPage;
    }

    public boolean hasCountry() {
        return hasCountry;
    }

    public boolean hasRegion() {
        return hasRegion;
    }

    /** PAGE_COUNTRIES publishes no bytes; the other tables do. */
    public boolean hasBytes() {
        return this != PAGE_COUNTRIES;
    }
}
