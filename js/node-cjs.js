// The source of node.cjs, contact-rules for Node's `require` (Node 18+, Jest's default
// configuration, including its jsdom environment): scripts/build-pkg.sh bundles this file from
// pkg/import/ with api.js, state.js and the glue of the modules built with the import into one
// CommonJS file, so the API is the same code as the ES module entries. Like node.js it reads
// the module optimized for speed synchronously, from next to the bundled file (`__dirname` is
// CommonJS's), and exports the API without the import's functions (import.cjs has them).
//
// The glue's TextDecoder and TextEncoder come from node:util (build-pkg.sh injects
// node-text.js): Jest's jsdom environment has neither as a global.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './contact_rules_core.js';
import { start } from './state.js';

start(() => {
  const module = new WebAssembly.Module(readFileSync(join(__dirname, 'contact_rules_core_fast.wasm')));
  initSync({ module });
  return module;
});

export * from './api.js';
