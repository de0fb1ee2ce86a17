// contact-rules for JavaScript: the package's API, the same in every entry point (index.js for
// browsers, inline.js for tools without asset handling, node.js and node.cjs for Node, and the
// same four of `contact-rules/import` in import/; see package.json's `exports`). Each entry
// loads the WebAssembly module its own way and re-exports this file (the import entries also
// import-api.js). scripts/build-pkg.sh puts one copy next to each glue: pkg/ (the browsers'
// module, without the spreadsheet import) and pkg/import/ (the import module and Node's).
//
// The rules are the Rust crate compiled to WebAssembly (`contact_rules_core*`, made by
// wasm-pack). This file (with wire.js) is the one conversion point between JavaScript and the rules:
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
} from './contact_rules_core.js';
import { ready, isReady, assertReady, wasmModule } from './state.js';
import { TOO_LARGE, describe, fromWire, misuse, toJson, wellFormed } from './wire.js';

export { ready, isReady, wasmModule };

/**
 * The same promise as `ready`, for code written the wasm-pack way (`await init()`). This entry
 * starts loading its module when it is imported; calling this starts nothing new. (The
 * `contact-rules/manual` entry has its own init, which takes the module to load.)
 */
export function init(source) {
  if (source !== undefined) {
    throw misuse('init(source) is for contact-rules/manual (and contact-rules/import/manual); this entry loads its module by itself when imported');
  }
  return ready;
}

const DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

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
