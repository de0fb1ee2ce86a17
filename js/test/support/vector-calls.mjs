// The calls the engines test makes for each shared vector (tests/vectors/*.json), run the same
// way in Node and in each browser: the vector's payload (its JSON text parsed by the engine
// itself) through `validateContact` and `validateContacts` with the vector's options, and the
// normalized value through `validateContact` again. Each result is kept as JSON text, so that
// Node's and a browser's can be compared byte for byte.
import { jsOptions } from './options.mjs';

/**
 * The results of one vector file's calls: [{name, calls: JSON text}]. `lib` is the package's
 * module; `text` the file's JSON text. Vectors marked `text_only` (not valid JSON, or numbers a
 * JavaScript number cannot hold) are for the Rust text API and are left out.
 */
export async function vectorCalls(lib, text) {
  if (lib.ready) await lib.ready; // the package's readiness promise, where it has one
  const out = [];
  for (const c of JSON.parse(text)) {
    if (c.text_only) continue;
    const options = jsOptions(c.options);
    const payload = 'input' in c ? c.input : JSON.parse(c.input_text);
    const one = lib.validateContact(payload, options);
    const batch = lib.validateContacts([payload, payload], options);
    const again = one.ok ? lib.validateContact(one.value, options) : null;
    out.push({ name: c.name, calls: JSON.stringify({ one, batch, again }) });
  }
  return out;
}
