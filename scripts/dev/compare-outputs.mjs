// Compares the five published tables of two geotraffic output folders with DuckDB (independently of
// Spark): row counts, and rows in one but not the other (EXCEPT ALL, both ways). Used to prove that a
// rewrite publishes exactly what the old code did, e.g. on the 10M benchmark:
//   cd scripts/dev && npm ci && node compare-outputs.mjs OLD_OUTPUT NEW_OUTPUT
import { DuckDBInstance } from '@duckdb/node-api';
const [a, b] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
let differ = false;
for (const t of ['totals', 'countries', 'regions', 'pages', 'page_countries']) {
  const q = (d) => `SELECT * FROM read_parquet('${d}/${t}/**/*.parquet', hive_partitioning=true)`;
  const r = await c.runAndReadAll(`SELECT (SELECT count(*) FROM (${q(a)})) AS na, (SELECT count(*) FROM (${q(b)})) AS nb,
    (SELECT count(*) FROM ((${q(a)}) EXCEPT ALL (${q(b)}))) AS only_a, (SELECT count(*) FROM ((${q(b)}) EXCEPT ALL (${q(a)}))) AS only_b`);
  const [row] = r.getRowObjects();
  differ ||= row.na !== row.nb || row.only_a !== 0n || row.only_b !== 0n;
  console.log(t, JSON.stringify(row, (k, v) => typeof v === 'bigint' ? Number(v) : v));
}
console.log(differ ? 'the outputs differ' : 'identical tables');
process.exitCode = differ ? 1 : 0;
