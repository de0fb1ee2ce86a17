// contact-rules/import with its WebAssembly module inlined (base64 in
// contact_rules_import_inline.js): what `exports` picks for `contact-rules/import` where
// inline.js is picked for `contact-rules` (esbuild, Rollup, dev servers, any other tool), and
// under `contact-rules/import/inline`. The whole API plus the spreadsheet import.
import wasmBase64 from './contact_rules_import_inline.js';
import { load } from './loader.js';
import { start } from './state.js';

function decode(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

start(() => load(Promise.resolve().then(() => decode(wasmBase64))));

export * from './api.js';
export * from './import-api.js';
