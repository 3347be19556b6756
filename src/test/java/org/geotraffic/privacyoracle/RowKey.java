package org.geotraffic.privacyoracle;

import java.util.Objects;

/**
 * The key of a published row: its table and the key columns that table has (the others are null).
 *
 * <p>{@link #OTHER} marks a residual row ("everything in the group not published as its own row") and
 * {@link #OTHER_PAGES} the per-country residual of PAGE_COUNTRIES. The exact event set of every key is
 * defined once, in {@link RowMeaning}.
 */
public record RowKey(Table table, String page, String country, String region) {

    public static final String OTHER = "(other)";
    public static final String OTHER_PAGES = "(other pages)";

    public RowKey {
        Objects.requireNonNull(table, "table");
        require(table.hasPage(), page, "page", table);
        require(table.hasCountry(), country, "country", table);
        require(table.hasRegion(), region, "region", table);
        if (OTHER_PAGES.equals(country) || OTHER_PAGES.equals(region)
                || (OTHER_PAGES.equals(page) && table != Table.PAGE_COUNTRIES)) {
            throw new IllegalArgumentException(OTHER_PAGES + " is a page key of PAGE_COUNTRIES only: " + table);
        }
        if (table == Table.PAGE_COUNTRIES && isResidualKey(page) && isResidualKey(country)) {
            throw new IllegalArgumentException("PAGE_COUNTRIES has no row residual in both page and country");
        }
        if (table == Table.PAGE_COUNTRIES && OTHER.equals(page)) {
            throw new IllegalArgumentException("the per-country residual of PAGE_COUNTRIES is " + OTHER_PAGES);
        }
        if (table == Table.REGIONS && OTHER.equals(country)) {
            throw new IllegalArgumentException("REGIONS rows belong to a named country");
        }
        if (table == Table.REGIONS && !OTHER.equals(region) && !region.startsWith(country + "-")) {
            throw new IllegalArgumentException("region " + region + " is not a region of " + country);
        }
    }

    private static void require(boolean present, String value, String column, Table table) {
        if (present && value == null) {
            throw new IllegalArgumentException(table + " rows need a " + column);
        }
        if (!present && value != null) {
            throw new IllegalArgumentException(table + " rows have no " + column + " (got " + value + ")");
        }
    }

    public static RowKey totals() {
        return new RowKey(Table.TOTALS, null, null, null);
    }

    public static RowKey country(String country) {
        return new RowKey(Table.COUNTRIES, null, country, null);
    }

    public static RowKey region(String country, String region) {
        return new RowKey(Table.REGIONS, null, country, region);
    }

    public static RowKey page(String page) {
        return new RowKey(Table.PAGES, page, null, null);
    }

    public static RowKey pageCountry(String page, String country) {
        return new RowKey(Table.PAGE_COUNTRIES, page, country, null);
    }

    public static boolean isResidualKey(String value) {
        return OTHER.equals(value) || OTHER_PAGES.equals(value);
    }

    /** True for "(other)" rows and the "(other pages)" rows. */
    public boolean isResidual() {
        return isResidualKey(page) || isResidualKey(country) || isResidualKey(region);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(table.name());
        if (page != null) {
            text.append(" page=").append(page);
        }
        if (country != null) {
            text.append(" country=").append(country);
        }
        if (region != null) {
            text.append(" region=").append(region);
        }
        return text.toString();
    }
}
