package org.geotraffic.geo;

import java.time.Instant;

/**
 * What the run summary says about the database used.
 *
 * @param type metadata database_type ("GeoLite2-City")
 * @param buildDate metadata build_epoch
 * @param description English description, or empty
 * @param kind the schema used for lookups
 */
public record GeoDatabaseInfo(String type, Instant buildDate, String description, DatabaseKind kind) {}
