// Opens one report file in headless Debian Chromium the way both browser tests need it: a fresh profile,
// the background-networking flags this closed network requires, and every console error or warning,
// page error, dialog and non-file request recorded. Waits until the report says it has rendered and
// saves a full-page screenshot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export async function openReport(file, screenshot) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'geotraffic-chromium-'));
  const problems = [];
  const requests = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) {
      requests.push(r.url());
    }
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-rendered="true"]');
  await page.screenshot({ path: screenshot, fullPage: true });
  return {
    page,
    problems,
    requests,
    // The text of the first element matching a selector, and the cells of matching rows, ' | '-joined.
    text: (selector) => page.locator(selector).first().textContent(),
    cells: (selector) => page.locator(selector).evaluateAll((rows) => rows.map((r) =>
      Array.from(r.cells).map((c) => c.textContent.trim()).join(' | '))),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
