// The project's seeded payload generator through both the native API (the command line, which
// calls validate_contact_str) and the npm package in Node: the verdict, the normalized value and
// the issue codes and paths must be identical for every payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validateContacts } from 'contact-rules';

const root = fileURLToPath(new URL('../..', import.meta.url));
const COUNT = Number(process.env.GENERATED_COUNT ?? 3000);
const cargo = (args, input) =>
  execFileSync('cargo', ['run', '--quiet', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 30 });

const brief = (issues) => (issues ?? []).map((i) => `${JSON.stringify(i.path)} ${i.code}`);

for (const region of ['US', null]) {
  test(`${COUNT} generated payloads (faults 0.15, region ${region ?? 'none'}): native and Node agree`, () => {
    const ndjson = cargo(['--example', 'generate', '--', '--seed', '7', '--count', String(COUNT), '--faults', '0.15']);
    const lines = ndjson.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.length, COUNT);
    let native;
    try {
      native = cargo(['--', 'check', '--jobs', '2', '--no-progress', ...(region ? ['--region', region] : [])], ndjson);
    } catch (e) {
      native = e.stdout; // exit 1: some records are invalid
    }
    const nativeResults = native.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
    const nodeResults = validateContacts(lines.map((l) => JSON.parse(l)), region ? { defaultRegion: region } : undefined);
    assert.equal(nativeResults.length, COUNT);
    const diffs = [];
    nativeResults.forEach((n, i) => {
      const m = nodeResults[i];
      const same =
        n.ok === m.ok &&
        JSON.stringify(n.value) === JSON.stringify(m.value) &&
        JSON.stringify(brief(n.errors)) === JSON.stringify(brief(m.errors)) &&
        JSON.stringify(brief(n.warnings)) === JSON.stringify(brief(m.warnings));
      if (!same) diffs.push(`#${i}: native ${JSON.stringify(n)} node ${JSON.stringify(m)}`);
    });
    assert.deepEqual(diffs.slice(0, 5), [], `${diffs.length} of ${COUNT} differ`);
    const valid = nativeResults.filter((r) => r.ok).length;
    assert.ok(valid > 0 && valid < COUNT, 'the generated set has valid and invalid payloads');
  });
}
