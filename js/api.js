// contact-rules for JavaScript: the package's API, the same in every entry point (index.js for
// browsers, inline.js for tools without asset handling, node.js and node.cjs for Node; see
// package.json's `exports`). Each entry loads the WebAssembly module its own way and re-exports
// this file.
//
// The rules are the Rust crate compiled to WebAssembly (`contact_rules_core*`, made by
// wasm-pack). This file is the one conversion point between JavaScript and the rules:
// values go in as JSON text, results come back as JSON text, and anything that is not
// JSON-like (Map, Set, Date, BigInt, functions, class instances, typed arrays, NaN,
// cycles, lone surrogates, ...) is refused here with one TypeError. Invalid *data* is never
// thrown: it comes back as `{ ok: false, errors }`. A call made before the module is loaded
// throws an Error whose `code` is ERR_CONTACT_RULES_NOT_READY (state.js).
import {
  validateJson,
  validateManyJson,
  normalizeFieldJson,
  toFastApiErrorsJson,
  payloadTooLargeJson,
  suggestMappingJson,
  CsvImport,
} from './contact_rules_core.js';
import { ready, isReady, assertReady, wasmModule } from './state.js';

export { ready, isReady, wasmModule };

/**
 * The same promise as `ready`, for code written the wasm-pack way (`await init()`). This entry
 * starts loading its module when it is imported; calling this starts nothing new. (The
 * `contact-rules/manual` entry has its own init, which takes the module to load.)
 */
export function init(source) {
  if (source !== undefined) {
    throw misuse('init(source) is for contact-rules/manual; this entry loads its module by itself when imported');
  }
  return ready;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(s) {
  return typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s);
}

function describe(v) {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  const proto = Object.getPrototypeOf(v);
  return proto?.constructor?.name ? `a ${proto.constructor.name}` : 'an exotic object';
}

function misuse(message, cause) {
  return new TypeError(`contact-rules: ${message}`, cause === undefined ? undefined : { cause });
}

// JSON.stringify's replacer: `this` holds `key`; `this[key]` is the value before toJSON.
// It sees every key once, so keys are checked here too.
function guard(key, value) {
  if (!wellFormed(key)) throw misuse(`the key ${JSON.stringify(key)} contains a lone surrogate (not valid Unicode)`);
  const raw = this[key];
  const where = key === '' ? 'the payload' : `the value at ${JSON.stringify(key)}`;
  switch (typeof raw) {
    case 'string':
      if (!wellFormed(raw)) throw misuse(`${where} contains a lone surrogate (not valid Unicode)`);
      return value;
    case 'number':
      if (!Number.isFinite(raw)) throw misuse(`${where} is ${raw}, which JSON cannot hold`);
      return value;
    case 'bigint':
    case 'function':
    case 'symbol':
      throw misuse(`${where} is a ${typeof raw}; payloads hold only JSON values`);
    case 'object': {
      if (raw === null || Array.isArray(raw)) return value;
      const proto = Object.getPrototypeOf(raw);
      if (proto !== Object.prototype && proto !== null) {
        throw misuse(`${where} is ${describe(raw)}; payloads hold only plain objects, arrays and JSON values`);
      }
      if (Object.getOwnPropertySymbols(raw).length > 0) {
        throw misuse(`${where} has symbol keys; payloads hold only string keys`);
      }
      return value;
    }
    default:
      return value; // undefined: the key is left out (absent), as JSON does
  }
}

// Thrown by the replacer once a payload's JSON text is known to be over the size limit, so that
// a huge value (a sparse array of ten million holes, say) is not serialized in full first.
const TOO_LARGE = Symbol('too large');
const DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

function toJson(value, maxBytes = Infinity) {
  // A lower bound of the text's length in bytes, so the cut is never wrong: an object key
  // costs at least its UTF-16 length (array indexes are not written), a string value its
  // length, any other value one character, plus one separator each (a container's closing
  // bracket pays for its last member's missing comma); UTF-8 never takes fewer bytes than UTF-16.
  let budget = maxBytes;
  function bounded(key, v) {
    const out = guard.call(this, key, v);
    const keyCost = Array.isArray(this) ? 0 : key.length;
    budget -= keyCost + (typeof out === 'string' ? out.length : 1) + 1;
    if (budget < 0) throw TOO_LARGE;
    return out;
  }
  try {
    return JSON.stringify(value, maxBytes === Infinity ? guard : bounded);
  } catch (e) {
    if (e === TOO_LARGE) throw e;
    if (e instanceof TypeError && e.message.startsWith('contact-rules:')) throw e;
    throw misuse(`cannot read the payload as JSON: ${e?.message ?? e}`, e);
  }
}

function maxPayloadBytes(options) {
  const max = options?.limits?.maxPayloadBytes;
  return typeof max === 'number' ? max : DEFAULT_MAX_PAYLOAD_BYTES;
}

function optionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw misuse(`options must be an object, not ${describe(options)}`);
  }
  return toJson(options);
}

function fromWire(text) {
  const out = JSON.parse(text);
  if (out !== null && typeof out === 'object' && !Array.isArray(out) && typeof out.misuse === 'string') {
    throw new TypeError(out.misuse);
  }
  return out;
}

function runOne(payload, opts, maxBytes) {
  if (payload === undefined) throw misuse('validateContact needs a payload');
  let text;
  try {
    text = toJson(payload, maxBytes);
  } catch (e) {
    if (e === TOO_LARGE) return fromWire(payloadTooLargeJson(opts));
    throw e;
  }
  return fromWire(validateJson(text, opts));
}

/** Validates and normalizes one payload. See index.d.ts. */
export function validateContact(payload, options) {
  assertReady('validateContact');
  return runOne(payload, optionsJson(options), maxPayloadBytes(options));
}

// Reads a value through code that may throw (a getter, a Proxy trap) and turns what it throws
// into the package's one TypeError.
function read(get, what) {
  try {
    return get();
  } catch (e) {
    throw misuse(`cannot read ${what}: ${e?.message ?? e}`, e);
  }
}

// validateContacts hands the rules batches of at most this many payloads or (about) this many
// bytes of JSON text, so WebAssembly memory stays bounded however long the array is.
const BATCH_ITEMS = 1000;
const BATCH_BYTES = 1 << 20;

/** Validates an array of payloads in one call (for bulk imports). See index.d.ts. */
export function validateContacts(payloads, options) {
  assertReady('validateContacts');
  if (!Array.isArray(payloads)) throw misuse(`validateContacts needs an array, not ${describe(payloads)}`);
  const opts = optionsJson(options);
  const maxBytes = maxPayloadBytes(options);
  const results = [];
  let batch = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    for (const r of fromWire(validateManyJson(`[${batch.join(',')}]`, opts))) results.push(r);
    batch = [];
    batchBytes = 0;
  };
  // Each payload is serialized on its own, with the size cut of validateContact; a hole or an
  // `undefined` item is `null`, as in JSON.
  const length = read(() => payloads.length, 'the array');
  for (let i = 0; i < length; i += 1) {
    const item = read(() => payloads[i], `validateContacts item ${i}`);
    let text;
    try {
      text = item === undefined ? 'null' : toJson(item, maxBytes);
    } catch (e) {
      if (e === TOO_LARGE) {
        flush();
        results.push(fromWire(payloadTooLargeJson(opts)));
        continue;
      }
      if (e instanceof TypeError && e.message.startsWith('contact-rules: ')) {
        throw misuse(`validateContacts item ${i}: ${e.message.slice('contact-rules: '.length)}`, e);
      }
      throw e;
    }
    batch.push(text);
    batchBytes += text.length;
    if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) flush();
  }
  flush();
  return results;
}

function fieldRule(rule, name) {
  return (value, options) => {
    assertReady(name);
    if (typeof value !== 'string') throw misuse(`the value must be a string, not ${describe(value)}`);
    if (!wellFormed(value)) throw misuse('the value contains a lone surrogate (not valid Unicode)');
    return fromWire(normalizeFieldJson(rule, value, optionsJson(options)));
  };
}

/** Normalizes an email address. */
export const normalizeEmail = fieldRule('email', 'normalizeEmail');
/** Normalizes a phone number to E.164. */
export const normalizePhone = fieldRule('phone', 'normalizePhone');
/** Normalizes a LinkedIn profile URL. */
export const normalizeLinkedinUrl = fieldRule('linkedin', 'normalizeLinkedinUrl');
/** Normalizes a company domain. */
export const normalizeDomain = fieldRule('domain', 'normalizeDomain');
/** Normalizes a UUID. */
export const normalizeUuid = fieldRule('uuid', 'normalizeUuid');
/** Applies the text rule (names, title, location). */
export const normalizeText = fieldRule('text', 'normalizeText');

/** Renders issues as FastAPI's 422 body: `{ detail: [...] }`. */
export function toFastApiErrors(issues) {
  assertReady('toFastApiErrors');
  if (!Array.isArray(issues)) throw misuse(`toFastApiErrors needs an array of issues, not ${describe(issues)}`);
  return fromWire(toFastApiErrorsJson(toJson(issues)));
}

/**
 * A Standard Schema v1 object validating with these options. Its `validate` answers at once
 * when the module is loaded, and with a promise before that (Standard Schema allows both; form
 * libraries await it), so a schema made at import time works from the first keystroke.
 */
export function createContactSchema(options) {
  const opts = optionsJson(options);
  const maxBytes = maxPayloadBytes(options);
  // Malformed options (an unknown region, say) throw their TypeError now, once, when the module
  // can tell; before that, the first validation reports them as its one issue.
  if (isReady()) fromWire(validateJson('{}', opts));
  const validateNow = (value) => {
    let result;
    try {
      result = runOne(value, opts, maxBytes);
    } catch (e) {
      if (e instanceof TypeError) return { issues: [{ message: e.message, path: [] }] };
      throw e;
    }
    if (result.ok) return { value: result.value };
    return { issues: result.errors.map((i) => ({ message: i.message, path: i.path })) };
  };
  return Object.freeze({
    '~standard': Object.freeze({
      version: 1,
      vendor: 'contact-rules',
      validate(value) {
        if (isReady()) return validateNow(value);
        // Not loaded yet: copy the value as JSON text now (a form may change its object before
        // the module is ready), validate it then.
        let text;
        try {
          text = toJson(value, maxBytes);
        } catch (e) {
          if (e === TOO_LARGE) return ready.then(() => validateNow(value));
          if (e instanceof TypeError) return { issues: [{ message: e.message, path: [] }] };
          throw e;
        }
        return ready.then(() => validateNow(text === undefined ? undefined : JSON.parse(text)));
      },
    }),
  });
}

/** The Standard Schema v1 object with the default options. */
export const contactSchema = createContactSchema();

// --- Spreadsheet imports (issue 16): the crate's column mapping and CSV importer, the code the
// command line's `check` runs on CSV files, so that a page maps and reads a file exactly as the
// command line does. Options are the command line's CSV flags, camelCase; misuse throws the
// package's one TypeError (fromWire), a file that cannot be imported is a returned value.

const IMPORT_OPTION_KEYS = ['encoding', 'delimiter', 'columns', 'unmapped', 'map', 'maxRowBytes'];

function importOptionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw misuse(`import options must be an object, not ${describe(options)}`);
  }
  const plain = {};
  for (const key of Object.keys(options)) {
    if (!IMPORT_OPTION_KEYS.includes(key)) throw misuse(`unknown import option ${JSON.stringify(key)}`);
    const value = options[key];
    if (value === undefined) continue;
    // `map` may be an object {column: key} (in insertion order) or an array of [column, key].
    plain[key] = key === 'map' && value !== null && !Array.isArray(value) && typeof value === 'object' ? Object.entries(value) : value;
  }
  return toJson(plain);
}

/**
 * The suggested mapping of a header row: which payload key each column becomes, by the crate's
 * one table of the exports' aliases, with `options.map` and `options.unmapped` applied. See
 * index.d.ts.
 */
export function suggestMapping(headers, options) {
  assertReady('suggestMapping');
  if (!Array.isArray(headers) || !headers.every((h) => typeof h === 'string')) {
    throw misuse('suggestMapping needs an array of header strings');
  }
  return fromWire(suggestMappingJson(toJson(headers), importOptionsJson(options)));
}

/**
 * A CSV file read chunk by chunk as the command line reads it: `push(bytes)` then `finish()`,
 * each returning `{dialect, rows}` (or `{error}` when the file cannot be imported). See
 * index.d.ts.
 */
export function createCsvImport(options) {
  assertReady('createCsvImport');
  const inner = new CsvImport(importOptionsJson(options));
  try {
    fromWire(inner.check());
  } catch (e) {
    inner.free();
    throw e;
  }
  let open = true;
  const call = (name, run) => {
    if (!open) throw misuse(`${name} after finish()`);
    return fromWire(run());
  };
  return Object.freeze({
    push(bytes) {
      if (!(bytes instanceof Uint8Array)) throw misuse(`push needs a Uint8Array, not ${describe(bytes)}`);
      return call('push', () => inner.push(bytes));
    },
    finish() {
      const out = call('finish', () => inner.finish());
      open = false;
      inner.free();
      return out;
    },
  });
}
