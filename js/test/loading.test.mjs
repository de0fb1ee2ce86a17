// The browser entries' loading story, in Node: `contact-rules/inline` compiles its module
// asynchronously, as index.js does in a browser. WebAssembly.instantiate is held behind a gate
// until the test opens it, so "before ready" is a state the test controls, not a race: every
// synchronous function throws ERR_CONTACT_RULES_NOT_READY, the Standard Schema object answers
// with a promise, and TanStack Form and React Hook Form's standard-schema resolver get the right
// results in both states. `contact-rules/import/inline` (the import's entry where inline.js is
// picked) loads the same way, apart from the other: its import functions too throw before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormApi, FieldApi } from '@tanstack/form-core';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';

let open;
const gate = new Promise((resolve) => {
  open = resolve;
});
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => {
  // Only the package's module (wasm-bindgen's imports name its glue), not Node's own (undici's).
  if (args[1] && './contact_rules_core_bg.js' in args[1]) await gate;
  return instantiate.apply(WebAssembly, args);
};

const pkg = await import('contact-rules/inline');
// Evaluated, but not loaded: the import did not wait for the module.
const loadedAtImport = pkg.isReady();
const withImport = await import('contact-rules/import/inline');
const importLoadedAtImport = withImport.isReady();

const schema = pkg.createContactSchema({ defaultRegion: 'US' });
const badOptions = pkg.createContactSchema({ defaultRegion: 'XX' }); // checked once loaded

const SYNC_CALLS = {
  validateContact: () => pkg.validateContact({ email: 'jane@acme.com' }),
  validateContacts: () => pkg.validateContacts([{ email: 'jane@acme.com' }]),
  normalizeEmail: () => pkg.normalizeEmail('jane@acme.com'),
  normalizePhone: () => pkg.normalizePhone('+14155552671'),
  normalizeLinkedinUrl: () => pkg.normalizeLinkedinUrl('linkedin.com/in/jane'),
  normalizeDomain: () => pkg.normalizeDomain('acme.com'),
  normalizeUuid: () => pkg.normalizeUuid('6BA7B810-9DAD-11D1-80B4-00C04FD430C8'),
  normalizeText: () => pkg.normalizeText(' Jane '),
  toFastApiErrors: () => pkg.toFastApiErrors([]),
};

const rhfOptions = { fields: {}, shouldUseNativeValidation: false };
const invalid = { email: 'jane@acme', phone_number: '12' };
const valid = { email: ' Jane@ACME.com ', phone_number: '(415) 555-2671' };
const normalized = { email: 'jane@acme.com', phone_number: '+14155552671' };

// What the forms were given before the module was loaded, settled after.
const early = {};

test('before the module is loaded', async (t) => {
  assert.equal(loadedAtImport, false);
  assert.equal(pkg.isReady(), false);
  assert.equal(pkg.init(), pkg.ready);

  await t.test('every synchronous function throws ERR_CONTACT_RULES_NOT_READY, naming itself', () => {
    for (const [name, call] of Object.entries(SYNC_CALLS)) {
      assert.throws(call, (e) => {
        assert.equal(e.code, 'ERR_CONTACT_RULES_NOT_READY');
        assert.ok(e.message.includes(name), e.message);
        assert.ok(e.message.includes('await `ready`'), e.message);
        return true;
      });
    }
  });

  await t.test('contact-rules/import: its own module, not loaded either; every synchronous function throws', () => {
    assert.equal(importLoadedAtImport, false);
    assert.notEqual(withImport.ready, pkg.ready);
    const calls = {
      validateContact: () => withImport.validateContact({ email: 'jane@acme.com' }),
      normalizeUuid: () => withImport.normalizeUuid('6BA7B810-9DAD-11D1-80B4-00C04FD430C8'),
      suggestMapping: () => withImport.suggestMapping(['Email']),
      createCsvImport: () => withImport.createCsvImport(),
    };
    for (const [name, call] of Object.entries(calls)) {
      assert.throws(call, (e) => {
        assert.equal(e.code, 'ERR_CONTACT_RULES_NOT_READY');
        assert.ok(e.message.includes(name), e.message);
        return true;
      });
    }
  });

  await t.test('the schema answers with a promise of the value as it was when asked', () => {
    const payload = { ...valid };
    early.schema = schema['~standard'].validate(payload);
    assert.ok(early.schema instanceof Promise);
    payload.email = 'changed@elsewhere.org'; // a form mutating its values object meanwhile
    early.badOptions = badOptions['~standard'].validate(valid);
    // A value that is not JSON-like is refused at once, loaded or not.
    const refused = schema['~standard'].validate({ email: new Date(0) });
    assert.ok(!(refused instanceof Promise));
    assert.match(refused.issues[0].message, /contact-rules: the value at "email" is a Date/);
  });

  await t.test('TanStack Form (async slots) and React Hook Form start validating', () => {
    early.rhfInvalid = standardSchemaResolver(schema)(invalid, undefined, rhfOptions);
    early.rhfValid = standardSchemaResolver(schema)(valid, undefined, rhfOptions);
    early.tanstack = tanstack({ onChangeAsync: schema, onChangeAsyncDebounceMs: 0 }, invalid);
  });
});

test('after the module is loaded', async (t) => {
  open();
  await pkg.ready;
  assert.equal(pkg.isReady(), true);

  await t.test('what was asked before is answered correctly', async () => {
    assert.deepEqual(await early.schema, { value: normalized });
    const bad = await early.badOptions;
    assert.equal(bad.issues.length, 1);
    assert.match(bad.issues[0].message, /XX/);
    const rhfInvalid = await early.rhfInvalid;
    assert.deepEqual(rhfInvalid.values, {});
    assert.deepEqual(Object.keys(rhfInvalid.errors).sort(), ['email', 'phone_number']);
    assert.equal(rhfInvalid.errors.email.message, pkg.validateContact(invalid, { defaultRegion: 'US' }).errors[0].message);
    assert.deepEqual(await early.rhfValid, { values: normalized, errors: {} });
    const t1 = await early.tanstack;
    assert.deepEqual(t1.errors, { email: 1, phone_number: 1 });
    assert.equal(t1.canSubmit, false);
  });

  await t.test('the schema answers synchronously, and the sync functions work', () => {
    const r = schema['~standard'].validate(valid);
    assert.ok(!(r instanceof Promise));
    assert.deepEqual(r, { value: normalized });
    assert.equal(pkg.validateContact({ email: 'A@B.CO' }).value.email, 'a@b.co');
    assert.throws(() => pkg.createContactSchema({ defaultRegion: 'XX' }), TypeError);
  });

  await t.test('contact-rules/import loads too, and its import works', async () => {
    await withImport.ready;
    assert.equal(withImport.isReady(), true);
    assert.deepEqual(withImport.suggestMapping(['E-mail Address']).columns.map((c) => c.key), ['email']);
    const imp = withImport.createCsvImport();
    const rows = [...imp.push(new TextEncoder().encode('Email Address\nJane@Acme.com\n')).rows, ...imp.finish().rows];
    assert.deepEqual(withImport.validateContacts(rows.map((r) => r.payload)), pkg.validateContacts([{ email: 'Jane@Acme.com' }]));
  });

  await t.test('TanStack Form in a sync slot, and React Hook Form', async () => {
    const sync = await tanstack({ onChange: schema }, invalid);
    assert.deepEqual(sync.errors, { email: 1, phone_number: 1 });
    const fixed = await tanstack({ onChange: schema }, valid);
    assert.deepEqual(fixed.errors, { email: 0, phone_number: 0 });
    assert.equal(fixed.canSubmit, true);
    assert.deepEqual(await standardSchemaResolver(schema)(valid, undefined, rhfOptions), { values: normalized, errors: {} });
  });
});

/** A TanStack form with these form validators; each field is changed to `values`. */
async function tanstack(validators, values) {
  const form = new FormApi({ defaultValues: { email: '', phone_number: '' }, validators });
  form.mount();
  const fields = {};
  for (const name of Object.keys(values)) {
    fields[name] = new FieldApi({ form, name });
    fields[name].mount();
    fields[name].handleChange(values[name]);
  }
  await form.validate('change');
  await new Promise((r) => setTimeout(r, 0));
  while (form.state.isValidating || Object.values(fields).some((f) => f.state.meta.isValidating)) {
    await new Promise((r) => setTimeout(r, 1));
  }
  const errors = {};
  for (const [name, f] of Object.entries(fields)) errors[name] = f.state.meta.errors.length;
  return { errors, canSubmit: form.state.canSubmit };
}
