// The command line next to the npm stacks over the same NDJSON file, as commands, interleaved:
// `contact-rules check --region US --jobs 1` and `--jobs 2` (output to /dev/null), and
// js/bench/stack-file.mjs (Node: read, JSON.parse each line, validate, write NDJSON to
// /dev/null) with the lean stack and, unless `--no-zod`, the Zod one. The one-core sides run
// pinned to the same CPU (taskset). With two CPUs or more, a control side runs too: two
// `--jobs 1` processes at once, each on half the file and pinned to its own CPU, timed until
// both end: what two CPUs of this machine give at that moment, without any pipeline, to read
// `--jobs 2`'s ratio against. Each round runs them in an order that rotates; reported are the
// median wall-clock rates and the median of the per-round ratios. Then the peak
// resident memory (`/usr/bin/time -f %M`) of `contact-rules check` (all cores) over each
// `--rss-file`, to show it stays flat as the file grows. With `--before BIN` (an earlier
// build, copied aside), its `--jobs 1` and `--jobs 2` join the rotation, so that a change is
// judged against its base in the same run and conditions.
//
//   node js/bench/cli.mjs --bin target/release/contact-rules --file F [--rounds 5] [--no-zod]
//        [--before BIN] [--rss-file F1 --rss-file F2 ...] [--json OUT]
import { openSync, closeSync, readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, range } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv;
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i > 0 ? argv[i + 1] : fallback;
};
const args = (name) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));

const bin = arg('bin', 'target/release/contact-rules');
const file = arg('file', 'target/bench-data/payloads-100k.ndjson');
const rounds = Number(arg('rounds', 5));
const jsonOut = arg('json');
const before = arg('before');

// The records (non-blank lines) of a file's bytes.
function countRecords(buf) {
  let n = 0;
  let blank = true;
  for (const b of buf) {
    if (b === 10) {
      if (!blank) n++;
      blank = true;
    } else if (b !== 32 && b !== 13 && b !== 9) blank = false;
  }
  return blank ? n : n + 1;
}

const devnull = openSync('/dev/null', 'w');
function timed(cmd, cmdArgs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { stdio: ['ignore', devnull, 'pipe'], maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  // Exit status 1 means "some records invalid": expected with faulty payloads.
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return s;
}

// "One core" means one: both one-core sides are pinned to the same CPU with taskset when it is
// there (Node would otherwise spread its garbage collector and compiler threads over the
// other core, and the command line's --jobs 1 still reads, validates and writes on one thread).
const cpu = String(Math.max(0, availableParallelism() - 1));
const pinned = spawnSync('taskset', ['-c', cpu, 'true']).status === 0;
const oneCore = (cmd, cmdArgs) => (pinned ? timed('taskset', ['-c', cpu, cmd, ...cmdArgs]) : timed(cmd, cmdArgs));

// The control's two halves: the file's bytes cut at the line boundary nearest their middle,
// in a temporary directory that goes when this process exits.
function halves(buf) {
  let cut = buf.indexOf(10, buf.length >> 1);
  cut = cut < 0 ? buf.length : cut + 1;
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  const parts = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')];
  writeFileSync(parts[0], buf.subarray(0, cut));
  writeFileSync(parts[1], buf.subarray(cut));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return parts;
}
function finished(cmd, cmdArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', devnull, 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} failed (${code})`))));
  });
}
const data = readFileSync(file);
const records = countRecords(data);
// The halves run on the one-core sides' CPU and the one before it.
const control = pinned && availableParallelism() >= 2 ? halves(data) : null;
async function twoHalves() {
  const t0 = process.hrtime.bigint();
  await Promise.all(
    control.map((part, i) =>
      finished('taskset', ['-c', String(Number(cpu) - 1 + i), bin, 'check', '--region', 'US', '--jobs', '1', '--no-progress', part]),
    ),
  );
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const sides = {
  'cli 1 core': () => oneCore(bin, ['check', '--region', 'US', '--jobs', '1', '--no-progress', file]),
  'cli 2 cores': () => timed(bin, ['check', '--region', 'US', '--jobs', '2', '--no-progress', file]),
  'lean stack (node)': () => oneCore(process.execPath, [join(here, 'stack-file.mjs'), file, '--region', 'US', '--stack', 'lean']),
};
if (control) sides['2 × cli 1 core, half each'] = twoHalves;
if (before) {
  sides['before: cli 1 core'] = () => oneCore(before, ['check', '--region', 'US', '--jobs', '1', '--no-progress', file]);
  sides['before: cli 2 cores'] = () => timed(before, ['check', '--region', 'US', '--jobs', '2', '--no-progress', file]);
}
if (!argv.includes('--no-zod')) {
  sides['npm stack (node)'] = () => oneCore(process.execPath, [join(here, 'stack-file.mjs'), file, '--region', 'US', '--stack', 'zod']);
}
const names = Object.keys(sides);
const rates = Object.fromEntries(names.map((n) => [n, []]));
const ratio1 = [];
const ratioLean = [];
const ratio2 = [];
const ratio2Before = [];
const ratioHalves = [];
const ratioVsHalves = [];
const ratio1Before = [];
for (let r = 0; r < rounds; r++) {
  const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
  const round = {};
  for (const n of order) {
    round[n] = records / (await sides[n]());
    rates[n].push(round[n]);
  }
  if (round['npm stack (node)']) ratio1.push(round['cli 1 core'] / round['npm stack (node)']);
  ratioLean.push(round['cli 1 core'] / round['lean stack (node)']);
  ratio2.push(round['cli 2 cores'] / round['cli 1 core']);
  if (control) {
    ratioHalves.push(round['2 × cli 1 core, half each'] / round['cli 1 core']);
    ratioVsHalves.push(round['cli 2 cores'] / round['2 × cli 1 core, half each']);
  }
  if (before) {
    ratio2Before.push(round['before: cli 2 cores'] / round['before: cli 1 core']);
    ratio1Before.push(round['cli 1 core'] / round['before: cli 1 core']);
  }
  process.stderr.write(
    `round ${r + 1}/${rounds}: ${names.map((n) => `${n} ${Math.round(round[n]).toLocaleString('en-US')}/s`).join(', ')}\n`,
  );
}
closeSync(devnull);

function peakRss(path) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', bin, 'check', '--region', 'US', '--no-progress', '-o', '/dev/null', path], {
    encoding: 'utf8',
  });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb * 1024 : null;
}
const rss = args('rss-file').map((path) => ({ file: path, records: countRecords(readFileSync(path)), bytes: peakRss(path) }));

const result = {
  file,
  records,
  rounds,
  rate: Object.fromEntries(names.map((n) => [n, median(rates[n])])),
  ratio: { cliVsLean: median(ratioLean), cliVsStack: ratio1.length ? median(ratio1) : null, twoVsOne: median(ratio2) },
  ratioRange: { cliVsLean: range(ratioLean), cliVsStack: ratio1.length ? range(ratio1) : null, twoVsOne: range(ratio2) },
  control: control
    ? {
        halvesVsOne: median(ratioHalves),
        halvesVsOneRange: range(ratioHalves),
        twoVsHalves: median(ratioVsHalves),
        twoVsHalvesRange: range(ratioVsHalves),
      }
    : null,
  before: before
    ? {
        bin: before,
        twoVsOne: median(ratio2Before),
        twoVsOneRange: range(ratio2Before),
        oneCoreVsBefore: median(ratio1Before),
        oneCoreVsBeforeRange: range(ratio1Before),
      }
    : null,
  rss,
  pinnedCpu: pinned ? Number(cpu) : null,
};
const f = (n) => Math.round(n).toLocaleString('en-US');
console.log(`| command over ${f(records)} payloads | median contacts/s |`);
console.log('|---|---:|');
for (const n of names) console.log(`| ${n} | ${f(result.rate[n])} |`);
console.log(
  `\ncli 1 core / lean stack: ${result.ratio.cliVsLean.toFixed(2)}×` +
    (result.ratio.cliVsStack === null ? '' : `; cli 1 core / npm stack (Zod): ${result.ratio.cliVsStack.toFixed(2)}×`) +
    `; cli 2 cores / 1 core: ${result.ratio.twoVsOne.toFixed(2)}×`,
);
if (control) {
  const r = result.control;
  console.log(
    `2 × cli 1 core, half each / 1 core: ${r.halvesVsOne.toFixed(2)}× (rounds ${r.halvesVsOneRange.map((x) => x.toFixed(2)).join('–')}×); ` +
      `cli 2 cores / that: ${r.twoVsHalves.toFixed(3)} (rounds ${r.twoVsHalvesRange.map((x) => x.toFixed(3)).join('–')})`,
  );
}
if (before) {
  const [lo, hi] = result.before.twoVsOneRange;
  const [lo1, hi1] = result.before.oneCoreVsBeforeRange;
  console.log(
    `before (${before}): cli 2 cores / 1 core ${result.before.twoVsOne.toFixed(2)}× (rounds ${lo.toFixed(2)}–${hi.toFixed(2)}×), ` +
      `after ${result.ratio.twoVsOne.toFixed(2)}× (rounds ${result.ratioRange.twoVsOne.map((x) => x.toFixed(2)).join('–')}×); ` +
      `cli 1 core after / before ${result.before.oneCoreVsBefore.toFixed(3)} (rounds ${lo1.toFixed(3)}–${hi1.toFixed(3)})`,
  );
}
for (const r of rss) console.log(`peak RSS over ${f(r.records)} payloads: ${r.bytes === null ? 'n/a' : `${(r.bytes / 1048576).toFixed(1)} MiB`}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2));
