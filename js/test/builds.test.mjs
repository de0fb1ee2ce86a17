// The package ships the crate compiled three times: contact_rules_core_bg.wasm (opt-level "z",
// without the spreadsheet import: what browsers load for `contact-rules`), with its glue
// contact_rules_core.js; import/contact_rules_import_bg.wasm (the same with the cargo feature
// `import`: `contact-rules/import` in browsers) and contact_rules_core_fast.wasm (opt-level 3,
// with the import: what Node loads), which share import/contact_rules_core.js. All must give the
// same text for every call. Each module is loaded into its own copy of its glue (a query string
// makes Node evaluate the glue module again) and the raw entry points are compared byte for
// byte: generated payloads under several option sets, every string of those payloads through
// each field rule, the shared vectors, and (the two with the import) the export fixtures
// through the CSV import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsOptions } from './support/options.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = new URL('../../pkg/', import.meta.url);
const COUNT = Number(process.env.GENERATED_COUNT ?? 3000);

async function load(glueFile, file) {
  const glue = await import(new URL(`${glueFile}?${file}`, pkg).href);
  glue.initSync({ module: readFileSync(new URL(file, pkg)) });
  return glue;
}
const size = await load('contact_rules_core.js', 'contact_rules_core_bg.wasm');
const sizeImport = await load('import/contact_rules_core.js', 'import/contact_rules_import_bg.wasm');
const fast = await load('import/contact_rules_core.js', 'contact_rules_core_fast.wasm');
const builds = { 'size build': size, 'size build with the import': sizeImport, 'fast build': fast };

test('the three modules are different builds, each loaded into its own glue', () => {
  const files = ['contact_rules_core_bg.wasm', 'import/contact_rules_import_bg.wasm', 'contact_rules_core_fast.wasm'];
  const bytes = files.map((f) => readFileSync(new URL(f, pkg)));
  assert.notDeepEqual(bytes[0], bytes[1]);
  assert.notDeepEqual(bytes[1], bytes[2]);
  assert.notEqual(size.validateJson, sizeImport.validateJson);
  assert.notEqual(sizeImport.validateJson, fast.validateJson);
  assert.equal(size.CsvImport, undefined, 'the browsers\' module has no import');
});

for (const [how, inputType, script] of [
  ['import', 'module', "const m = await import('contact-rules'); console.log(m.validateContact({ email: 'A@B.CO' }).value.email);"],
  ['require', 'commonjs', "const m = require('contact-rules'); console.log(m.validateContact({ email: 'A@B.CO' }).value.email);"],
  ['import of contact-rules/import', 'module', "const m = await import('contact-rules/import'); console.log(m.validateContact({ email: 'A@B.CO' }).value.email);"],
  ['require of contact-rules/import', 'commonjs', "const m = require('contact-rules/import'); console.log(m.validateContact({ email: 'A@B.CO' }).value.email);"],
  ['import of both', 'module', "await import('contact-rules'); const m = await import('contact-rules/import'); console.log(m.validateContact({ email: 'A@B.CO' }).value.email);"],
]) {
  test(`in Node the package (${how}) reads contact_rules_core_fast.wasm, and no other .wasm`, () => {
    // A preloaded script records every path given to fs's readFileSync and fs/promises' readFile.
    const dir = mkdtempSync(join(tmpdir(), 'contact-rules-'));
    const preload = join(dir, 'record-reads.cjs');
    writeFileSync(
      preload,
      [
        "const fs = require('node:fs');",
        "const fsp = require('node:fs/promises');",
        'const readFileSync = fs.readFileSync;',
        'const readFile = fsp.readFile;',
        'fs.readFileSync = (p, ...rest) => { process.stderr.write(`read ${p}\\n`); return readFileSync(p, ...rest); };',
        'fsp.readFile = (p, ...rest) => { process.stderr.write(`read ${p}\\n`); return readFile(p, ...rest); };',
        "require('node:module').syncBuiltinESMExports();",
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['--require', preload, `--input-type=${inputType}`, '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'a@b.co\n');
    const wasmReads = run.stderr.split('\n').filter((l) => l.endsWith('.wasm'));
    assert.equal(wasmReads.length, 1, run.stderr);
    assert.match(wasmReads[0], /^read (file:\/\/)?\/.*\/contact_rules_core_fast\.wasm$/);
  });
}

const payloads = execFileSync(
  'cargo',
  ['run', '--quiet', '--example', 'generate', '--', '--seed', '11', '--count', String(COUNT), '--faults', '0.3'],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
)
  .split('\n')
  .filter((l) => l.trim() !== '');

const optionSets = [
  '',
  JSON.stringify({ defaultRegion: 'US' }),
  JSON.stringify({ defaultRegion: 'DE', phoneValidity: 'possible', unknownKeys: 'keep', blank: 'omit' }),
  JSON.stringify({ emailCase: 'preserve_local', domainMode: 'host', laxBooleans: true, deriveDomainFromEmail: true }),
  JSON.stringify({ unknownKeys: 'strip', limits: { textMaxChars: 20, maxTags: 2, maxKeys: 6, maxPayloadBytes: 300 } }),
];

function firstDifference(calls, modules = builds) {
  const [[firstName, first], ...others] = Object.entries(modules);
  for (const args of calls) {
    const a = args.fn(first);
    for (const [name, m] of others) {
      const b = args.fn(m);
      if (a !== b) return `${args.what}\n  ${firstName}: ${a}\n  ${name}: ${b}`;
    }
    assert.ok(!a.startsWith('{"misuse"'), `${args.what}: ${a}`);
  }
  return null;
}

for (const options of optionSets) {
  test(`${payloads.length} generated payloads, options ${options || '(none)'}: same result text`, () => {
    const calls = payloads.map((p, i) => ({ what: `payload ${i}: ${p}`, fn: (m) => m.validateJson(p, options) }));
    calls.push({ what: 'all payloads in one array', fn: (m) => m.validateManyJson(`[${payloads.join(',')}]`, options) });
    assert.equal(firstDifference(calls), null);
  });
}

test('every string of the generated payloads through every field rule: same result text', () => {
  const strings = new Set();
  for (const p of payloads) {
    let value;
    try {
      value = JSON.parse(p);
    } catch {
      continue; // faulty JSON on purpose
    }
    if (value === null || typeof value !== 'object') continue;
    for (const v of Object.values(value)) {
      if (typeof v === 'string') strings.add(v);
      if (Array.isArray(v)) for (const t of v) if (typeof t === 'string') strings.add(t);
    }
  }
  assert.ok(strings.size > 1000, `${strings.size} strings`);
  const calls = [];
  for (const rule of ['email', 'phone', 'linkedin', 'domain', 'uuid', 'text']) {
    for (const s of strings) {
      calls.push({ what: `${rule} ${JSON.stringify(s)}`, fn: (m) => m.normalizeFieldJson(rule, s, optionSets[1]) });
    }
  }
  assert.equal(firstDifference(calls), null);
});

test('the shared vectors (tests/vectors), with their own options and with region US: same result text', () => {
  const dir = new URL('../../tests/vectors/', import.meta.url);
  const calls = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const c of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) {
      const text = c.input_text ?? JSON.stringify(c.input);
      const own = c.options ? JSON.stringify(jsOptions(c.options)) : '';
      calls.push({ what: `${file}: ${c.name}`, fn: (m) => m.validateJson(text, own) });
      calls.push({ what: `${file}: ${c.name} (US)`, fn: (m) => m.validateJson(text, optionSets[1]) });
    }
  }
  assert.ok(calls.length > 600, `${calls.length} calls`);
  assert.equal(firstDifference(calls), null);
});

test('the export fixtures through the CSV import, in chunks of 64 KiB and of 7 bytes: same text', () => {
  const dir = new URL('../../tests/fixtures/exports/', import.meta.url);
  const calls = [];
  for (const { file } of JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'))) {
    const bytes = new Uint8Array(readFileSync(new URL(file, dir)));
    for (const chunk of [64 * 1024, 7]) {
      calls.push({
        what: `${file} (chunks of ${chunk})`,
        fn: (m) => {
          const imp = new m.CsvImport('');
          const out = [imp.check()];
          for (let at = 0; at < bytes.length; at += chunk) out.push(imp.push(bytes.subarray(at, at + chunk)));
          out.push(imp.finish());
          imp.free();
          return out.join('\n');
        },
      });
    }
    calls.push({ what: `${file}: suggestMappingJson`, fn: (m) => m.suggestMappingJson(JSON.stringify(file.split(/[-.]/)), '') });
  }
  assert.ok(calls.length > 20, `${calls.length} calls`);
  assert.equal(firstDifference(calls, { 'size build with the import': sizeImport, 'fast build': fast }), null);
});
