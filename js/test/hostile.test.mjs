// Hostile values at the JavaScript boundary, in Node: the shared cases of hostile-cases.mjs
// (also run in Chromium by hostile.browser.test.mjs), plus values only Node has.
// Every case: a TypeError ("contact-rules: ...") or an issue, never a trap, a hang or a change
// to Object.prototype; the package keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'contact-rules';
import { cases, runCase } from './hostile-cases.mjs';

for (const c of cases) {
  test(`hostile: ${c.name}`, () => {
    const r = runCase(lib, c);
    assert.deepEqual(r.problems, [], `${c.name} (${r.ms} ms)`);
  });
}

test('hostile (Node): Buffer and SharedArrayBuffer are refused', () => {
  for (const v of [Buffer.from('{"email":"jane@acme.com"}'), { email: 'jane@acme.com', tags: new SharedArrayBuffer(8) }]) {
    const r = runCase(lib, { name: 'node value', run: (l) => l.validateContact(v), want: 'TypeError' });
    assert.deepEqual(r.problems, []);
  }
});

test('hostile (Node): every case leaves the global object as it found it', () => {
  const before = Object.getOwnPropertyNames(globalThis).sort().join();
  for (const c of cases) runCase(lib, c);
  assert.equal(Object.getOwnPropertyNames(globalThis).sort().join(), before);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal(Object.prototype.email, undefined);
});
