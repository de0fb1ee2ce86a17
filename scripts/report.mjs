// Size and start-up report of the npm package next to the npm stack a form would otherwise
// ship (libphonenumber-js max + validator + tldts + zod), measured side by side in one run.
//
//   node scripts/report.mjs [--json FILE]
//
// Size: each side bundled and minified by esbuild (ES module), gzip -9 (zlib level 9) and
// brotli (quality 11) of the JavaScript plus, for contact-rules, the .wasm file: the main entry
// (what a form downloads), its inlined variant, and `contact-rules/import` (what a page that
// imports spreadsheets downloads instead: the whole API plus the import).
// Start-up: in a fresh Node process and in headless Chromium (playwright-core driving
// /usr/bin/chromium or $CHROMIUM), the time to import/instantiate and then to the first validation result;
// the median of several fresh starts. Needs pkg/ (scripts/build-pkg.sh) and node_modules.
import { build } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../js/bench/stats.mjs';
import { launchChromium } from '../js/test/support/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.REPORT_RUNS ?? 7);
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundle(entry, outdir) {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir,
    external: ['node:fs/promises'],
    logLevel: 'silent',
  });
  return Buffer.concat(r.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => Buffer.from(f.contents)));
}

const work = mkdtempSync(join(tmpdir(), 'contact-rules-report-'));
const stackEntry = join(work, 'stack-entry.mjs');
writeFileSync(stackEntry, `export { validateContactStack } from ${JSON.stringify(join(root, 'js/bench/npm-stack.mjs'))};\n`);
const stackJs = await bundle(stackEntry, work);
const ourJs = await bundle(join(root, 'pkg/index.js'), work);
const wasm = readFileSync(join(root, 'pkg/contact_rules_core_bg.wasm'));
// The entry with the module inlined as base64 (esbuild, Rollup, dev servers): one JS file.
const inlineJs = await bundle(join(root, 'pkg/inline.js'), work);
// `contact-rules/import`'s browser entry with its module (the size build with the import).
const importJs = await bundle(join(root, 'pkg/import/index.js'), work);
const importWasm = readFileSync(join(root, 'pkg/import/contact_rules_import_bg.wasm'));

const size = {
  'contact-rules': { js: ourJs.length, wasm: wasm.length, gzip: gz(ourJs) + gz(wasm), brotli: br(ourJs) + br(wasm), raw: ourJs.length + wasm.length },
  'contact-rules (inline entry)': { js: inlineJs.length, wasm: 0, gzip: gz(inlineJs), brotli: br(inlineJs), raw: inlineJs.length },
  'contact-rules/import': { js: importJs.length, wasm: importWasm.length, gzip: gz(importJs) + gz(importWasm), brotli: br(importJs) + br(importWasm), raw: importJs.length + importWasm.length },
  'npm stack': { js: stackJs.length, wasm: 0, gzip: gz(stackJs), brotli: br(stackJs), raw: stackJs.length },
};

const PAYLOAD = { email: ' Jane.Doe@ACME.com ', phone_number: '(415) 555-2671', domain: 'https://www.acme.co.uk/about', first_name: ' Jane ' };

function nodeStartup(kind) {
  const code =
    kind === 'contact-rules'
      ? `const t0=performance.now();const m=await import(${JSON.stringify(join(root, 'pkg/node.js'))});const t1=performance.now();const r=m.validateContact(${JSON.stringify(PAYLOAD)},{defaultRegion:'US'});const t2=performance.now();if(!r.ok)throw new Error(JSON.stringify(r));console.log(JSON.stringify([t1-t0,t2-t1]));`
      : `const t0=performance.now();const m=await import(${JSON.stringify(join(root, 'js/bench/npm-stack.mjs'))});const t1=performance.now();const r=m.validateContactStack(${JSON.stringify(PAYLOAD)},{defaultRegion:'US'});const t2=performance.now();if(!r.ok)throw new Error(JSON.stringify(r));console.log(JSON.stringify([t1-t0,t2-t1]));`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })));
  }
  return { load: median(samples.map((s) => s[0])), first: median(samples.map((s) => s[1])) };
}

async function chromiumStartup() {
  try {
    await import('playwright-core');
  } catch {
    return null;
  }
  // Serve pkg/ and the stack bundle; each page load is a fresh start (cache disabled).
  const stackFile = join(work, 'stack.js');
  writeFileSync(stackFile, stackJs);
  copyFileSync(join(root, 'pkg/contact_rules_core_bg.wasm'), join(work, 'contact_rules_core_bg.wasm'));
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const files = {
    '/': Buffer.from('<!doctype html><title>startup</title>'),
    '/stack.js': stackJs,
  };
  const server = createServer((req, res) => {
    const url = req.url.split('?')[0];
    let body = files[url];
    if (!body && url.startsWith('/pkg/')) {
      try {
        body = readFileSync(join(root, url));
      } catch {}
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(url)] ?? 'text/html', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const result = {};
  try {
    for (const [kind, url, fn] of [
      ['contact-rules', '/pkg/index.js', 'validateContact'],
      ['npm stack', '/stack.js', 'validateContactStack'],
    ]) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${base}/`);
        samples.push(
          await page.evaluate(
            async ([u, f, p]) => {
              const t0 = performance.now();
              const m = await import(u);
              if (m.ready) await m.ready; // the package's module compiles after its import returns
              const t1 = performance.now();
              const r = m[f](p, { defaultRegion: 'US' });
              const t2 = performance.now();
              if (!r.ok) throw new Error(JSON.stringify(r));
              return [t1 - t0, t2 - t1];
            },
            [`${base}${url}?${i}`, fn, PAYLOAD],
          ),
        );
        await context.close();
      }
      result[kind] = { load: median(samples.map((s) => s[0])), first: median(samples.map((s) => s[1])) };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return result;
}

const startup = {
  node: { 'contact-rules': nodeStartup('contact-rules'), 'npm stack': nodeStartup('npm stack') },
  chromium: await chromiumStartup(),
};

const f = (n) => n.toLocaleString('en-US');
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`\nSize (esbuild --minify, ES module; contact-rules = JS + .wasm)\n`);
console.log('| bundle | JS bytes | .wasm bytes | gzip -9 | brotli 11 |');
console.log('|---|---:|---:|---:|---:|');
for (const [k, v] of Object.entries(size)) console.log(`| ${k} | ${f(v.js)} | ${f(v.wasm)} | ${f(v.gzip)} | ${f(v.brotli)} |`);
const ratio = size['contact-rules'].gzip / size['npm stack'].gzip;
console.log(`\ncontact-rules / npm stack, gzip: ${ratio.toFixed(2)}×`);
console.log(`\nStart-up (median of ${runs} fresh starts)\n`);
console.log('| runtime | bundle | import + instantiate | first result |');
console.log('|---|---|---:|---:|');
for (const [rt, v] of Object.entries(startup)) {
  if (!v) continue;
  for (const [k, t] of Object.entries(v)) console.log(`| ${rt} | ${k} | ${ms(t.load)} | ${ms(t.first)} |`);
}
const outIdx = process.argv.indexOf('--json');
if (outIdx > 0) writeFileSync(process.argv[outIdx + 1], JSON.stringify({ size, startup }, null, 2));
