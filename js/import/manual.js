// contact-rules/import without automatic loading (`contact-rules/import/manual`): as
// contact-rules/manual, for the modules built with the import — init(source) takes
// contact_rules_import_bg.wasm (the default, fetched from next to this file), Node's
// contact_rules_core_fast.wasm, or a WebAssembly.Module compiled from either (a page's bulk
// worker posting it to its validators). The whole API plus the spreadsheet import.
import { load } from './loader.js';
import { ready, start } from './state.js';

export * from './api.js';
export * from './import-api.js';

/**
 * Loads the module from `source` — a WebAssembly.Module, a URL (string, URL or Request), a
 * Response, or the module's bytes — or, without one, from contact_rules_import_bg.wasm next to
 * this file; resolves when the rules can be called. Calls after the first return the same
 * promise and load nothing.
 */
export function init(source) {
  start(() => load(source ?? new URL('./contact_rules_import_bg.wasm', import.meta.url)));
  return ready;
}
