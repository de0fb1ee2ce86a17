// The package's conversion point between JavaScript values and the JSON text the rules read and
// write, and its one kind of misuse error: shared by api.js and, in the import entry, by
// import-api.js. Internal: not exported from the package.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function wellFormed(s) {
  return typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE_SURROGATE.test(s);
}

export function describe(v) {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  const proto = Object.getPrototypeOf(v);
  return proto?.constructor?.name ? `a ${proto.constructor.name}` : 'an exotic object';
}

export function misuse(message, cause) {
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
export const TOO_LARGE = Symbol('too large');

/**
 * `value` as JSON text, refusing what is not JSON-like with the package's TypeError; throws
 * TOO_LARGE once the text is known to be longer than `maxBytes`.
 */
export function toJson(value, maxBytes = Infinity) {
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

/** A result of the rules, parsed; `{misuse}` becomes the package's TypeError. */
export function fromWire(text) {
  const out = JSON.parse(text);
  if (out !== null && typeof out === 'object' && !Array.isArray(out) && typeof out.misuse === 'string') {
    throw new TypeError(out.misuse);
  }
  return out;
}
