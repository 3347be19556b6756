// Renders the fixture report (written by ReportCommandTest into target/browser-fixture/) in headless
// Debian Chromium and checks what a reader sees: the shaded map, the tables' numbers, "fewer than k",
// the page names that are markup shown as text with no dialog, no console error and no network request.
// Saves docs/report-screenshot.png. Run: mvn test -Dtest=ReportCommandTest, then npm ci && npm test here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReport } from './rendered-report.mjs';
import { VENDORED, VENDOR_DIR } from './vendor.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const fixture = join(root, 'target/browser-fixture/report.html');
const screenshot = join(root, 'docs/report-screenshot.png');
const SCRIPT_PAGE = '<script>alert(1)</script>';
const IMG_PAGE = '"><img src=x onerror=alert(1)>';
const GREY = '#e5e7eb';

let r;
let page;
let problems;
let requests;

before(async () => {
  assert.ok(existsSync(fixture), `no fixture report at ${fixture}: run mvn test -Dtest=ReportCommandTest first`);
  r = await openReport(fixture, screenshot);
  ({ page, problems, requests } = r);
});

after(async () => {
  await r?.close();
});

const text = (selector) => r.text(selector);
const cells = (selector) => r.cells(selector);

test('the vendored npm files are the pinned packages, unchanged', () => {
  for (const [from, to] of VENDORED) {
    const installed = readFileSync(join(here, 'node_modules', from));
    const vendored = readFileSync(join(VENDOR_DIR, to));
    assert.ok(installed.equals(vendored), `${to} differs from node_modules/${from}: run npm run vendor`);
  }
});

test('renders with no console error, no dialog and no network request', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
});

test('the map draws every country and shades those with visitors', async () => {
  const paths = await page.locator('#map path.country').count();
  assert.ok(paths >= 170, `only ${paths} country paths`);
  const de = page.locator('#map path.country[data-code="DE"]');
  assert.equal(await de.count(), 1);
  assert.equal(await de.getAttribute('data-visitors'), '38');
  // DE has the most visitors: the darkest shade of the ramp.
  assert.equal(await de.getAttribute('fill'), 'rgb(8, 81, 156)');
  const us = await page.locator('#map path.country[data-code="US"]').getAttribute('fill');
  assert.match(us, /^rgb\(/);
  assert.notEqual(us, 'rgb(8, 81, 156)');
  // Kosovo has no numeric id in world-atlas and is found by name.
  assert.equal(await page.locator('#map path.country[data-code="XK"]').getAttribute('data-visitors'), '5');
  assert.equal(await page.locator('#map path.country[data-code="DE"] title').textContent(), 'Germany: 38 visitors');
  const grey = await page.locator(`#map path.country[fill="${GREY}"]`).count();
  assert.equal(grey, paths - 3);
  const d = await de.getAttribute('d');
  assert.ok(d.length > 100, 'DE path has geometry');
});

test('summary and footer show totals, k, database and run', async () => {
  assert.equal(await text('#total-visitors .value'), '75');
  assert.equal(await text('#total-visitors .note'), '+ fewer than 5 on 1 day');
  assert.equal(await text('#total-pageviews .value'), '190');
  assert.equal(await text('#total-hits .value'), '330');
  assert.equal(await text('#subtitle'), 'Site shop.example, 2026-11-01 to 2026-11-03 (3 days)');
  const footer = await text('#facts');
  assert.match(footer, /k = 5 visitors/);
  assert.match(footer, /GeoIP2-City, built 2026-10-28/);
  assert.match(footer, /20261104T010000Z-abc123/);
  assert.match(await text('#licences'), /world-atlas 2\.0\.2/);
});

test('the countries table shows names, numbers, shares and fewer-than-k days', async () => {
  assert.deepEqual(await cells('#countries tr.country'), [
    '▸Germany | DE | 38+ fewer than 5 on 1 day | 95 | 170 | 50.7%',
    '▸United States | US | 12+ fewer than 5 on each of 2 days | 30 | 50 | 16.0%',
    'Kosovo | XK | 5+ fewer than 5 on each of 2 days | 9 | 12 | 6.7%',
    'Other countries (combined) |  | 15+ fewer than 5 on 1 day | 50 | 90 | 20.0%',
    'Unknown location |  | 5+ fewer than 5 on each of 2 days | 6 | 8 | 6.7%',
  ]);
  assert.equal(await page.locator('#countries tr.region[data-code="DE-BY"]').isVisible(), false);
  await page.locator('#countries tbody[data-country="DE"] button.toggle').click();
  const region = page.locator('#countries tr.region[data-code="DE-BY"]');
  assert.equal(await region.isVisible(), true);
  assert.deepEqual(await cells('#countries tr.region[data-code="DE-BY"]'), ['Bayern | DE-BY | 30+ fewer than 5 on 1 day | 75 | 130 | 78.9%']);
  assert.equal(await page.locator('#countries tr.region[data-code="(other)"] .label').textContent(), 'Other regions (combined)');
});

test('sorting by a column keeps the buckets last', async () => {
  await page.locator('#countries button[data-sort="v"]').click();
  const codes = await page.locator('#countries tr.country').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-code')));
  assert.deepEqual(codes, ['XK', 'US', 'DE', '(unknown)', '(other)']);
  assert.equal(await page.locator('#countries th[aria-sort="ascending"]').count(), 1);
  await page.locator('#countries button[data-sort="label"]').click();
  const byName = await page.locator('#countries tr.country').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-code')));
  assert.deepEqual(byName, ['DE', 'XK', 'US', '(other)', '(unknown)']);
});

test('page names that are markup show as literal text', async () => {
  const pages = await page.locator('#pages td.page').allTextContents();
  assert.ok(pages.includes(SCRIPT_PAGE), JSON.stringify(pages));
  assert.ok(pages.includes(IMG_PAGE), JSON.stringify(pages));
  assert.ok(pages.includes('Other pages (combined)'));
  assert.equal(await page.locator('#pages img, #pages script, body img').count(), 0);
  // Two JSON blocks and the four inlined scripts, nothing injected.
  assert.equal(await page.locator('script').count(), 6);
  assert.deepEqual(problems, []);
});

test('the daily trend shows fewer than k for a day without published numbers', async () => {
  assert.deepEqual(await cells('#trend-table tbody tr'), ['2026-11-01 | 40', '2026-11-02 | 35', '2026-11-03 | fewer than 5']);
  assert.equal(await page.locator('#trend rect.bar').count(), 2);
  assert.equal(await page.locator('#trend rect.fewer-bar').count(), 1);
});

test('choosing a country shows its trend and its top pages', async () => {
  await page.locator('#focus').selectOption('US');
  assert.deepEqual(await cells('#trend-table tbody tr'), ['2026-11-01 | 12', '2026-11-02 | fewer than 5', '2026-11-03 | fewer than 5']);
  await page.locator('#focus').selectOption('DE');
  assert.equal(await text('#pages-title'), 'Top pages: Germany');
  const pages = await page.locator('#pages td.page').allTextContents();
  assert.deepEqual(pages, ['/', SCRIPT_PAGE]);
  assert.deepEqual(problems, []);
});
