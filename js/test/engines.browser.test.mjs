// The shared vectors (tests/vectors/*.json, every file, with each vector's options) through the
// built package in three browser engines, Chromium, Firefox ESR and WebKitGTK (Debian's
// packages, driven as js/test/support/browsers.mjs says), compared byte for byte, as JSON text,
// with the same calls in this Node process (support/vector-calls.mjs). In each engine, through
// both browser entries: index.js (fetches contact_rules_core_bg.wasm) and inline.js (the same
// module inlined). Node (pkg/node.js) loads the opt-level 3 module and the browsers the
// size-optimized one, so this also holds the two builds to one behaviour. An engine that is not
// installed is skipped (scripts/setup-browsers.sh installs them).
//
// Needs pkg/ built (bash scripts/build-pkg.sh) and the npm dev tools installed (npm ci).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as lib from '../../pkg/node.js';
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
      // Each entry in a page of its own: the entries share the package's state (one module per
      // page), so a second entry imported into the same page would reuse the first one's module.
      const ENTRIES = ['index.js', 'inline.js'];
      let count = 0;
      for (const entry of ENTRIES) {
        const page = await browser.newPage();
        await page.goto(`${server.url}/`);
        const inPage = await page.evaluate(
          async (texts, entry) => {
            const lib = await import(`/pkg/${entry}`);
            const { vectorCalls } = await import('/support/vector-calls.mjs');
            const out = {};
            for (const [file, text] of Object.entries(texts)) out[file] = await vectorCalls(lib, text);
            return out;
          },
          texts,
          entry,
        );
        for (const f of files) {
          assert.equal(inPage[f].length, inNode[f].length, `${entry}, ${f}: every vector ran`);
          for (let i = 0; i < inNode[f].length; i++) {
            assert.equal(inPage[f][i].name, inNode[f][i].name);
            assert.equal(inPage[f][i].calls, inNode[f][i].calls, `${entry}, ${f}: ${inNode[f][i].name}`);
            count++;
          }
        }
        assert.deepEqual(await page.problems(), []);
        await page.close();
      }
      console.log(
        `# ${ENGINE_NAMES[engine]}: ${count / ENTRIES.length} vectors from ${files.length} files through ` +
          `${ENTRIES.join(' and ')}, byte-identical to Node`,
      );
    } finally {
      await browser.close();
    }
  });
}
