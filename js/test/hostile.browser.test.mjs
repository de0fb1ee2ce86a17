// The hostile cases of hostile-cases.mjs in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser is downloaded): a tiny node:http server on 127.0.0.1
// serves pkg/ and js/test/, a blank page imports the package and the cases, runs them all and
// hands back plain results. Skipped when Chromium is not installed.
//
// Needs pkg/ built (bash scripts/build-pkg.sh) and the npm dev tools installed (npm ci).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launchChromium, skipWithoutChromium } from './support/chromium.mjs';
import { serveStatic } from './support/static-server.mjs';

const ROOTS = {
  '/pkg/': fileURLToPath(new URL('../../pkg/', import.meta.url)),
  '/test/': fileURLToPath(new URL('./', import.meta.url)),
};
const skip = skipWithoutChromium;

let server;
let baseUrl;
let browser;

before(async () => {
  if (skip) return;
  server = await serveStatic(ROOTS);
  baseUrl = server.url;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('hostile cases in Chromium', { skip, timeout: 300_000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(`${baseUrl}/`);
  const results = await page.evaluate(async () => {
    const lib = await import('/pkg/index.js');
    await lib.ready;
    const { cases, runCase } = await import('/test/hostile-cases.mjs');
    return cases.map((c) => runCase(lib, c));
  });
  const { cases } = await import('./hostile-cases.mjs');
  assert.equal(results.length, cases.length, 'every case ran in the page');
  const failed = results.filter((r) => r.problems.length > 0);
  assert.deepEqual(failed, [], 'cases that failed in Chromium');
  assert.deepEqual(errors, []);
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`# Chromium: ${results.length} hostile cases passed; slowest: ${slowest.map((r) => `${r.name} ${r.ms} ms`).join(', ')}`);
  await page.close();
});
