// The shared vectors (tests/vectors/*.json, every file, with each vector's options) through the
// built package in three browser engines, Chromium, Firefox ESR and WebKitGTK (Debian's
// packages, driven as js/test/support/browsers.mjs says), compared byte for byte, as JSON text,
// with the same calls in this Node process (support/vector-calls.mjs). Node loads the opt-level 3
// module and the browsers the size-optimized one, so this also holds the two builds to one
// behaviour. An engine that is not installed is skipped (scripts/setup-browsers.sh installs them).
//
// Needs pkg/ built (bash scripts/build-pkg.sh) and the npm dev tools installed (npm ci).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as lib from '../../pkg/index.js';
import { ENGINES, ENGINE_NAMES, launch, skipEngine } from './support/browsers.mjs';
import { serveStatic } from './support/static-server.mjs';
import { vectorCalls } from './support/vector-calls.mjs';

const VECTORS = new URL('../../tests/vectors/', import.meta.url);
const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json')).sort();
const texts = Object.fromEntries(files.map((f) => [f, readFileSync(new URL(f, VECTORS), 'utf8')]));

let server;
const inNode = {};

before(async () => {
  assert.ok(files.length >= 7, 'the vector files are there');
  for (const f of files) inNode[f] = await vectorCalls(lib, texts[f]);
  server = await serveStatic({
    '/pkg/': fileURLToPath(new URL('../../pkg/', import.meta.url)),
    '/support/': fileURLToPath(new URL('./support/', import.meta.url)),
  });
});

after(() => server?.close());

for (const engine of ENGINES) {
  const skip = skipEngine(engine);
  test(`shared vectors in ${ENGINE_NAMES[engine]}: byte-identical to Node`, { skip, timeout: 180_000 }, async () => {
    const browser = await launch(engine);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      const inPage = await page.evaluate(async (texts) => {
        const lib = await import('/pkg/index.js');
        const { vectorCalls } = await import('/support/vector-calls.mjs');
        const out = {};
        for (const [file, text] of Object.entries(texts)) out[file] = await vectorCalls(lib, text);
        return out;
      }, texts);
      let count = 0;
      for (const f of files) {
        assert.equal(inPage[f].length, inNode[f].length, `${f}: every vector ran`);
        for (let i = 0; i < inNode[f].length; i++) {
          assert.equal(inPage[f][i].name, inNode[f][i].name);
          assert.equal(inPage[f][i].calls, inNode[f][i].calls, `${f}: ${inNode[f][i].name}`);
          count++;
        }
      }
      assert.deepEqual(await page.problems(), []);
      console.log(`# ${ENGINE_NAMES[engine]}: ${count} vectors from ${files.length} files, byte-identical to Node`);
      await page.close();
    } finally {
      await browser.close();
    }
  });
}
