// Renders the bundled sample's report (written by SampleRunEndToEndTest into target/browser-fixture/, from
// the job's run on sample-logs/ with k = 10) in headless Debian Chromium, checks a few of the numbers the
// sample is known to publish, and saves docs/sample-report.png, the screenshot the README shows.
// Run: mvn test -Dtest=SampleRunEndToEndTest, then npm ci && npm test here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReport } from './rendered-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const report = join(root, 'target/browser-fixture/sample-report.html');
const screenshot = join(root, 'docs/sample-report.png');
const GREY = '#e5e7eb';

let r;
let page;
let problems;
let requests;

before(async () => {
  assert.ok(existsSync(report), `no sample report at ${report}: run mvn test -Dtest=SampleRunEndToEndTest first`);
  r = await openReport(report, screenshot);
  ({ page, problems, requests } = r);
});

after(async () => {
  await r?.close();
});

const text = (selector) => r.text(selector);
const cells = (selector) => r.cells(selector);

test('sample: renders with no console error, no dialog and no network request', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
});

test('sample: summary shows the daily-summed totals and k = 10', async () => {
  assert.equal(await text('#subtitle'), 'Site default, 2026-11-23 to 2026-11-25 (3 days)');
  // 128 + 133 visitors, 335 + 350 page views, 723 + 766 hits (SampleRunEndToEndTest.totals_areExact).
  assert.equal(await text('#total-visitors .value'), '261');
  assert.equal(await text('#total-pageviews .value'), '685');
  assert.equal(await text('#total-hits .value'), '1,489');
  assert.match(await text('#facts'), /k = 10 visitors/);
  assert.deepEqual(await cells('#trend-table tbody tr'), ['2026-11-23 | 128', '2026-11-24 | 133', '2026-11-25 | fewer than 10']);
});

test('sample: the countries table shows GB, US, DE summed over the days and the combined rest', async () => {
  // Visitors per day: GB 44 + 48, US 37 + 42, DE 33 + 32, (other) 14 + 11; 2026-11-25's one visitor is unpublished.
  assert.deepEqual(await cells('#countries tr.country'), [
    '▸United Kingdom | GB | 92+ fewer than 10 on 1 day | 230 | 503 | 35.2%',
    '▸United States | US | 79+ fewer than 10 on 1 day | 210 | 453 | 30.3%',
    '▸Germany | DE | 65+ fewer than 10 on 1 day | 185 | 406 | 24.9%',
    'Other countries (combined) |  | 25+ fewer than 10 on 1 day | 60 | 127 | 9.6%',
  ]);
});

test('sample: the map shades GB, US and DE and no other country', async () => {
  const paths = await page.locator('#map path.country').count();
  assert.ok(paths >= 170, `only ${paths} country paths`);
  for (const [code, name, visitors] of [['GB', 'United Kingdom', '92'], ['US', 'United States', '79'], ['DE', 'Germany', '65']]) {
    const country = page.locator(`#map path.country[data-code="${code}"]`);
    assert.equal(await country.count(), 1, code);
    assert.equal(await country.getAttribute('data-visitors'), visitors, code);
    assert.match(await country.getAttribute('fill'), /^rgb\(/, code);
    assert.equal(await country.locator('title').textContent(), `${name}: ${visitors} visitors`);
  }
  // GB has the most visitors: the darkest shade of the ramp.
  assert.equal(await page.locator('#map path.country[data-code="GB"]').getAttribute('fill'), 'rgb(8, 81, 156)');
  assert.equal(await page.locator(`#map path.country[fill="${GREY}"]`).count(), paths - 3);
});
