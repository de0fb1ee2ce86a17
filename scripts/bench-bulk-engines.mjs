#!/usr/bin/env node
// The demo's bulk page in three browser engines: the 5,000-row sample ("Check a sample file")
// checked in a fresh page (cold: the bulk worker and its validator workers start and load the
// package) and once more in the same page (warm), each engine N times, medians printed. The time
// is the page's own figure ("checked in N ms", measured in the bulk worker from the file's
// arrival to the last result), plus the wall time from the click to the drawn results.
//
//   node scripts/bench-bulk-engines.mjs [--runs N] [--validators LIST] [--engines LIST]
//     --runs        runs per engine and setting (default 5)
//     --validators  comma-separated ?validators= values; "default" leaves it out, so the page
//                   picks by navigator.hardwareConcurrency (default: "default,0")
//     --engines     chromium,firefox,webkit (default: all installed)
//
// Needs pkg/ built and the browsers installed (scripts/setup-browsers.sh). A benchmark, never a
// test: it asserts nothing about speed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINES, ENGINE_NAMES, launch, skipEngine } from '../js/test/support/browsers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('runs', '5'));
const settings = opt('validators', 'default,0').split(',');
const engines = opt('engines', ENGINES.join(',')).split(',').filter((e) => {
  const skip = skipEngine(e);
  if (skip) console.error(`# ${e}: skipped (${skip})`);
  return !skip;
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const www = fileURLToPath(new URL('../www/', import.meta.url));
const server = spawn(process.execPath, [`${www}serve.mjs`, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseUrl = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (c) => {
    out += c;
    const m = /(http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
});

/** One check of the sample; resolves to {ms (the page's), wall, validators}. */
async function sample(page) {
  const t0 = Date.now();
  await page.click('#bulk-sample');
  await page.waitFor(() => document.body.dataset.bulk === 'done' || document.body.dataset.bulk === 'failed', undefined, {
    timeout: 120_000,
  });
  const wall = Date.now() - t0;
  const status = await page.text('#bulk-status');
  const m = /checked in ([\d,]+) ms(?: by (\d+) validator)?/.exec(status);
  if (!m) throw new Error(`unexpected status: ${status}`);
  await page.evaluate(() => {
    document.body.dataset.bulk = '';
  });
  return { ms: Number(m[1].replace(/,/g, '')), wall, validators: Number(m[2] ?? 0) };
}

// Rounds interleave the engines and settings, so that a change in the machine's load (it is
// shared) falls on all of them alike rather than on one.
const browsers = {};
const results = new Map(); // "engine query" -> {engine, query, cores, used, cold: [], warm: []}
try {
  for (const engine of engines) browsers[engine] = await launch(engine);
  for (let round = 0; round < runs; round++) {
    for (const engine of engines) {
      for (const setting of settings) {
        const query = setting === 'default' ? '' : `?validators=${setting}`;
        const key = `${engine} ${query}`;
        if (!results.has(key)) results.set(key, { engine, query, cores: null, used: null, cold: [], warm: [] });
        const r = results.get(key);
        const page = await browsers[engine].newPage();
        try {
          await page.goto(baseUrl + query);
          await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
          r.cores ??= await page.evaluate(() => navigator.hardwareConcurrency);
          const a = await sample(page);
          const b = await sample(page);
          r.used = a.validators;
          r.cold.push(a);
          r.warm.push(b);
        } finally {
          await page.close();
        }
      }
    }
    console.error(`# round ${round + 1} of ${runs} done`);
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  server.kill();
}

const rows = [...results.values()].map((r) => ({
  engine: ENGINE_NAMES[r.engine],
  query: r.query || '(default)',
  hardwareConcurrency: r.cores,
  validators: r.used,
  coldMs: median(r.cold.map((x) => x.ms)),
  coldWall: median(r.cold.map((x) => x.wall)),
  warmMs: median(r.warm.map((x) => x.ms)),
  coldBest: Math.min(...r.cold.map((x) => x.ms)),
  coldRuns: r.cold.map((x) => x.ms),
}));

console.log(`\n5,000-row sample, median of ${runs} runs (ms; "cold" = first check in a fresh page)\n`);
console.log('| engine | page | cores reported | validator workers | cold, page figure | cold, wall | cold, best run | warm, page figure | cold runs |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.engine} | ${r.query} | ${r.hardwareConcurrency} | ${r.validators} | ${r.coldMs} | ${r.coldWall} | ${r.coldBest} | ${r.warmMs} | ${r.coldRuns.join(' ')} |`,
  );
}
