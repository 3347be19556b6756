// The vectorised-engine yardstick of bench/sweep: DuckDB parses a combined log and groups it like geotraffic's
// tables, without geography: distinct clients per day, and per (day, page), with hits, page views and bytes.
//   node bench/duckdb-group.mjs LOG
// Needs @duckdb/node-api (bench/sweep installs it into target/bench/node/). Prints one JSON line: lines, days, pages.
import { DuckDBInstance } from '@duckdb/node-api';

const log = process.argv[2];
if (!log) {
  console.error('usage: node bench/duckdb-group.mjs LOG');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const quoted = log.replaceAll("'", "''");
// One column per line: no quoting or escaping, a delimiter that never occurs in a log line.
await db.run(`
  CREATE TEMP TABLE parsed AS
  WITH raw AS (
    SELECT line FROM read_csv('${quoted}', columns = {'line': 'VARCHAR'}, delim = '\x01', quote = '', escape = '',
                              header = false, auto_detect = false, null_padding = true)
  ), fields AS (
    SELECT regexp_extract(line, '^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] "(\\S+) (\\S+)[^"]*" (\\d{3}) (\\d+|-)',
                          ['client', 'ts', 'method', 'target', 'status', 'bytes']) AS f
    FROM raw
  )
  SELECT f.client AS client,
         strptime(f.ts, '%d/%b/%Y:%H:%M:%S %z')::DATE AS day,
         split_part(f.target, '?', 1) AS page,
         f.method = 'GET' AND f.status BETWEEN '200' AND '399' AS pageview,
         TRY_CAST(f.bytes AS BIGINT) AS bytes
  FROM fields WHERE f.client <> ''`);
const days = await db.runAndReadAll(`
  SELECT day, count(DISTINCT client) AS visitors, count(*) AS hits, sum(pageview::INT) AS pageviews, sum(bytes) AS bytes
  FROM parsed GROUP BY day`);
const pages = await db.runAndReadAll(`
  SELECT count(*) AS n FROM (
    SELECT day, page, count(DISTINCT client) AS visitors, count(*) AS hits, sum(pageview::INT) AS pageviews, sum(bytes) AS bytes
    FROM parsed GROUP BY day, page)`);
const lines = await db.runAndReadAll('SELECT count(*) AS n FROM parsed');
console.log(JSON.stringify({
  lines: Number(lines.getRows()[0][0]),
  days: days.getRows().length,
  pages: Number(pages.getRows()[0][0]),
}));
