// The shared vectors (tests/vectors/*.json) through the built npm package in Node.
// The same files run natively (cargo test) and in Chromium (wasm-pack test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validateContact } from 'contact-rules';
import { jsOptions } from './support/options.mjs';

const dir = new URL('../../tests/vectors/', import.meta.url);

const brief = (issues) => issues.map((i) => ({ path: i.path, code: i.code }));

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
assert.ok(files.length > 0, 'vector files exist');

for (const file of files) {
  const cases = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  for (const c of cases) {
    test(`${file}: ${c.name}`, () => {
      const options = jsOptions(c.options);
      // `input_text` is JSON text for the Rust API; in JavaScript a payload is a value, so
      // those cases run through JSON.parse, except the ones marked `text_only` (invalid JSON,
      // numbers a JavaScript number cannot hold), which only the text APIs can receive.
      if (c.text_only) return;
      const payload = 'input' in c ? c.input : JSON.parse(c.input_text);
      const r = validateContact(payload, options);
      if ('output' in c) {
        assert.equal(r.ok, true, JSON.stringify(r.errors));
        assert.equal(JSON.stringify(r.value), JSON.stringify(c.output));
        assert.deepEqual(r.errors, []);
        const again = validateContact(r.value, options);
        assert.equal(JSON.stringify(again.value), JSON.stringify(r.value), 'idempotent');
      } else {
        assert.equal(r.ok, false);
        assert.equal('value' in r, false);
        assert.deepEqual(brief(r.errors), brief(c.errors));
      }
      assert.deepEqual(brief(r.warnings), brief(c.warnings ?? []));
    });
  }
}
