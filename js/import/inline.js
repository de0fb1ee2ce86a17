// contact-rules/import with its WebAssembly module inlined (base64 in
// contact_rules_import_inline.js): what `exports` picks for `contact-rules/import` where
// inline.js is picked for `contact-rules` (esbuild, Rollup, dev servers, any other tool), and
// under `contact-rules/import/inline`. The whole API plus the spreadsheet import.
import wasmBase64 from './contact_rules_import_inline.js';
import { loadBase64 } from './loader.js';
import { start } from './state.js';

start(() => loadBase64(wasmBase64));

export * from './api.js';
export * from './import-api.js';
