// The wrapper's fast path held to its general path (issue 14). toJson (js/wire.js) scans a value
// and serializes it with a plain JSON.stringify when it finds nothing to refuse, cut or call;
// validateContacts (js/api.js) serializes the plain items of a batch with one JSON.stringify.
// Here seeded generated values — plain data mixed with everything the wrapper refuses or treats
// apart: lone surrogates, NaN, BigInt, symbols, functions, Map, Date, class instances, null
// prototypes, symbol keys, toJSON, getters and Proxy traps that throw, sparse arrays, cycles,
// deep nesting, keys `__proto__` — under size limits from none to a few bytes must give exactly
// what the general path gives: the same text, or TOO_LARGE, or an error of the same class with
// the same message; and the package's validateContact / validateContacts the same results (as
// JSON text, key order included) or the same error as the wrapper before the fast path, rebuilt
// here from the general path and the raw WebAssembly entry points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateContact, validateContacts } from 'contact-rules';
import { TOO_LARGE, fromWire, misuse, scan, toJson, toJsonGeneral } from '../wire.js';
import { rng } from './support/rng.mjs';

const COUNT = Number(process.env.GENERATED_COUNT ?? 3000);

// The raw entry points of Node's module, in their own copy of the glue.
const glue = await import(new URL('../../pkg/import/contact_rules_core.js?wire-test', import.meta.url).href);
glue.initSync({ module: readFileSync(new URL('../../pkg/contact_rules_core_fast.wasm', import.meta.url)) });

class Contact {
  constructor() {
    this.email = 'jane@acme.com';
  }
}

const STRINGS = ['', 'Jane', ' Jane@Acme.com ', 'jane@acme.com', 'Siobhán', 'Ωμέγα', '😀 ok', 'a\u0000b', 'line\nbreak', '\\ud800', '"quoted"', '\ud800', 'x\udc00', '\udbff\udfff', 'x'.repeat(300), 'é'.repeat(200)];
const KEYS = ['email', 'first_name', 'tags', 'title', 'phone_number', 'custom_field_a0000000-0000-4000-8000-00000000000a', '__proto__', 'constructor', 'toJSON', '0', '10', '', 'bad\udc00key', 'ключ', 'k'.repeat(100)];
const NUMBERS = [0, -0, 1, -1, 1.5, 2034, 1e21, 1e308, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];

/** A generated value: mostly plain JSON data, sometimes one of the things the wrapper refuses. */
function generator(seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const ancestors = [];
  function value(depth) {
    const x = r();
    if (depth > 4 || x < 0.45) return primitive();
    if (x < 0.55 && ancestors.length > 0 && r() < 0.15) return pick(ancestors); // a cycle
    if (x < 0.6) return exotic(depth);
    if (x < 0.8) return object(depth);
    return array(depth);
  }
  function primitive() {
    const x = r();
    if (x < 0.4) return pick(STRINGS);
    if (x < 0.6) return pick(NUMBERS);
    if (x < 0.7) return r() < 0.5;
    if (x < 0.8) return null;
    if (x < 0.88) return undefined;
    if (x < 0.92) return 10n;
    if (x < 0.96) return Symbol('s');
    return () => 1;
  }
  function exotic(depth) {
    switch (Math.floor(r() * 16)) {
      case 0: return new Map([['email', 'a@b.co']]);
      case 1: return new Set([1]);
      case 2: return new Date(0);
      case 3: return new Uint8Array(2);
      case 4: return new Contact();
      case 5: return new String('x');
      case 6: return /re/;
      case 7: return Object.assign(Object.create(null), { email: 'a@b.co', n: value(depth + 1) });
      case 8: {
        const v = value(depth + 1); // made once: every read of the value gives the same answer
        return { toJSON: () => v };
      }
      case 9: return { toJSON: 'not a function', a: 1 };
      case 10: return new Proxy(object(depth), {});
      case 11: return new Proxy(object(depth), pick([{ ownKeys: () => { throw new Error('ownKeys'); } }, { get: () => { throw new Error('get'); } }, { getPrototypeOf: () => { throw new Error('proto'); } }]));
      case 12: return deep(150 + Math.floor(r() * 150));
      case 13: {
        // toJSON where the keys do not show it: not enumerable, or on an array.
        const v = value(depth + 1);
        return r() < 0.5 ? Object.defineProperty(object(depth), 'toJSON', { value: () => v, enumerable: false }) : Object.assign(array(depth), { toJSON: () => v });
      }
      case 14: return Object.defineProperty({ email: 'a@b.co' }, 'hidden', { value: new Map(), enumerable: false });
      default: return new Proxy(array(depth), {});
    }
  }
  function object(depth) {
    const o = {};
    ancestors.push(o);
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const key = pick(KEYS);
      const x = r();
      if (x < 0.04) {
        Object.defineProperty(o, key, { get: () => { throw new Error('getter'); }, enumerable: true, configurable: true });
      } else if (x < 0.08) {
        const v = value(depth + 1);
        Object.defineProperty(o, key, { get: () => v, enumerable: true, configurable: true });
      } else if (x < 0.1) {
        Object.defineProperty(o, key, { value: value(depth + 1), enumerable: false, configurable: true });
      } else if (x < 0.12) {
        o[Symbol('k')] = 1;
      } else {
        Object.defineProperty(o, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      }
    }
    ancestors.pop();
    return o;
  }
  function array(depth) {
    const a = [];
    ancestors.push(a);
    const n = Math.floor(r() * 6);
    for (let i = 0; i < n; i++) a.push(value(depth + 1));
    const x = r();
    if (x < 0.1) a.length += Math.floor(r() * 50); // holes
    else if (x < 0.13) Object.defineProperty(a, a.length, { get: () => { throw new Error('index'); }, enumerable: true, configurable: true });
    else if (x < 0.15) a.extra = 'ignored by JSON';
    ancestors.pop();
    return a;
  }
  function deep(n) {
    let v = 'leaf';
    for (let i = 0; i < n; i++) v = r() < 0.5 ? [v] : { a: v };
    return v;
  }
  return () => {
    ancestors.length = 0;
    return r() < 0.3 ? object(0) : value(0);
  };
}

const LIMITS = [Infinity, 1 << 20, 2000, 300, 100, 40, 10, 1, 0, -1, 1.5];

function outcome(f) {
  try {
    const v = f();
    return { text: typeof v === 'string' || v === undefined ? v : JSON.stringify(v) };
  } catch (e) {
    if (e === TOO_LARGE) return { tooLarge: true };
    return { error: `${e?.constructor?.name}: ${e?.message}` };
  }
}

test(`toJson gives what toJsonGeneral gives on ${COUNT * 4} generated values under ${LIMITS.length} size limits`, () => {
  const next = generator(14);
  const tally = { text: 0, tooLarge: 0, error: 0, fast: 0 };
  for (let i = 0; i < COUNT * 4; i++) {
    const v = next();
    const limit = LIMITS[i % LIMITS.length];
    const general = outcome(() => toJsonGeneral(v, limit));
    const fast = outcome(() => toJson(v, limit));
    assert.deepEqual(fast, general, `value #${i} under the limit ${limit}`);
    tally[Object.keys(general)[0]] += 1;
    if (scan(v, limit) !== -1) tally.fast += 1;
  }
  // The generated set reaches every outcome, and the fast path takes a good share of it.
  assert.ok(tally.text > COUNT && tally.tooLarge > COUNT / 10 && tally.error > COUNT / 2, JSON.stringify(tally));
  assert.ok(tally.fast > COUNT / 2 && tally.fast < tally.text, JSON.stringify(tally));
});

test('scan charges what the replacer charges: the fast path cuts exactly where the general path does', () => {
  // A payload of one string: the replacer charges 2 for the object, key + value + 1 for the pair.
  const v = { title: 'x'.repeat(100) };
  const cost = 2 + 'title'.length + 100 + 1;
  assert.equal(scan(v, cost), cost);
  assert.equal(scan(v, cost - 1), -1);
  assert.equal(toJson(v, cost), JSON.stringify(v));
  assert.throws(() => toJson(v, cost - 1), (e) => e === TOO_LARGE);
  assert.throws(() => toJsonGeneral(v, cost - 1), (e) => e === TOO_LARGE);
  // Holes cost 2 each, as `undefined`.
  const holes = [];
  holes.length = 10;
  assert.equal(scan(holes, 22), 22);
  assert.throws(() => toJson(holes, 21), (e) => e === TOO_LARGE);
  assert.throws(() => toJsonGeneral(holes, 21), (e) => e === TOO_LARGE);
});

test('a getter that calls the package inside a scan does not spend the outer scan\'s budget', () => {
  const inner = { email: 'x'.repeat(50) };
  const v = {
    get first_name() {
      toJson(inner, 1000);
      return 'Jane';
    },
    title: 'y'.repeat(60),
  };
  for (const limit of [80, 90, 100, 1000]) {
    assert.deepEqual(outcome(() => toJson(v, limit)), outcome(() => toJsonGeneral(v, limit)), `limit ${limit}`);
  }
});

// The wrapper as it was before the fast path (commit 36057dc's api.js), on the general path and
// the raw entry points: the reference for the package's calls.
function read(get, what) {
  try {
    return get();
  } catch (e) {
    throw misuse(`cannot read ${what}: ${e?.message ?? e}`, e);
  }
}

function referenceOne(payload, opts, maxBytes) {
  if (payload === undefined) throw misuse('validateContact needs a payload');
  let text;
  try {
    text = toJsonGeneral(payload, maxBytes);
  } catch (e) {
    if (e === TOO_LARGE) return fromWire(glue.payloadTooLargeJson(opts));
    throw e;
  }
  return fromWire(glue.validateJson(text, opts));
}

function referenceMany(payloads, opts, maxBytes) {
  const results = [];
  let batch = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    for (const r of fromWire(glue.validateManyJson(`[${batch.join(',')}]`, opts))) results.push(r);
    batch = [];
    batchBytes = 0;
  };
  const length = read(() => payloads.length, 'the array');
  for (let i = 0; i < length; i += 1) {
    const item = read(() => payloads[i], `validateContacts item ${i}`);
    let text;
    try {
      text = item === undefined ? 'null' : toJsonGeneral(item, maxBytes);
    } catch (e) {
      if (e === TOO_LARGE) {
        flush();
        results.push(fromWire(glue.payloadTooLargeJson(opts)));
        continue;
      }
      if (e instanceof TypeError && e.message.startsWith('contact-rules: ')) {
        throw misuse(`validateContacts item ${i}: ${e.message.slice('contact-rules: '.length)}`, e);
      }
      throw e;
    }
    batch.push(text);
    batchBytes += text.length;
    if (batch.length >= 1000 || batchBytes >= 1 << 20) flush();
  }
  flush();
  return results;
}

const PAYLOADS = [
  { email: ' Jane@Acme.com ', first_name: 'Jane', phone_number: '(415) 555-2671', tags: ['A0000000-0000-4000-8000-000000000001'] },
  { linkedin_url: 'https://www.linkedin.com/in/jane-doe/', domain: 'HTTP://WWW.ACME.COM:8080/', title: ' CTO ' },
  { email: 'jane@acme', do_not_contact: 'yes', 'custom_field_a0000000-0000-4000-8000-00000000000a': { nested: [1, 'two', null] } },
  { email: 'siobhán.kim@brightpath.ca', location: 'Toronto, ON', unknown: 1 },
  {},
];

const OPTION_SETS = [
  undefined,
  { defaultRegion: 'US' },
  { defaultRegion: 'US', limits: { maxPayloadBytes: 120 } },
  { unknownKeys: 'keep', limits: { maxPayloadBytes: 40 } },
  { defaultRegion: 'XX' }, // refused by the rules: validateContacts throws at its first batch
  { limits: { maxPayloadBytes: -1 } }, // refused by the rules, and every payload is over it
];

function optionsText(options) {
  return options === undefined ? '' : toJsonGeneral(options);
}

test(`validateContact gives the results and errors of the wrapper before the fast path (${COUNT} generated values, ${OPTION_SETS.length} option sets)`, () => {
  const next = generator(15);
  for (let i = 0; i < COUNT; i++) {
    const v = i % 3 === 0 ? PAYLOADS[i % PAYLOADS.length] : next();
    const options = OPTION_SETS[i % OPTION_SETS.length];
    const maxBytes = options?.limits?.maxPayloadBytes ?? 1 << 20;
    const want = outcome(() => referenceOne(v, optionsText(options), maxBytes));
    assert.deepEqual(outcome(() => validateContact(v, options)), want, `value #${i}, options ${JSON.stringify(options)}`);
  }
});

test(`validateContacts gives the results and errors of the wrapper before the fast path (${Math.ceil(COUNT / 10)} generated arrays)`, () => {
  const next = generator(16);
  const r = rng(17);
  const kinds = { results: 0, errors: 0 };
  for (let i = 0; i < Math.ceil(COUNT / 10); i++) {
    // Mostly payloads, with holes, `undefined` and now and then a generated value; every tenth
    // array long enough for several batches.
    const length = i % 10 === 9 ? 1000 + Math.floor(r() * 2500) : Math.floor(r() * 30);
    const list = [];
    for (let k = 0; k < length; k++) {
      const x = r();
      if (x < 0.75) list.push(PAYLOADS[Math.floor(r() * PAYLOADS.length)]);
      else if (x < 0.8) list.push(undefined);
      else if (x < 0.85) list.length += 1; // a hole
      else if (x < 0.9) list.push({ email: 'jane@acme.com', title: 'z'.repeat(Math.floor(r() * 200)) });
      else if (length < 100 || x < 0.902) list.push(next());
      else list.push(PAYLOADS[0]);
    }
    const options = OPTION_SETS[i % OPTION_SETS.length];
    const maxBytes = options?.limits?.maxPayloadBytes ?? 1 << 20;
    const want = outcome(() => referenceMany(list, optionsText(options), maxBytes));
    assert.deepEqual(outcome(() => validateContacts(list, options)), want, `array #${i} (${length} items), options ${JSON.stringify(options)}`);
    kinds[want.error === undefined ? 'results' : 'errors'] += 1;
  }
  assert.ok(kinds.results > COUNT / 50 && kinds.errors > COUNT / 100, JSON.stringify(kinds));
});

test('validateContacts with options the rules refuse: their TypeError comes where it came, after the items before the first batch', () => {
  const refused = { defaultRegion: 'XX', limits: { maxPayloadBytes: 4 << 20 } };
  const opts = optionsText(refused);
  const cases = {
    // An item with a toJSON (the general path) before a Map: the Map's TypeError, no batch before it.
    'toJSON, then a Map': [{ email: 'a@b.co' }, { toJSON: () => ({ email: 'a@b.co' }) }, new Map()],
    // Two items whose texts pass 1 MiB (escaped newlines: twice their length) end the first batch
    // before the Map is read: the options' TypeError.
    'texts over a batch, then a Map': [{ title: '\n'.repeat(300_000) }, { title: '\n'.repeat(300_000) }, new Map()],
    'only payloads': [{ email: 'a@b.co' }],
    'nothing': [],
  };
  const errors = [];
  for (const [name, list] of Object.entries(cases)) {
    const want = outcome(() => referenceMany(list, opts, 4 << 20));
    assert.deepEqual(outcome(() => validateContacts(list, refused)), want, name);
    errors.push(want.error ?? want.text);
  }
  assert.match(errors[0], /item 2: the payload is a Map/);
  assert.match(errors[1], /invalid options/);
  assert.equal(errors[3], '[]');
});

test('validateContacts: an Array.prototype.toJSON reaches the items as it did', () => {
  // eslint-disable-next-line no-extend-native
  Array.prototype.toJSON = function toJSON() {
    return { email: 'from@tojson.com' };
  };
  try {
    const list = ['x', 1, null, undefined, { email: 'a@b.co' }, { email: 'a@b.co', tags: [] }];
    const want = outcome(() => referenceMany(list, '', 1 << 20));
    assert.deepEqual(outcome(() => validateContacts(list)), want);
  } finally {
    delete Array.prototype.toJSON;
  }
});

test('the rules write their results in ASCII (non-ASCII as \\u escapes) that parse to the same strings', () => {
  // Kept unknown keys and their values come back as they went in: random well-formed strings of
  // every UTF-8 width (1 to 4 bytes, astral characters as surrogate pairs), controls, quotes,
  // backslashes, as keys and as values, at the top level and nested.
  const r = rng(18);
  const ranges = [[0x20, 0x7e], [0, 0x1f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
  const randomString = () => {
    let s = '';
    const n = Math.floor(r() * 12);
    for (let i = 0; i < n; i++) {
      const [lo, hi] = ranges[Math.floor(r() * ranges.length)];
      s += String.fromCodePoint(lo + Math.floor(r() * (hi - lo + 1)));
    }
    return s;
  };
  for (let i = 0; i < COUNT; i++) {
    const key = `x${randomString()}`;
    const value = randomString();
    const payload = { email: 'jane@acme.com', [key]: value, nested: [value, { [key]: value }] };
    const text = glue.validateJson(JSON.stringify(payload), '{"unknownKeys":"keep"}');
    assert.match(text, /^[\x20-\x7e]*$/, `payload #${i}`);
    assert.deepEqual(JSON.parse(text).value, payload, `payload #${i}`);
    assert.deepEqual(validateContact(payload, { unknownKeys: 'keep' }).value, payload);
  }
  // Issues too: the input they echo and their messages.
  const text = glue.validateJson(JSON.stringify({ email: 'jané@acme', first_name: '😀'.repeat(300) }), '');
  assert.match(text, /^[\x20-\x7e]*$/);
  const issues = JSON.parse(text).errors;
  assert.deepEqual(issues.map((i) => i.input), ['jané@acme', '😀'.repeat(300)]);
});

test('a payload whose toJSON gives no JSON text is the package\'s TypeError, not a crash', () => {
  for (const payload of [{ toJSON: () => undefined }, { toJSON: () => () => 1 }]) {
    assert.throws(() => validateContact(payload), {
      name: 'TypeError',
      message: 'contact-rules: the payload has no JSON text (its toJSON returned undefined or a function)',
    });
    assert.throws(() => validateContacts([{ email: 'jane@acme.com' }, payload]), {
      name: 'TypeError',
      message: 'contact-rules: validateContacts item 1: the payload has no JSON text (its toJSON returned undefined or a function)',
    });
  }
});
