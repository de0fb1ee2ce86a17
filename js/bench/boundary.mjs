// The package's JavaScript wrapper before and after a change, side by side in one Node process
// (issue 14's boundary work): `validateContact` per object and `validateContacts` in batches, on
// Node's fast build and on the browsers' size build, each through the wrapper of this checkout
// (pkg/, made by scripts/build-pkg.sh) and through the wrapper of an earlier commit, next to the
// lean npm stack (js/bench/lean-stack.mjs), on the same parsed objects.
//
//   node js/bench/boundary.mjs (--before-rev 36057dc | --before DIR)
//        [--file target/bench-data/export-100k.ndjson] [--slice 5000] [--rounds 20] [--batch 1000]
//        [--region US] [--json OUT]
//
// The "before" package is either DIR, a whole package (pkg/ as scripts/build-pkg.sh made it at
// an earlier commit: its .wasm files and its wrapper), or pkg/ copied to target/pkg-before/
// with the wrapper's JavaScript files (those of js/ that build-pkg.sh copies, as far as the
// commit has them) taken from `--before-rev`: the same three .wasm files, only the wrapper
// differs. Before timing, every
// object of the file goes through both wrappers on both builds and the results must be deep
// equal (key order included: compared as JSON text). Each round takes the next slice of the
// objects and runs every side once, in an order that rotates from round to round; reported are
// the median µs per contact of each side with the range over the rounds, the median of the
// per-round ratios after/before, and each side's median per-round ratio to the lean stack.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validateContactLean } from './lean-stack.mjs';
import { median, range } from './stats.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const rev = arg('before-rev');
const beforeDir = arg('before');
if (!rev && !beforeDir) throw new Error('usage: node js/bench/boundary.mjs --before-rev REV | --before DIR [--file F] [--slice N] [--rounds N]');
const file = arg('file', `${root}target/bench-data/export-100k.ndjson`);
const region = arg('region', 'US');
const batch = Number(arg('batch', 1000));
const jsonOut = arg('json');

// The before package: a package directory as given, or pkg/ with the wrapper files of `rev`.
const before = beforeDir ? `${beforeDir.startsWith('/') ? '' : root}${beforeDir.replace(/\/?$/, '/')}` : `${root}target/pkg-before/`;
if (!beforeDir) {
  rmSync(before, { recursive: true, force: true });
  cpSync(`${root}pkg/`, before, { recursive: true });
}
const wrapper = {
  '': ['api.js', 'wire.js', 'state.js', 'loader.js', 'index.js', 'manual.js', 'node.js'],
  'import/': ['api.js', 'wire.js', 'state.js', 'loader.js', 'import-api.js', 'node-load.js', 'node.js'],
};
for (const [dir, names] of Object.entries(beforeDir ? {} : wrapper)) {
  for (const name of names) {
    const source = dir === 'import/' && name === 'node.js' ? 'js/import/node.js' : `js/${name}`;
    let text;
    try {
      text = execFileSync('git', ['show', `${rev}:${source}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // not in that commit: the current file stays
    }
    if (existsSync(`${before}${dir}${name}`)) writeFileSync(`${before}${dir}${name}`, text);
  }
}

// Node's fast build through each wrapper (node.js), and the size build (manual.js given the
// browsers' .wasm): four separate instances.
const packages = {};
for (const [side, dir] of [['after', `${root}pkg/`], ['before', before]]) {
  const fast = await import(`${dir}node.js`);
  const size = await import(`${dir}manual.js`);
  await size.init(readFileSync(`${dir}contact_rules_core_bg.wasm`));
  packages[`fast ${side}`] = fast;
  packages[`size ${side}`] = size;
}

const objects = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  try {
    objects.push(JSON.parse(line));
  } catch {
    // not JSON: nothing to validate here
  }
}
const options = { defaultRegion: region };

// The results must not change: every object through every wrapper, compared as JSON text.
for (const build of ['fast', 'size']) {
  const a = packages[`${build} after`];
  const b = packages[`${build} before`];
  const manyA = [];
  const manyB = [];
  for (let i = 0; i < objects.length; i += batch) {
    manyA.push(...a.validateContacts(objects.slice(i, i + batch), options));
    manyB.push(...b.validateContacts(objects.slice(i, i + batch), options));
  }
  objects.forEach((o, i) => {
    const one = JSON.stringify(a.validateContact(o, options));
    if (one !== JSON.stringify(b.validateContact(o, options))) throw new Error(`${build}: validateContact differs on object ${i}`);
    if (JSON.stringify(manyA[i]) !== one || JSON.stringify(manyB[i]) !== one) throw new Error(`${build}: validateContacts differs on object ${i}`);
  });
}
process.stderr.write(`${objects.length} objects: the same results through both wrappers, both builds, both calls\n`);

const sides = {};
for (const name of Object.keys(packages)) {
  const lib = packages[name];
  sides[`${name}: validateContact`] = (list) => {
    let ok = 0;
    for (const p of list) if (lib.validateContact(p, options).ok) ok++;
    return ok;
  };
  sides[`${name}: validateContacts`] = (list) => {
    let ok = 0;
    for (let i = 0; i < list.length; i += batch) {
      for (const r of lib.validateContacts(list.slice(i, i + batch), options)) if (r.ok) ok++;
    }
    return ok;
  };
}
sides['lean stack'] = (list) => {
  let ok = 0;
  for (const p of list) if (validateContactLean(p, options).ok) ok++;
  return ok;
};
const names = Object.keys(sides);

const slice = Math.min(Number(arg('slice', 5000)), objects.length);
const slices = Math.max(1, Math.floor(objects.length / slice));
const rounds = Number(arg('rounds', 20));

const warm = objects.slice(0, Math.min(2000, objects.length));
for (const n of names) sides[n](warm);

const us = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < rounds; r++) {
  const start = (r % slices) * slice;
  const list = objects.slice(start, start + slice);
  const rotated = names.slice(r % names.length).concat(names.slice(0, r % names.length));
  const order = r % 2 === 0 ? rotated : rotated.reverse();
  for (const n of order) {
    const t0 = process.hrtime.bigint();
    sides[n](list);
    us[n].push(Number(process.hrtime.bigint() - t0) / 1e3 / list.length);
  }
  process.stderr.write(`round ${r + 1}/${rounds}: ${names.map((n) => `${n} ${us[n][r].toFixed(2)}`).join(', ')} µs\n`);
}

const perRound = (a, b) => us[a].map((x, i) => x / us[b][i]);
const fmt = ([lo, hi]) => `${lo.toFixed(2)}–${hi.toFixed(2)}`;
const result = { file, objects: objects.length, slice, rounds, batch, node: process.version, beforeRev: rev, before, rows: [] };
console.log(`| build, call | before µs/contact (rounds) | after µs/contact (rounds) | after/before time (rounds) | before vs the lean stack | after vs the lean stack |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const build of ['fast', 'size']) {
  for (const call of ['validateContact', 'validateContacts']) {
    const b = `${build} before: ${call}`;
    const a = `${build} after: ${call}`;
    const row = {
      build,
      call,
      before: median(us[b]),
      beforeRange: range(us[b]),
      after: median(us[a]),
      afterRange: range(us[a]),
      timeRatio: median(perRound(a, b)),
      timeRatioRange: range(perRound(a, b)),
      // Speed relative to the lean stack: its time over ours, per round.
      leanBefore: median(perRound('lean stack', b)),
      leanBeforeRange: range(perRound('lean stack', b)),
      leanAfter: median(perRound('lean stack', a)),
      leanAfterRange: range(perRound('lean stack', a)),
    };
    result.rows.push(row);
    console.log(
      `| ${build === 'fast' ? "Node's fast build" : 'size build'}, \`${call}\` | ${row.before.toFixed(2)} (${fmt(row.beforeRange)}) | ${row.after.toFixed(2)} (${fmt(row.afterRange)}) | ${row.timeRatio.toFixed(3)} (${fmt(row.timeRatioRange)}) | ${row.leanBefore.toFixed(2)}× (${fmt(row.leanBeforeRange)}) | ${row.leanAfter.toFixed(2)}× (${fmt(row.leanAfterRange)}) |`,
    );
  }
}
result.lean = { us: median(us['lean stack']), range: range(us['lean stack']) };
console.log(`| lean stack | ${result.lean.us.toFixed(2)} (${fmt(result.lean.range)}) | | | | |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2));
