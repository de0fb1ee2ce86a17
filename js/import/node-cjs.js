// The source of import.cjs, `require('contact-rules/import')`: node.cjs's API (node-cjs.js,
// bundled in by scripts/build-pkg.sh from pkg/import/) plus the spreadsheet import.
export * from './node-cjs.js';
export * from './import-api.js';
