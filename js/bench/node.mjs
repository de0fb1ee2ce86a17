// Node benchmark: the npm package next to the lean npm stack (js/bench/lean-stack.mjs: the
// libraries called directly) and the Zod one (js/bench/npm-stack.mjs), on the SAME parsed
// objects, interleaved in one process; also the browsers' size build of the package
// (contact_rules_core_bg.wasm in its own copy of the glue), for reference.
//
//   node js/bench/node.mjs --file target/bench-data/payloads-100k.ndjson [--slice 10000]
//        [--rounds 10] [--batch 1000] [--region US] [--json OUT]
//
// The file is read and parsed once (JSON.parse of each line; lines that are not JSON are
// skipped). Each round takes the next slice of the objects and runs the three sides on it, in
// an order that rotates from round to round: `validateContact` per object, `validateContacts`
// on batches of `--batch` objects, the same two on the size build, and each stack per object.
// Reported: the median contacts per second of each side and the median of the per-round
// ratios to the lean stack and to the Zod stack (a ratio measured within one round is robust
// to the machine's load).
import { readFileSync, writeFileSync } from 'node:fs';
import { validateContact, validateContacts } from '../../pkg/node.js';
import { validateContactStack } from './npm-stack.mjs';
import { validateContactLean } from './lean-stack.mjs';

// The size build (what browsers load) through the package's own wrapper: the manual entry
// (pkg/manual.js, with its own copies of api.js and the glue) given the browsers' .wasm.
const size = await import(new URL('../../pkg/manual.js', import.meta.url).href);
await size.init(readFileSync(new URL('../../pkg/contact_rules_core_bg.wasm', import.meta.url)));
import { median, range } from './stats.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const file = arg('file', 'target/bench-data/payloads-100k.ndjson');
const region = arg('region', 'US');
const batch = Number(arg('batch', 1000));
const jsonOut = arg('json');

const objects = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  try {
    objects.push(JSON.parse(line));
  } catch {
    // The command line reports these as invalid_json; here there is nothing to validate.
  }
}
const slice = Math.min(Number(arg('slice', 10000)), objects.length);
const slices = Math.max(1, Math.floor(objects.length / slice));
const rounds = Number(arg('rounds', slices));
const options = { defaultRegion: region };

const sides = {
  validateContact(list) {
    let ok = 0;
    for (const p of list) if (validateContact(p, options).ok) ok++;
    return ok;
  },
  validateContacts(list) {
    let ok = 0;
    for (let i = 0; i < list.length; i += batch) {
      for (const r of validateContacts(list.slice(i, i + batch), options)) if (r.ok) ok++;
    }
    return ok;
  },
  'validateContact (size build)'(list) {
    let ok = 0;
    for (const p of list) if (size.validateContact(p, options).ok) ok++;
    return ok;
  },
  'validateContacts (size build)'(list) {
    let ok = 0;
    for (let i = 0; i < list.length; i += batch) {
      for (const r of size.validateContacts(list.slice(i, i + batch), options)) if (r.ok) ok++;
    }
    return ok;
  },
  'lean stack': (list) => {
    let ok = 0;
    for (const p of list) if (validateContactLean(p, options).ok) ok++;
    return ok;
  },
  'npm stack': (list) => {
    let ok = 0;
    for (const p of list) if (validateContactStack(p, options).ok) ok++;
    return ok;
  },
};
const names = Object.keys(sides);

// Warm-up: every side once over a small slice, so the JIT and the wasm caches are warm.
const warm = objects.slice(0, Math.min(2000, objects.length));
for (const n of names) sides[n](warm);

const rates = Object.fromEntries(names.map((n) => [n, []]));
const accepted = {};
const ours = ['validateContact', 'validateContacts', 'validateContact (size build)', 'validateContacts (size build)'];
const ratios = Object.fromEntries(ours.map((n) => [n, []]));
const leanRatios = Object.fromEntries(ours.map((n) => [n, []]));
for (let r = 0; r < rounds; r++) {
  const start = (r % slices) * slice;
  const list = objects.slice(start, start + slice);
  const order = r % 2 === 0 ? names : [...names].reverse();
  const round = {};
  for (const n of (r % 3 === 0 ? order : order.slice(r % 3).concat(order.slice(0, r % 3)))) {
    const t0 = process.hrtime.bigint();
    accepted[n] = sides[n](list);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    round[n] = list.length / s;
    rates[n].push(round[n]);
  }
  for (const n of Object.keys(ratios)) {
    ratios[n].push(round[n] / round['npm stack']);
    leanRatios[n].push(round[n] / round['lean stack']);
  }
  process.stderr.write(
    `round ${r + 1}/${rounds}: ${names.map((n) => `${n} ${Math.round(round[n]).toLocaleString('en-US')}/s`).join(', ')}\n`,
  );
}

const result = {
  file,
  objects: objects.length,
  slice,
  rounds,
  batch,
  node: process.version,
  rate: Object.fromEntries(names.map((n) => [n, median(rates[n])])),
  ratio: Object.fromEntries(Object.entries(ratios).map(([n, v]) => [n, median(v)])),
  ratioRange: Object.fromEntries(Object.entries(ratios).map(([n, v]) => [n, range(v)])),
  leanRatio: Object.fromEntries(Object.entries(leanRatios).map(([n, v]) => [n, median(v)])),
  leanRatioRange: Object.fromEntries(Object.entries(leanRatios).map(([n, v]) => [n, range(v)])),
  acceptedLastRound: accepted,
};
console.log('| side | median contacts/s | ratio to the lean stack | ratio to the Zod stack |');
console.log('|---|---:|---:|---:|');
for (const n of names) {
  const lean = result.leanRatio[n] === undefined ? (n === 'lean stack' ? '1.00×' : '—') : `${result.leanRatio[n].toFixed(2)}×`;
  const zod = result.ratio[n] === undefined ? (n === 'npm stack' ? '1.00×' : '—') : `${result.ratio[n].toFixed(2)}×`;
  console.log(`| ${n} | ${Math.round(result.rate[n]).toLocaleString('en-US')} | ${lean} | ${zod} |`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2));
