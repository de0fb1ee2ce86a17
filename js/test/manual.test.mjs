// `contact-rules/manual`: nothing loads until init(source); a compiled WebAssembly.Module (what
// a page posts to its workers) is instantiated without compiling again, and wasmModule() hands
// it back. Run alone in its process (node --test isolates files), so nothing else loaded the
// package first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Compilations of the package's module (over 100 KB; Node's own undici compiles a small one).
let compiles = 0;
const compile = WebAssembly.compile;
WebAssembly.compile = (...args) => {
  if (args[0]?.byteLength > 100_000) compiles += 1; // mutation check
  return compile.apply(WebAssembly, args);
};

const manual = await import('contact-rules/manual');
const bytes = readFileSync(new URL('../../pkg/contact_rules_core_bg.wasm', import.meta.url));

test('nothing loads until init', async () => {
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(manual.isReady(), false);
  assert.throws(() => manual.validateContact({ email: 'a@b.co' }), (e) => {
    assert.equal(e.code, 'ERR_CONTACT_RULES_NOT_READY');
    assert.match(e.message, /with contact-rules\/manual, call init\(\) first/);
    return true;
  });
  assert.throws(() => manual.wasmModule(), { code: 'ERR_CONTACT_RULES_NOT_READY' });
});

test('init(module): instantiated without compiling, handed back by wasmModule()', async () => {
  const module = await compile(bytes);
  const before = compiles;
  const first = manual.init(module);
  assert.equal(manual.init(new Uint8Array([0])), first, 'later calls return the same promise and load nothing');
  await first;
  assert.equal(compiles, before, 'no compilation');
  assert.equal(manual.isReady(), true);
  assert.equal(manual.wasmModule(), module);
  assert.equal(manual.validateContact({ email: ' A@B.CO ' }).value.email, 'a@b.co');
  // The same module instantiated again, as a worker would: a second glue, the same answers.
  const glue = await import(new URL('../../pkg/contact_rules_core.js?worker', import.meta.url).href);
  glue.initSync({ module: manual.wasmModule() });
  assert.equal(glue.validateJson('{"email":" A@B.CO "}', ''), JSON.stringify(manual.validateContact({ email: ' A@B.CO ' })));
});

test('the other entries load by themselves: init(source) there is misuse', async () => {
  const auto = await import('contact-rules/inline');
  assert.throws(() => auto.init(bytes), (e) => e instanceof TypeError && /contact-rules\/manual/.test(e.message));
  assert.equal(auto.init(), auto.ready);
});
