// The JavaScript boundary of the npm package: names, plain results, null vs undefined,
// thrown vs returned errors, and values that are not JSON-like.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateContact,
  validateContacts,
  normalizeEmail,
  normalizePhone,
  normalizeLinkedinUrl,
  normalizeDomain,
  normalizeUuid,
  normalizeText,
  toFastApiErrors,
  contactSchema,
  createContactSchema,
} from 'contact-rules';

test('a valid payload: plain objects, null kept, absent keys stay absent', () => {
  const r = validateContact({ email: ' Jane@Acme.com ', first_name: null, title: undefined });
  assert.deepEqual(r, { ok: true, value: { email: 'jane@acme.com', first_name: null }, errors: [], warnings: [] });
  assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
  assert.equal('title' in r.value, false);
});

test('invalid data is returned, not thrown', () => {
  const r = validateContact({ email: 'jane@acme' });
  assert.equal(r.ok, false);
  assert.equal('value' in r, false);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [[['email'], 'email_invalid']]);
  assert.equal(typeof r.errors[0].message, 'string');
  assert.equal(r.errors[0].input, 'jane@acme');
});

test('options are camelCase', () => {
  const r = validateContact({ email: 'jane@acme.com', phone_number: '(415) 555-2671' }, { defaultRegion: 'US' });
  assert.equal(r.value.phone_number, '+14155552671');
  const kept = validateContact({ email: 'Jane@Acme.com', x: 1 }, { unknownKeys: 'keep', emailCase: 'preserve_local', blank: 'omit', laxBooleans: false, limits: { maxKeys: 10 } });
  assert.deepEqual(kept.value, { email: 'Jane@acme.com', x: 1 });
  assert.throws(() => validateContact({}, { default_region: 'US' }), TypeError);
  assert.throws(() => validateContact({}, { defaultRegion: 'XX' }), TypeError);
  assert.throws(() => validateContact({}, { phoneValidity: 'sometimes' }), TypeError);
  assert.throws(() => validateContact({}, 'US'), TypeError);
});

test('validateContacts: one result per payload, in order', () => {
  const rs = validateContacts([{ email: 'a@acme.com' }, { email: 'nope' }, 7, null]);
  assert.deepEqual(rs.map((r) => r.ok), [true, false, false, false]);
  assert.equal(rs[2].errors[0].code, 'object_type');
  assert.throws(() => validateContacts({ email: 'a@acme.com' }), TypeError);
});

test('field functions', () => {
  assert.deepEqual(normalizeEmail('"Jane Doe" <jane@acme.com>'), { ok: true, value: 'jane@acme.com', warnings: [] });
  assert.equal(normalizeEmail('jane@acme').error.code, 'email_invalid');
  assert.equal(normalizePhone('(415) 555-2671', { defaultRegion: 'US' }).value, '+14155552671');
  assert.equal(normalizePhone('415 555 2671').error.code, 'phone_region_missing');
  assert.equal(normalizeLinkedinUrl('linkedin.com/in/JaneSmith/').value, 'https://www.linkedin.com/in/janesmith');
  assert.equal(normalizeDomain('https://www.Acme.co.uk/about').value, 'acme.co.uk');
  assert.equal(normalizeUuid('{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}').value, '6ba7b810-9dad-11d1-80b4-00c04fd430c8');
  assert.equal(normalizeText('  Jane \u00a0 Marie  ').value, 'Jane Marie');
  assert.throws(() => normalizeEmail(42), TypeError);
  assert.throws(() => normalizeEmail('a\ud800@acme.com'), TypeError);
});

test('toFastApiErrors renders the 422 body', () => {
  const r = validateContact({ email: 'jane@acme', tags: ['x'] });
  const body = toFastApiErrors(r.errors);
  assert.deepEqual(body.detail.map((d) => [d.type, d.loc]), [
    ['email_invalid', ['body', 'email']],
    ['uuid_parsing', ['body', 'tags', 0]],
  ]);
  assert.equal(body.detail[0].msg, r.errors[0].message);
  assert.equal(body.detail[0].input, 'jane@acme');
  assert.throws(() => toFastApiErrors('x'), TypeError);
});

test('Standard Schema v1', () => {
  const std = contactSchema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'contact-rules');
  assert.deepEqual(std.validate({ email: 'Jane@Acme.com' }), { value: { email: 'jane@acme.com' } });
  const bad = std.validate({ email: 'jane@acme' });
  assert.deepEqual(bad.issues.map((i) => i.path), [['email']]);
  assert.equal(typeof bad.issues[0].message, 'string');
  const us = createContactSchema({ defaultRegion: 'US' });
  assert.equal(us['~standard'].validate({ email: 'a@acme.com', phone_number: '415-555-2671' }).value.phone_number, '+14155552671');
  assert.throws(() => createContactSchema({ nope: 1 }), TypeError);
  // Not JSON-like: an issue, not a throw (form libraries expect a result).
  const m = std.validate(new Map());
  assert.equal(m.issues.length, 1);
});

test('values that are not JSON-like throw one TypeError', () => {
  const cyclic = { email: 'a@acme.com' };
  cyclic.self = cyclic;
  const sparse = [];
  sparse[2] = 'x';
  const throwing = { email: 'a@acme.com', get title() { throw new Error('boom'); } };
  for (const [name, payload] of [
    ['Map', new Map([['email', 'a@acme.com']])],
    ['Set', { email: 'a@acme.com', tags: new Set() }],
    ['Date', { email: 'a@acme.com', title: new Date() }],
    ['BigInt', { email: 'a@acme.com', 'custom_field_a0000000-0000-4000-8000-000000000001': 1n }],
    ['function', { email: 'a@acme.com', title() {} }],
    ['Symbol value', { email: 'a@acme.com', title: Symbol('x') }],
    ['Symbol key', { email: 'a@acme.com', [Symbol('k')]: 1 }],
    ['cycle', cyclic],
    ['NaN', { email: 'a@acme.com', 'custom_field_a0000000-0000-4000-8000-000000000001': NaN }],
    ['Infinity', { email: 'a@acme.com', 'custom_field_a0000000-0000-4000-8000-000000000001': Infinity }],
    ['typed array', { email: 'a@acme.com', tags: new Uint8Array(2) }],
    ['class instance', new (class Person { constructor() { this.email = 'a@acme.com'; } })()],
    ['lone surrogate', { email: 'a@acme.com', first_name: 'Ja\ud800ne' }],
    ['throwing getter', throwing],
    ['undefined payload', undefined],
  ]) {
    assert.throws(() => validateContact(payload), TypeError, name);
  }
  assert.equal(Object.prototype.polluted, undefined);
});

test('sparse arrays read as null items', () => {
  const tags = [];
  tags[1] = 'a0000000-0000-4000-8000-000000000001';
  const r = validateContact({ email: 'a@acme.com', tags });
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [[['tags', 0], 'uuid_parsing']]);
});

test('__proto__ and constructor keys: reported, never polluting', () => {
  const payload = JSON.parse('{"email":"a@acme.com","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
  const r = validateContact(payload);
  assert.deepEqual(r.errors.map((e) => [e.path, e.code]), [[['__proto__'], 'extra_forbidden'], [['constructor'], 'extra_forbidden']]);
  const kept = validateContact(payload, { unknownKeys: 'keep' });
  assert.equal(kept.ok, true);
  assert.deepEqual(Object.keys(kept.value), ['email', '__proto__', 'constructor']);
  assert.equal(Object.getPrototypeOf(kept.value), Object.prototype);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal({}.polluted, undefined);
});

test('Object.create(null) payloads are plain', () => {
  const p = Object.create(null);
  p.email = 'a@acme.com';
  assert.equal(validateContact(p).ok, true);
});

test('the early size cut never refuses a payload within the limit', () => {
  const payload = { email: 'a@acme.com', tags: Array.from({ length: 20 }, (_, i) => `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`) };
  const exact = JSON.stringify(payload).length;
  assert.equal(validateContact(payload, { limits: { maxPayloadBytes: exact } }).ok, true);
  const over = validateContact(payload, { limits: { maxPayloadBytes: exact - 1 } });
  assert.deepEqual(over.errors.map((e) => [e.path, e.code]), [[[], 'payload_too_large']]);
  const numbers = { email: 'a@acme.com', 'custom_field_a0000000-0000-4000-8000-000000000001': 0 };
  const n = JSON.stringify(numbers).length;
  assert.equal(validateContact(numbers, { limits: { maxPayloadBytes: n } }).ok, true);
});
