// Independent check of published tables with DuckDB (no Spark, no geotraffic code):
//   every published row has 0 or >= k visitors... (0 is never published: >= k), and in every group the
//   published children add up exactly to the published parent for hits, page views and bytes (or no
//   child is published); regions only under published countries; page_countries only under published pages.
// Usage: (cd scripts/dev && npm ci) && node scripts/dev/check-published.mjs OUTPUT_DIR K
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, kArg] = process.argv.slice(2);
const k = Number(kArg ?? 10);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const t = (name) => `read_parquet('${dir}/${name}/*/*.parquet', hive_partitioning = true)`;
for (const name of ['totals', 'countries', 'regions', 'pages', 'page_countries']) {
  await c.run(`create view ${name} as select * exclude (date), cast(date as varchar) as date from ${t(name)}`);
}
const checks = {
  'rows below k': `select 'totals' t, count(*) n from totals where visitors < ${k} union all
     select 'countries', count(*) from countries where visitors < ${k} union all
     select 'regions', count(*) from regions where visitors < ${k} union all
     select 'pages', count(*) from pages where visitors < ${k} union all
     select 'page_countries', count(*) from page_countries where visitors < ${k}`,
  'countries vs totals': `select count(*) n from totals p join (select date, site, sum(hits) h, sum(pageviews) v, sum(bytes) b, sum(visitors) u
     from countries group by all) s using (date, site) where p.hits != s.h or p.pageviews != s.v or p.bytes != s.b or p.visitors != s.u`,
  'regions vs countries': `select count(*) n from countries p join (select date, site, country, sum(hits) h, sum(pageviews) v, sum(bytes) b, sum(visitors) u
     from regions group by all) s using (date, site, country) where p.hits != s.h or p.pageviews != s.v or p.bytes != s.b or p.visitors != s.u`,
  'pages vs totals': `select count(*) n from totals p join (select date, site, sum(hits) h, sum(pageviews) v, sum(bytes) b
     from pages group by all) s using (date, site) where p.hits != s.h or p.pageviews != s.v or p.bytes != s.b`,
  'page_countries vs pages': `select count(*) n from pages p join (select date, site, page, sum(hits) h, sum(pageviews) v, sum(visitors) u
     from page_countries group by all) s using (date, site, page) where p.hits != s.h or p.pageviews != s.v or p.visitors != s.u`,
  'regions without a published country': `select count(*) n from regions r left join countries c using (date, site, country)
     where c.country is null or r.country = '(other)'`,
  'page_countries without a published page': `select count(*) n from page_countries r left join pages p using (date, site, page)
     where p.page is null or r.page = '(other)'`,
  'groups checked': `select (select count(*) from totals) totals, (select count(distinct (date, site, country)) from regions) region_groups,
     (select count(distinct (date, site, page)) from page_countries) page_groups, (select count(*) from countries) countries,
     (select count(*) from regions) regions, (select count(*) from pages) pages, (select count(*) from page_countries) page_countries`,
};
let failed = false;
for (const [name, q] of Object.entries(checks)) {
  const rows = (await c.runAndReadAll(q)).getRowObjectsJson();
  console.log(`${name}: ${JSON.stringify(rows)}`);
  if (name !== 'groups checked' && rows.some((r) => Number(r.n) !== 0)) failed = true;
}
console.log(failed ? 'FAILED' : 'all checks passed');
process.exit(failed ? 1 : 0);
