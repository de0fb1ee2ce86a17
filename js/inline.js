// contact-rules with its WebAssembly module inlined (base64 in contact_rules_core_inline.js):
// the entry `exports` picks where no bundler that copies assets is known to be at work —
// esbuild, Rollup, dev servers (Vite's pre-bundling moves files away from their assets), and any
// other tool — and under `contact-rules/inline`. It needs nothing but the JavaScript files, at
// the cost of about a third more bytes to download than index.js with its .wasm (README, "Use
// it in your app", has the figures).
//
// Like index.js it does not hold the page: the module is decoded and compiled asynchronously,
// and `ready` resolves when the rules can be called.
import wasmBase64 from './contact_rules_core_inline.js';
import { loadBase64 } from './loader.js';
import { start } from './state.js';

start(() => loadBase64(wasmBase64));

export * from './api.js';
