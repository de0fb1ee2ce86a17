// contact-rules/import for Node (ES modules), chosen by the `node` condition of `exports`: the
// whole API (the same instance as `contact-rules` in Node: node-load.js) plus suggestMapping and
// createCsvImport.
import './node-load.js';

export * from './api.js';
export * from './import-api.js';
