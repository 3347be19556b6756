/**
 * The release ledger: what this output has published, release by release, so that a later run can be
 * audited against everything an outsider may have kept (issue 22). It lives in {@code <output>/_ledger/}:
 * one JSON file per publishing run ({@link LedgerRun}) and a copy of every release's rows. It holds the
 * operator's file names, sizes and times and nothing read from inside a file. Pure Java plus Hadoop paths;
 * no Spark.
 */
package org.geotraffic.ledger;
