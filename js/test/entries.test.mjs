// The package's entry points in Node: `import` and `require` are loaded when they return and
// give the same results; the inlined modules are the size builds byte for byte; package.json's
// `exports` sends each environment to its entry, for `contact-rules` and for
// `contact-rules/import` (checked with esbuild's resolver, which reads conditions as every
// bundler does; js/fixtures/ runs the real tools); only the import entries export the import's
// functions, and no entry of `contact-rules` a browser resolves bundles the import module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esm from 'contact-rules';
import * as esmImport from 'contact-rules/import';
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

const IMPORT_FUNCTIONS = ['createCsvImport', 'suggestMapping'];

test('contact-rules/import in Node: the whole API plus the import, the same instance as contact-rules', () => {
  assert.deepEqual(Object.keys(esmImport).sort(), [...Object.keys(esm), ...IMPORT_FUNCTIONS].sort());
  for (const name of IMPORT_FUNCTIONS) assert.equal(esm[name], undefined, `contact-rules exports ${name}`);
  assert.equal(esmImport.isReady(), true);
  assert.equal(esmImport.ready, esm.ready, 'one module instance in Node');
  assert.equal(esmImport.wasmModule(), esm.wasmModule());
  const cjs = require('contact-rules/import');
  assert.equal(require.resolve('contact-rules/import'), fileURLToPath(new URL('import.cjs', pkgDir)));
  assert.equal(cjs.isReady(), true);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esmImport).sort());
  assert.deepEqual(Object.keys(require('contact-rules')).sort(), Object.keys(esm).sort());
  const csv = new TextEncoder().encode('First Name;E-Mail-Adresse\nJane;Jane@Acme.com\n');
  for (const m of [esmImport, cjs]) {
    const imp = m.createCsvImport();
    const rows = [...imp.push(csv).rows, ...imp.finish().rows];
    assert.deepEqual(m.validateContacts(rows.map((r) => r.payload)).map((r) => r.value), [{ email: 'jane@acme.com', first_name: 'Jane' }]);
  }
});

test('the browser entries: only those of contact-rules/import export the import', async () => {
  // (`browser` too, in the bundle test below: in Node its fetch of a file: URL would fail.)
  for (const entry of ['inline', 'manual']) {
    const main = await import(`contact-rules/${entry}`);
    const withImport = await import(`contact-rules/import/${entry}`);
    assert.deepEqual(Object.keys(withImport).sort(), [...Object.keys(main), ...IMPORT_FUNCTIONS].sort(), entry);
    assert.deepEqual(Object.keys(main).sort(), Object.keys(esm).sort(), entry);
    assert.notEqual(withImport.ready, main.ready, `${entry}: each browser entry has its own module`);
  }
});

test('the inlined modules are contact_rules_core_bg.wasm and import/contact_rules_import_bg.wasm byte for byte', () => {
  for (const [inline, wasm] of [
    ['contact_rules_core_inline.js', 'contact_rules_core_bg.wasm'],
    ['import/contact_rules_import_inline.js', 'import/contact_rules_import_bg.wasm'],
  ]) {
    const text = readFileSync(new URL(inline, pkgDir), 'utf8');
    const b64 = /export default "([A-Za-z0-9+/=]+)";/.exec(text)[1];
    assert.deepEqual(Buffer.from(b64, 'base64'), readFileSync(new URL(wasm, pkgDir)), inline);
  }
});

test('the browsers\' module has no import; the import module is it plus the import', () => {
  const exportsOf = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(new URL(file, pkgDir)))).map((e) => e.name);
  const core = exportsOf('contact_rules_core_bg.wasm');
  const withImport = exportsOf('import/contact_rules_import_bg.wasm');
  assert.ok(core.includes('validateJson'));
  assert.deepEqual(core.filter((n) => /csvimport|suggestmapping/i.test(n)), []);
  assert.deepEqual(withImport.filter((n) => !core.includes(n)).sort(), ['__wbg_csvimport_free', 'csvimport_check', 'csvimport_finish', 'csvimport_new', 'csvimport_push', 'suggestMappingJson']);
  assert.deepEqual(exportsOf('contact_rules_core_fast.wasm').sort(), [...withImport].sort(), 'Node\'s module has everything');
});

test('exports: each environment gets its entry', async () => {
  const esbuild = await import('esbuild');
  const resolveWith = async (options, specifier = 'contact-rules') => {
    const out = await esbuild.build({
      stdin: { contents: `import '${specifier}';`, resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      ...options,
    });
    // The entry files in the bundle (node_modules/contact-rules links to pkg/).
    return Object.keys(out.metafile.inputs)
      .map((f) => /(?:^|\/)(?:pkg|contact-rules)\/((?:import\/)?(?:index|inline|node)\.js|node\.cjs|import\.cjs)$/.exec(f)?.[1])
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
  // No entry a browser resolves imports anything from node:, and those of contact-rules bundle
  // nothing of the import (its glue, its API, its module).
  for (const entry of ['index.js', 'inline.js', 'manual.js', 'import/index.js', 'import/inline.js', 'import/manual.js']) {
    const out = await esbuild.build({ entryPoints: [fileURLToPath(new URL(entry, pkgDir))], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
    const inputs = Object.keys(out.metafile.inputs);
    assert.deepEqual(inputs.filter((f) => f.startsWith('node:')), [], entry);
    if (!entry.startsWith('import/')) assert.deepEqual(inputs.filter((f) => f.includes('import')), [], entry);
  }
});

test('exports: contact-rules/import, each environment gets its import entry', async () => {
  const esbuild = await import('esbuild');
  const resolveWith = async (options, code = "import 'contact-rules/import';") => {
    const out = await esbuild.build({
      stdin: { contents: code, resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      ...options,
    });
    return Object.keys(out.metafile.inputs)
      .map((f) => /(?:^|\/)(?:pkg|contact-rules)\/((?:import\/)?(?:index|inline|node|manual)\.js|node\.cjs|import\.cjs)$/.exec(f)?.[1])
      .filter(Boolean);
  };
  const cjs = "require('contact-rules/import');";
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm' }), ['import/inline.js']);
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm', conditions: ['production'] }), ['import/index.js']);
  assert.deepEqual(await resolveWith({ platform: 'neutral', format: 'esm', mainFields: ['module', 'main'], conditions: ['production'] }), ['import/inline.js']);
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm', conditions: ['development'] }), ['import/inline.js']);
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'] }), ['import/node.js']);
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'], conditions: ['react-server', 'production'] }), ['import/node.js']);
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'esm', external: ['node:*'], conditions: ['production'] }), ['import/inline.js']);
  assert.deepEqual(await resolveWith({ platform: 'node', format: 'cjs', external: ['node:*'] }, cjs), ['import.cjs']);
  assert.deepEqual(await resolveWith({ platform: 'browser', format: 'cjs', external: ['node:*'] }, cjs), ['import.cjs']);
  for (const [sub, file] of [['browser', 'import/index.js'], ['inline', 'import/inline.js'], ['manual', 'import/manual.js']]) {
    assert.deepEqual(await resolveWith({ platform: 'browser', format: 'esm' }, `import 'contact-rules/import/${sub}';`), [file]);
  }
});
