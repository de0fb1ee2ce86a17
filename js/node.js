// contact-rules for Node (ES modules), chosen by the `node` condition of `exports`: Node,
// Deno, Bun, and the server side of frameworks (Next.js route handlers and server rendering).
//
// It reads the module optimized for speed (contact_rules_core_fast.wasm: opt-level 3, the same
// crate and glue as the browsers' size build, with the same results: js/test/builds.test.mjs)
// synchronously at import, so the package is ready when the import returns: no top-level await,
// and `require` of node.cjs behaves alike. The literal `new URL(..., import.meta.url)` lets
// server bundlers (Next.js, webpack) trace the file and copy it with the build.
import { readFileSync } from 'node:fs';
import { initSync } from './contact_rules_core.js';
import { start } from './state.js';

start(() => {
  const module = new WebAssembly.Module(readFileSync(new URL('./contact_rules_core_fast.wasm', import.meta.url)));
  initSync({ module });
  return module;
});

export * from './api.js';
