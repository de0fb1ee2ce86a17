// contact-rules without automatic loading (`contact-rules/manual`): nothing is fetched or
// compiled until init() is called, with the module to use — for workers that receive the
// compiled WebAssembly.Module from the page (wasmModule() there, postMessage, init({ module })
// here: one compilation for all of them), for a .wasm served from another place (a CDN, a
// path a Content-Security-Policy allows), or for bytes the app already has.
//
//   import { init, validateContact } from 'contact-rules/manual';
//   await init(moduleFromThePage);   // or init(), which fetches the .wasm next to this file
import { load } from './loader.js';
import { ready, start } from './state.js';

export * from './api.js';

/**
 * Loads the module from `source` — a WebAssembly.Module, a URL (string, URL or Request), a
 * Response, or the module's bytes — or, without one, from contact_rules_core_bg.wasm next to
 * this file; resolves when the rules can be called. Calls after the first return the same
 * promise and load nothing.
 */
export function init(source) {
  start(() => load(source ?? new URL('./contact_rules_core_bg.wasm', import.meta.url)));
  return ready;
}
