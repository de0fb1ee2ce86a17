// The package's entry points in Node: `import` and `require` are loaded when they return and
// give the same results; the inlined module is the size build byte for byte; package.json's
// `exports` sends each environment to its entry (checked with esbuild's resolver, which reads
// conditions as every bundler does; js/fixtures/ runs the real tools).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esm from 'contact-rules';
import { jsOptions } from './support/options.mjs';

const require = createRequire(import.meta.url);
const pkgDir = new URL('../../pkg/', import.meta.url);

test('import: loaded when the import returns', async () => {
  assert.equal(esm.isReady(), true);
  assert.equal(esm.init(), esm.ready);
  assert.equal(await esm.ready, undefined);
});

test('require: loaded when require returns, the same API and results as import', () => {
  const cjs = require('contact-rules');
  assert.equal(require.resolve('contact-rules'), fileURLToPath(new URL('node.cjs', pkgDir)));
  assert.equal(cjs.isReady(), true);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  const dir = new URL('../../tests/vectors/', import.meta.url);
  let compared = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const c of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) {
      if (c.text_only) continue;
      const payload = 'input' in c ? c.input : JSON.parse(c.input_text);
      for (const options of [jsOptions(c.options), { defaultRegion: 'US' }]) {
        assert.equal(JSON.stringify(cjs.validateContact(payload, options)), JSON.stringify(esm.validateContact(payload, options)));
        compared += 1;
      }
    }
  }
  assert.ok(compared > 300, `${compared} payloads compared`);
  const s = cjs.contactSchema['~standard'].validate({ email: 'A@B.CO' });
  assert.deepEqual(s, { value: { email: 'a@b.co' } });
});

test('the inlined module is contact_rules_core_bg.wasm byte for byte', () => {
  const text = readFileSync(new URL('contact_rules_core_inline.js', pkgDir), 'utf8');
  const b64 = /export default "([A-Za-z0-9+/=]+)";/.exec(text)[1];
  assert.deepEqual(Buffer.from(b64, 'base64'), readFileSync(new URL('contact_rules_core_bg.wasm', pkgDir)));
});

test('exports: each environment gets its entry', async () => {
  const esbuild = await import('esbuild');
  const resolveWith = async (options) => {
    const out = await esbuild.build({
      stdin: { contents: "import 'contact-rules';", resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      ...options,
    });
    // The entry files in the bundle (node_modules/contact-rules links to pkg/).
    return Object.keys(out.metafile.inputs)
      .map((f) => /(?:^|\/)(?:pkg|contact-rules)\/(index\.js|inline\.js|node\.js|node\.cjs)$/.exec(f)?.[1])
      .filter(Boolean);
  };
  // esbuild sets no `production` condition: the inlined module.
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm' }), ['inline.js']);
  // Vite, webpack and Next.js production builds set `browser` and `production`: the .wasm next
  // to index.js.
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm', conditions: ['production'] }), ['index.js']);
  // Rollup's node-resolve sets `production` without `browser`: inlined (Rollup copies no asset).
  assert.deepEqual(await resolveWith({ platform: 'neutral', format: 'esm', mainFields: ['module', 'main'], conditions: ['production'] }), ['inline.js']);
  // Dev servers set `development`: inlined (no asset to lose in pre-bundling).
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm', conditions: ['development'] }), ['inline.js']);
  // Node and server bundles (`node`), ESM and CommonJS.
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'] }), ['node.js']);
  // Next.js route handlers and server components (`react-server`): Node's entry.
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'], conditions: ['react-server', 'production'] }), ['node.js']);
  // Other bundled server code (`node` with `production`: Next.js server rendering of client
  // components, where `new URL(…, import.meta.url)` is a browser URL): inlined.
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'], conditions: ['production'] }), ['inline.js']);
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'cjs', external: ['node:*'], stdin: { contents: "require('contact-rules');", resolveDir: fileURLToPath(new URL('.', import.meta.url)) } }), ['node.cjs']);
  // Jest's jsdom environment resolves `browser` + `require`: still Node's CommonJS entry.
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'cjs', external: ['node:*'], stdin: { contents: "require('contact-rules');", resolveDir: fileURLToPath(new URL('.', import.meta.url)) } }), ['node.cjs']);
  // No entry a browser resolves imports anything from node:.
  for (const entry of ['index.js', 'inline.js']) {
    const out = await esbuild.build({ entryPoints: [fileURLToPath(new URL(entry, pkgDir))], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
    assert.deepEqual(Object.keys(out.metafile.inputs).filter((f) => f.startsWith('node:')), [], entry);
  }
});
