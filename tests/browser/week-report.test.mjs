// Renders a week report (written by PeriodReportEndToEndTest into target/browser-fixture/, from two real
// `run --period week` releases with k = 2) in headless Debian Chromium: one week at a time, the latest first,
// its visitors distinct over the week, never "daily, summed"; the picker switches the whole page to the
// other week; the logo is among the static assets, not the top pages.
// Run: mvn test -Dtest=PeriodReportEndToEndTest, then npm ci && npm test here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReport } from './rendered-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const report = join(root, 'target/browser-fixture/week-report.html');
const screenshot = join(root, 'target/browser-fixture/week-report.png');

let r;
let page;
let problems;
let requests;

before(async () => {
  assert.ok(existsSync(report), `no week report at ${report}: run mvn test -Dtest=PeriodReportEndToEndTest first`);
  r = await openReport(report, screenshot);
  ({ page, problems, requests } = r);
});

after(async () => {
  await r?.close();
});

const text = (selector) => r.text(selector);
const cells = (selector) => r.cells(selector);

test('week: renders with no console error, no dialog and no network request', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
});

test('week: says it is weekly, shows the latest week, and never daily, summed', async () => {
  assert.equal(await text('#subtitle'), 'Site default, weekly, 2026-11-23 to 2026-12-06 (2 weeks)');
  assert.equal(await page.locator('#view-picker').isVisible(), true);
  assert.equal(await text('#view-label'), 'Week: ');
  assert.deepEqual(await page.locator('#view option').allTextContents(),
    ['week 2026-11-23 to 2026-11-29', 'week 2026-11-30 to 2026-12-06']);
  assert.equal(await text('#total-visitors .value'), '10');
  assert.equal(await text('#total-visitors .label'), 'Visitors (distinct over the week)');
  const body = await page.locator('body').innerText();
  assert.ok(!body.includes('daily, summed'), 'a week report says daily, summed');
  assert.match(await text('#facts'), /ISO weeks, Monday to Sunday/);
  assert.equal(await text('#trend-title'), 'Weekly visitors (distinct over each week)');
  assert.deepEqual(await cells('#trend-table tbody tr'), ['2026-11-23 | 21', '2026-11-30 | 10']);
});

test('week: the picker shows the other week everywhere, its own distinct visitors', async () => {
  await page.locator('#view').selectOption({ label: 'week 2026-11-23 to 2026-11-29' });
  // 21 distinct over the week, where the two days summed would say 28.
  assert.equal(await text('#total-visitors .value'), '21');
  assert.deepEqual(await cells('#countries tr.country'), [
    '▸United Kingdom | GB | 12 | 32 | 48 | 57.1%',
    '▸Germany | DE | 9 | 24 | 36 | 42.9%',
  ]);
  assert.equal(await page.locator('#map path.country[data-code="GB"]').getAttribute('data-visitors'), '12');
  assert.deepEqual(await page.locator('#pages td.page').allTextContents(), ['/', '/about']);
  assert.deepEqual(await page.locator('#assets td.page').allTextContents(), ['/img/logo.png']);
  assert.deepEqual(problems, []);
});
