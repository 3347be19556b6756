// Copies the npm files the HTML report inlines into the jar's resources, unchanged, with their licences.
// The versions come from package-lock.json (integrity-checked by npm ci); report.test.mjs fails when the
// committed copies differ from the installed packages, so the jar always carries the pinned releases.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const VENDOR_DIR = join(here, '../../src/main/resources/org/geotraffic/report/vendor');
export const VENDORED = [
  ['world-atlas/countries-110m.json', 'world-atlas-countries-110m.json'],
  ['world-atlas/LICENSE', 'world-atlas.LICENSE'],
  ['topojson-client/dist/topojson-client.min.js', 'topojson-client.min.js'],
  ['topojson-client/LICENSE', 'topojson-client.LICENSE'],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [from, to] of VENDORED) {
    copyFileSync(join(here, 'node_modules', from), join(VENDOR_DIR, to));
    console.log(`vendored ${from} -> ${to}`);
  }
}
