// Prints the one table of scripts/bench.sh from the JSON files of the benchmarks: measure,
// ours, the competitor, ratio, target, met. The targets are judged against the lean npm stack
// on the export-shaped file (issue 14); the Zod stack and the mixed file with its giant
// payloads (`--stress-node`, `--stress-cli`) are rows without a target. Criterion's native
// figures (when present) follow as rows without a target.
//
//   node js/bench/table.mjs --node node.json --cli cli.json --report report.json
//        [--stress-node node.json --stress-cli cli.json] [--criterion DIR]
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const load = (name) => {
  const p = arg(name);
  return p && existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
};
const node = load('node');
const cli = load('cli');
const report = load('report');

const n = (x) => Math.round(x).toLocaleString('en-US');
const ratio = (x) => `${x.toFixed(2)}×`;
// A median of per-round ratios, with the lowest and highest round when the run recorded them.
const ratioOfRounds = (x, r) => (r ? `${ratio(x)} (rounds ${r[0].toFixed(2)}–${ratio(r[1])})` : ratio(x));
const yes = (ok) => (ok ? 'yes' : '**no**');
const rows = [];
const row = (measure, ours, stack, r, target, met) => rows.push([measure, ours, stack, r, target, met]);

const TARGET = { validateContact: 1.5, validateContacts: 2 };
function nodeRows(node, label, judged) {
  const build = (side) => (side.endsWith(' (size build)') ? ' (size build)' : '');
  const what = (side) =>
    side.startsWith('validateContacts')
      ? `\`validateContacts${build(side)}\`, batches of ${n(node.batch)}`
      : `\`${side}\` per object`;
  for (const side of ['validateContact', 'validateContacts', 'validateContact (size build)', 'validateContacts (size build)']) {
    if (node.rate[side] === undefined) continue;
    const lean = node.leanRatio?.[side];
    if (lean !== undefined) {
      const target = judged && TARGET[side] ? `≥ ${TARGET[side]}×` : '— (info)';
      const met = judged && TARGET[side] ? yes(lean >= TARGET[side]) : '—';
      row(`Node ${node.node}, ${label}: ${what(side)} vs the lean stack, contacts/s`, n(node.rate[side]), n(node.rate['lean stack']), ratioOfRounds(lean, node.leanRatioRange?.[side]), target, met);
    }
    row(`Node ${node.node}, ${label}: ${what(side)} vs the Zod stack, contacts/s`, n(node.rate[side]), n(node.rate['npm stack']), ratioOfRounds(node.ratio[side], node.ratioRange?.[side]), '— (info)', '—');
  }
}
function cliRows(cli, label, judged) {
  const one = cli.rate['cli 1 core'];
  const pin = cli.pinnedCpu === null || cli.pinnedCpu === undefined ? '' : `, both pinned to CPU ${cli.pinnedCpu}`;
  const job = `\`contact-rules check --region US --jobs 1\` over ${n(cli.records)} payloads, ${label}`;
  if (cli.ratio.cliVsLean !== undefined) {
    row(`${job}, vs the lean stack as a Node script (JSON.parse, NDJSON out${pin}), contacts/s`, n(one), n(cli.rate['lean stack (node)']), ratioOfRounds(cli.ratio.cliVsLean, cli.ratioRange?.cliVsLean), judged ? '≥ 10×' : '— (info)', judged ? yes(cli.ratio.cliVsLean >= 10) : '—');
  }
  if (cli.ratio.cliVsStack !== null && cli.ratio.cliVsStack !== undefined) {
    row(`${job}, vs the Zod stack as a Node script, contacts/s`, n(one), n(cli.rate['npm stack (node)']), ratioOfRounds(cli.ratio.cliVsStack, cli.ratioRange?.cliVsStack), '— (info)', '—');
  }
  row(`\`--jobs 2\` vs \`--jobs 1\`, ${label}, contacts/s`, n(cli.rate['cli 2 cores']), `(1 core: ${n(one)})`, ratioOfRounds(cli.ratio.twoVsOne, cli.ratioRange?.twoVsOne), judged ? '≥ 1.8×' : '— (info)', judged ? yes(cli.ratio.twoVsOne >= 1.8) : '—');
  if (cli.control) {
    const halves = cli.rate['2 × cli 1 core, half each'];
    row(`control: two \`--jobs 1\` processes at once, half the file each, one per CPU (what two CPUs give here), vs \`--jobs 1\`, ${label}, contacts/s`, n(halves), `(1 core: ${n(one)})`, ratioOfRounds(cli.control.halvesVsOne, cli.control.halvesVsOneRange), '— (info)', '—');
    row(`\`--jobs 2\` vs that control, ${label}`, n(cli.rate['cli 2 cores']), n(halves), ratioOfRounds(cli.control.twoVsHalves, cli.control.twoVsHalvesRange), '— (info)', '—');
  }
  for (const r of cli.rss ?? []) {
    const mib = r.bytes / 1048576;
    row(`peak RSS of \`check\` (all cores) over ${n(r.records)} payloads`, `${mib.toFixed(1)} MiB`, '—', '—', '< 100 MiB, flat', r.bytes === null ? 'n/a' : yes(mib < 100));
  }
}
if (node) nodeRows(node, 'export-shaped payloads', true);
if (cli) cliRows(cli, 'export-shaped payloads', true);
const stressNode = load('stress-node');
const stressCli = load('stress-cli');
if (stressNode) nodeRows(stressNode, 'stress: mixed payloads with giant ones', false);
if (stressCli) cliRows(stressCli, 'stress: mixed payloads with giant ones', false);
if (report) {
  const ours = report.size['contact-rules'];
  const stack = report.size['npm stack'];
  // Issue 15: what a browser downloads (the .wasm and the bundled JS of index.js), gzip -9.
  const BUDGET = 230000;
  row('size: what a browser downloads (`.wasm` + bundled JS), gzip -9, bytes (npm stack: this run\'s esbuild bundle)', n(ours.gzip), n(stack.gzip), ratio(ours.gzip / stack.gzip), `≤ ${n(BUDGET)}`, yes(ours.gzip <= BUDGET));
  row('size: brotli 11, bytes', n(ours.brotli), n(stack.brotli), ratio(ours.brotli / stack.brotli), '—', '—');
  const inline = report.size['contact-rules (inline entry)'];
  if (inline) {
    row('size: the inline entry (esbuild, Rollup, dev servers), one JS file, gzip -9 / brotli 11, bytes', `${n(inline.gzip)} / ${n(inline.brotli)}`, `${n(stack.gzip)} / ${n(stack.brotli)}`, ratio(inline.gzip / stack.gzip), '— (info)', '—');
  }
  const withImport = report.size['contact-rules/import'];
  if (withImport) {
    row('size: `contact-rules/import` (the whole API plus the spreadsheet import: pages that import files), `.wasm` + bundled JS, gzip -9 / brotli 11, bytes', `${n(withImport.gzip)} / ${n(withImport.brotli)}`, `${n(stack.gzip)} / ${n(stack.brotli)}`, ratio(withImport.gzip / stack.gzip), '— (info)', '—');
  }
  for (const [rt, v] of Object.entries(report.startup)) {
    if (!v) continue;
    const o = v['contact-rules'];
    const s = v['npm stack'];
    row(`start-up ${rt}: import + instantiate, ms`, o.load.toFixed(1), s.load.toFixed(1), ratio(o.load / s.load), '—', '—');
    row(`start-up ${rt}: first \`validateContact\` after instantiation, ms`, o.first.toFixed(1), s.first.toFixed(1), ratio(o.first / s.first), rt === 'chromium' ? '≤ 50 ms' : '— (info)', rt === 'chromium' ? yes(o.first <= 50) : '—');
  }
}
const critDir = arg('criterion');
if (critDir && existsSync(critDir)) {
  for (const group of ['export', 'payload', 'rule']) {
    const dir = join(critDir, group);
    if (!existsSync(dir)) continue;
    for (const bench of readdirSync(dir).sort()) {
      const bdir = join(dir, bench);
      // `rule/<name>/<count>/new/...` or `payload/<name>/new/...`.
      const subs = existsSync(join(bdir, 'new')) ? [['', bdir]] : readdirSync(bdir).filter((s) => s !== 'report').map((s) => [s, join(bdir, s)]);
      for (const [count, d] of subs) {
        const est = join(d, 'new', 'estimates.json');
        const meta = join(d, 'new', 'benchmark.json');
        if (!existsSync(est) || !existsSync(meta)) continue;
        const ns = JSON.parse(readFileSync(est, 'utf8')).median.point_estimate;
        const tp = JSON.parse(readFileSync(meta, 'utf8')).throughput;
        const elems = tp?.Elements ?? Number(count) ?? 1;
        const per = ns / elems;
        const shape = group === 'export' ? 'export-shaped' : 'mixed';
        const what = group === 'rule' ? `native rule \`${bench}\` (criterion, ${n(elems)} generated inputs)` : `native \`${bench}\` (criterion, ${n(elems)} ${shape} payloads)`;
        row(what, `${n((elems * 1e9) / ns)}/s (${per >= 1000 ? `${(per / 1000).toFixed(2)} µs` : `${per.toFixed(0)} ns`} each)`, '—', '—', '—', '—');
      }
    }
  }
}
console.log('| measure | ours | competitor | ratio | target | met |');
console.log('|---|---:|---:|---:|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
