// Loads Node's module (contact_rules_core_fast.wasm: opt-level 3, built with the spreadsheet
// import, the same crate as the browsers' modules with the same results: js/test/builds.test.mjs)
// synchronously, so the package is ready when the import returns: no top-level await, and
// `require` of node.cjs behaves alike. The literal `new URL(..., import.meta.url)` lets server
// bundlers (Next.js, webpack) trace the file and copy it with the build.
//
// scripts/build-pkg.sh puts this file in pkg/import/, next to the glue of the modules built with
// the import: both Node entries (node.js for `contact-rules`, import/node.js for
// `contact-rules/import`) load it, so in one Node process they share one instance.
import { readFileSync } from 'node:fs';
import { initSync } from './contact_rules_core.js';
import { start } from './state.js';

start(() => {
  const module = new WebAssembly.Module(readFileSync(new URL('../contact_rules_core_fast.wasm', import.meta.url)));
  initSync({ module });
  return module;
});
