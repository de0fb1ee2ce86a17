// The browser entries when the module cannot be loaded (a bundler that did not copy the .wasm, a
// network error): `ready` rejects with ERR_CONTACT_RULES_LOAD_FAILED and the reason, the
// synchronous functions say the same, and the Standard Schema object's promise rejects. In Node,
// `contact-rules/inline` (and `contact-rules/import/inline`) with WebAssembly.instantiate failing
// stands in for a failed fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Only the package's module (wasm-bindgen's imports name its glue), not Node's own (undici's).
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  if (!(args[1] && './contact_rules_core_bg.js' in args[1])) return instantiate.apply(WebAssembly, args);
  throw new WebAssembly.CompileError('expected magic word 00 61 73 6d, found 3c 21 64 6f');
};

const pkg = await import('contact-rules/inline');
pkg.ready.catch(() => {}); // asserted below; handled now, as it rejects while the next import loads
const withImport = await import('contact-rules/import/inline');
withImport.ready.catch(() => {});
const early = pkg.contactSchema['~standard'].validate({ email: 'jane@acme.com' });
early.catch(() => {}); // asserted below; handled now so Node does not report it as unhandled

test('ready rejects with the reason', async () => {
  await assert.rejects(pkg.ready, (e) => {
    assert.equal(e.code, 'ERR_CONTACT_RULES_LOAD_FAILED');
    assert.match(e.message, /could not be loaded: expected magic word/);
    assert.ok(e.cause instanceof WebAssembly.CompileError);
    return true;
  });
  assert.equal(pkg.isReady(), false);
});

test('calls made before and after the failure say so', async () => {
  await assert.rejects(early, { code: 'ERR_CONTACT_RULES_LOAD_FAILED' });
  assert.throws(() => pkg.validateContact({ email: 'jane@acme.com' }), (e) => {
    assert.equal(e.code, 'ERR_CONTACT_RULES_LOAD_FAILED');
    assert.match(e.message, /validateContact cannot run: .*expected magic word/);
    return true;
  });
  await assert.rejects(pkg.contactSchema['~standard'].validate({}), { code: 'ERR_CONTACT_RULES_LOAD_FAILED' });
});

test('contact-rules/import: its ready rejects too, and its import functions say why', async () => {
  await assert.rejects(withImport.ready, { code: 'ERR_CONTACT_RULES_LOAD_FAILED' });
  for (const [name, call] of [['createCsvImport', () => withImport.createCsvImport()], ['suggestMapping', () => withImport.suggestMapping(['Email'])]]) {
    assert.throws(call, (e) => {
      assert.equal(e.code, 'ERR_CONTACT_RULES_LOAD_FAILED');
      assert.match(e.message, new RegExp(`${name} cannot run: .*expected magic word`));
      return true;
    });
  }
});

