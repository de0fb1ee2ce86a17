// Where the time of the package's calls goes in Node (issue 14): a CPU profile (node:inspector)
// of `validateContact` per object, or `validateContacts` in batches, over export-shaped
// payloads, with each sample put in one of: the WebAssembly rules, the wrapper's serializing
// (toJson, its scan and replacer), parsing the results (fromWire's JSON.parse), copying the
// text in and out of WebAssembly memory (the glue's string passing, TextEncoder/TextDecoder),
// garbage collection, and the rest (the loop, the wrapper's own code).
//
//   node js/bench/profile.mjs [--pkg pkg/] [--call validateContact|validateContacts]
//        [--file target/bench-data/export-100k.ndjson] [--count 20000] [--repeat 5]
//
// `--pkg target/pkg-before/` profiles the wrapper of an earlier commit (js/bench/boundary.mjs
// makes that copy). Only the calls are counted, not reading the file. The µs per contact are
// those of the profiled run (the profiler costs a little).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = arg('pkg', 'pkg/');
const call = arg('call', 'validateContact');
const file = arg('file', `${root}target/bench-data/export-100k.ndjson`);
const count = Number(arg('count', 20000));
const repeat = Number(arg('repeat', 5));
const lib = await import(pathToFileURL(`${dir.startsWith('/') ? '' : root}${dir.replace(/\/?$/, '/')}node.js`).href);

const objects = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (objects.length >= count) break;
  if (line.trim() === '') continue;
  try {
    objects.push(JSON.parse(line));
  } catch {
    // not JSON: nothing to validate here
  }
}
const options = { defaultRegion: 'US' };
const run = () => {
  if (call === 'validateContacts') {
    for (let i = 0; i < objects.length; i += 1000) lib.validateContacts(objects.slice(i, i + 1000), options);
  } else {
    for (const o of objects) lib.validateContact(o, options);
  }
};
run(); // warm

// The profile is taken by `node --cpu-prof` (in-process profiling through node:inspector slowed
// the calls down by a third here): this script runs itself again under it, and only the samples
// taken inside measured() count.
function measured() {
  for (let r = 0; r < repeat; r++) run();
}
if (process.argv.includes('--child')) {
  const t0 = process.hrtime.bigint();
  measured();
  writeFileSync(`${arg('dir')}/us`, String(Number(process.hrtime.bigint() - t0) / 1e3 / objects.length / repeat));
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'contact-rules-profile-'));
const child = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', tmp, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--child', '--dir', tmp], { stdio: 'inherit' });
if (child.status !== 0) throw new Error('the profiled run failed');
const us = Number(readFileSync(`${tmp}/us`, 'utf8'));
const profile = JSON.parse(readFileSync(join(tmp, readdirSync(tmp).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
rmSync(tmp, { recursive: true });

const SERIALIZE = new Set(['toJson', 'toJsonGeneral', 'guard', 'bounded', 'plain', 'scan', 'wellFormed']);
const COPY = new Set(['passStringToWasm0', 'encodeInto', 'decode', 'decodeUTF8', 'decodeText', 'getStringFromWasm0', 'getUint8ArrayMemory0']);
function category(frame) {
  const { functionName: name, url } = frame;
  if (url.startsWith('wasm://') || /^\$?wasm-function\[/.test(name)) return 'WebAssembly (the rules)';
  if (SERIALIZE.has(name) && url.endsWith('wire.js')) return 'serializing the payload (toJson; validateContacts: also its batch text)';
  // validateContacts' flush: the batch's JSON.stringify (after) or join (before).
  if (name === 'flush' && url.endsWith('api.js')) return 'serializing the payload (toJson; validateContacts: also its batch text)';
  if (name === 'fromWire' && url.endsWith('wire.js')) return 'parsing the result (JSON.parse)';
  if (COPY.has(name)) return 'copying text in and out (glue, TextEncoder/TextDecoder)';
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)' || name === '(program)') return null;
  return 'the rest (loop, wrapper, glue calls)';
}
// Samples inside measured() only; garbage collection and the like are not below any frame, so
// they count when taken between the first and the last sample inside measured().
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const inside = (id) => {
  for (let at = id; at !== undefined; at = parent.get(at)) if (byId.get(at).callFrame.functionName === 'measured') return true;
  return false;
};
const insideAt = profile.samples.map(inside);
const first = insideAt.indexOf(true);
const last = insideAt.lastIndexOf(true);
const kept = new Map();
profile.samples.forEach((id, i) => {
  const unattached = byId.get(id).callFrame.functionName.startsWith('(');
  if (i >= first && i <= last && (insideAt[i] || unattached)) kept.set(id, (kept.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const shares = new Map();
let total = 0;
for (const node of profile.nodes) {
  const c = category(node.callFrame);
  const t = kept.get(node.id) ?? 0;
  if (c === null || t === 0) continue;
  shares.set(c, (shares.get(c) ?? 0) + t);
  total += t;
}
console.log(`${call}, ${dir}: ${us.toFixed(2)} µs per contact over ${objects.length} x ${repeat}`);
for (const [c, t] of [...shares.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${(us * t / total).toFixed(2).padStart(6)} µs  ${c}`);
}
