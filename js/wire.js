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
 * The general path of toJson: JSON.stringify with the checking replacer. Every TypeError and
 * every TOO_LARGE of the package comes from here; toJson takes it for every value its scan does
 * not find plain. Exported for js/test/wire.test.mjs, which holds toJson to it.
 */
export function toJsonGeneral(value, maxBytes = Infinity) {
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
  let text;
  try {
    text = JSON.stringify(value, maxBytes === Infinity ? guard : bounded);
  } catch (e) {
    if (e === TOO_LARGE) throw e;
    if (e instanceof TypeError && e.message.startsWith('contact-rules:')) throw e;
    throw misuse(`cannot read the payload as JSON: ${e?.message ?? e}`, e);
  }
  // No text at all: `undefined`, or a payload whose toJSON returned undefined or a function.
  if (text === undefined) throw misuse('the payload has no JSON text (its toJSON returned undefined or a function)');
  return text;
}

// The fast path of toJson. JSON.stringify leaves V8's fast serializer when given a replacer
// (issue 14: `guard` cost ~6.6 µs of a ~540-byte payload, a plain JSON.stringify ~2.4), so
// toJson first scans the value, making the checks `guard` makes and paying the same size budget
// as `bounded`, and, when it finds nothing to refuse, cut or call, serializes it with a plain
// JSON.stringify: the text is the one the replacer gives (it returns every value as it got it).
// Anything else — a value `guard` would refuse, a payload over the size budget, a `toJSON`, a
// getter or Proxy trap that throws, nesting deeper than SCAN_DEPTH (cycles end there), or a
// plain JSON.stringify that throws — goes to toJsonGeneral, so that every error, its message
// and what is found first stay exactly what they were. js/test/wire.test.mjs compares the two
// paths on generated hostile values.

// Deeper values take the general path (the rules refuse JSON nested over 128 levels anyway).
const SCAN_DEPTH = 200;

// The size budget left during a scan (`bounded`'s `budget`); saved and restored around each
// scan, so that a getter calling the package inside a scan cannot spend the outer one's.
let budget = Infinity;

// Whether `v`, the value of one key (whose own cost the caller has paid), is plain JSON data
// that `guard` accepts, within the budget: charges `bounded`'s cost for it (its length plus a
// separator for a string, two for anything else), then for what it holds. `depth` counts the
// containers around it.
function plain(v, depth) {
  switch (typeof v) {
    case 'string':
      budget -= v.length + 1;
      return !(budget < 0) && wellFormed(v);
    case 'number':
      budget -= 2;
      return !(budget < 0) && Number.isFinite(v);
    case 'boolean':
      budget -= 2;
      return !(budget < 0);
    case 'undefined':
      budget -= 2;
      return !(budget < 0) && v === undefined; // not `document.all`
    case 'object': {
      budget -= 2;
      if (budget < 0) return false;
      if (v === null) return true;
      if (depth >= SCAN_DEPTH || v.toJSON !== undefined) return false;
      if (Array.isArray(v)) {
        const length = v.length;
        for (let i = 0; i < length; i += 1) {
          if (!plain(v[i], depth + 1)) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(v).length !== 0) return false;
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i];
        budget -= key.length;
        if (!wellFormed(key) || !plain(v[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false; // bigint, function, symbol
  }
}

/**
 * Whether `value` is plain JSON data that toJsonGeneral would serialize without refusing it or
 * cutting it at `maxBytes`: then `JSON.stringify(value)` is its text, and the answer is the size
 * budget it spent (a lower bound of the text's UTF-8 length; NaN when `maxBytes` is Infinity).
 * Otherwise -1, also when reading the value threw: the general path reads it again and reports
 * that.
 */
export function scan(value, maxBytes) {
  const outer = budget;
  budget = maxBytes;
  try {
    return plain(value, 0) ? maxBytes - budget : -1;
  } catch {
    return -1;
  } finally {
    budget = outer;
  }
}

/**
 * `value` as JSON text, refusing what is not JSON-like with the package's TypeError; throws
 * TOO_LARGE once the text is known to be longer than `maxBytes`.
 */
export function toJson(value, maxBytes = Infinity) {
  if (scan(value, maxBytes) !== -1) {
    try {
      const text = JSON.stringify(value);
      // undefined (no text: `undefined` itself) goes to the general path, which refuses it.
      if (text !== undefined) return text;
    } catch {
      // A getter that throws on its second read, the stack's end: the general path reports it.
    }
  }
  return toJsonGeneral(value, maxBytes);
}

/** A result of the rules, parsed; `{misuse}` becomes the package's TypeError. */
export function fromWire(text) {
  const out = JSON.parse(text);
  if (out !== null && typeof out === 'object' && !Array.isArray(out) && typeof out.misuse === 'string') {
    throw new TypeError(out.misuse);
  }
  return out;
}
