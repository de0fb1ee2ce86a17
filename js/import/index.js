// contact-rules/import for browsers and bundlers that copy assets (the `production` condition,
// and `contact-rules/import/browser`): the whole API plus the spreadsheet import
// (suggestMapping, createCsvImport), with the module built with it
// (contact_rules_import_bg.wasm, next to this file). For pages that import files: a page that
// only validates forms imports `contact-rules`, whose module is 33 KB gzip smaller. Loads as
// index.js does: fetched and compiled as soon as imported, without holding the page.
import { load } from './loader.js';
import { start } from './state.js';

start(() => load(new URL('./contact_rules_import_bg.wasm', import.meta.url)));

export * from './api.js';
export * from './import-api.js';
