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
import { TOO_LARGE, describe, fromWire, misuse, scan, toJson, wellFormed } from './wire.js';

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

// The options text the rules last accepted ('' is the defaults): validateContacts asks the rules
// once per new options text whether they accept it (see below).
let acceptedOptions = '';

function optionsAccepted(opts) {
  if (opts === acceptedOptions) return true;
  const answer = JSON.parse(payloadTooLargeJson(opts));
  if (typeof answer.misuse === 'string') return false;
  acceptedOptions = opts;
  return true;
}

// A validateContacts item's text by the general path (toJson), with the item's index in the
// TypeError; TOO_LARGE passes through.
function itemJson(item, i, maxBytes) {
  try {
    return item === undefined ? 'null' : toJson(item, maxBytes);
  } catch (e) {
    if (e !== TOO_LARGE && e instanceof TypeError && e.message.startsWith('contact-rules: ')) {
      throw misuse(`validateContacts item ${i}: ${e.message.slice('contact-rules: '.length)}`, e);
    }
    throw e;
  }
}

/** Validates an array of payloads in one call (for bulk imports). See index.d.ts. */
export function validateContacts(payloads, options) {
  assertReady('validateContacts');
  if (!Array.isArray(payloads)) throw misuse(`validateContacts needs an array, not ${describe(payloads)}`);
  const opts = optionsJson(options);
  const maxBytes = maxPayloadBytes(options);
  // Options the rules refuse throw their TypeError at the first batch, after the items before
  // it were read (one of them may throw first): the text batches below keep that order.
  return optionsAccepted(opts) ? manyAsValues(payloads, opts, maxBytes) : manyAsTexts(payloads, opts, maxBytes);
}

// validateContacts with options the rules accept, so that handing them a batch cannot throw
// (each batch is a JSON array, each of its items one payload's text): each item is scanned as
// validateContact's payload is (wire.js), and the plain ones wait in `batch` as they are, to be
// serialized by one JSON.stringify of the batch (the same text as the items' texts joined in
// brackets, a hole or `undefined` being `null`; ~0.8 µs less per item than one JSON.stringify
// each and a join, issue 14). Any other item takes the general path on its own, in its place.
function manyAsValues(payloads, opts, maxBytes) {
  const results = [];
  let batch = [];
  let indexes = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    let text;
    if (batch.toJSON === undefined) {
      try {
        text = JSON.stringify(batch);
      } catch {
        // A getter that throws on its second read, the stack's end: the general path below.
      }
    }
    // An Array.prototype.toJSON, or a failure above: the items' texts one by one, as
    // manyAsTexts makes them (the same texts, or the item's TypeError).
    if (text === undefined) text = `[${batch.map((item, k) => itemJson(item, indexes[k], maxBytes)).join(',')}]`;
    for (const r of fromWire(validateManyJson(text, opts))) results.push(r);
    batch = [];
    indexes = [];
    batchBytes = 0;
  };
  const length = read(() => payloads.length, 'the array');
  for (let i = 0; i < length; i += 1) {
    const item = read(() => payloads[i], `validateContacts item ${i}`);
    const bytes = item === undefined ? 4 : scan(item, maxBytes);
    if (bytes !== -1) {
      batch.push(item);
      indexes.push(i);
      batchBytes += bytes;
      if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) flush();
      continue;
    }
    let text;
    try {
      text = itemJson(item, i, maxBytes);
    } catch (e) {
      if (e !== TOO_LARGE) throw e;
      flush();
      results.push(fromWire(payloadTooLargeJson(opts)));
      continue;
    }
    flush();
    results.push(fromWire(validateJson(text, opts)));
  }
  flush();
  return results;
}

// validateContacts as it reads the items when the rules refuse the options: each item's text on
// its own, the texts joined into batches.
function manyAsTexts(payloads, opts, maxBytes) {
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
      text = itemJson(item, i, maxBytes);
    } catch (e) {
      if (e !== TOO_LARGE) throw e;
      flush();
      results.push(fromWire(payloadTooLargeJson(opts)));
      continue;
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
