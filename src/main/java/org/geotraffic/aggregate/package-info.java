/**
 * The aggregation logic in plain Java, without Spark: the line accounting ({@link
 * org.geotraffic.aggregate.LineTallies}, summed up in {@link org.geotraffic.aggregate.LineCounts}), and the tables of one shuffle partition
 * holding every cell of a set of visitors, in (day, visitor) order (reduce side, {@link
 * org.geotraffic.aggregate.VisitorTables} and {@link org.geotraffic.aggregate.FirstPageRanks}). The
 * Spark stage (org.geotraffic.pipeline.AggregateStage) only moves rows between them.
 */
package org.geotraffic.aggregate;
