// contact-rules for Node (ES modules), chosen by the `node` condition of `exports`: Node,
// Deno, Bun, and the server side of frameworks (Next.js route handlers and server rendering).
//
// Node's module is built with the spreadsheet import, so it is loaded through the import
// entries' glue (import/node-load.js, ready when this import returns). This entry exports the
// API without the import's functions, as the browsers' entries do, so that code moves between
// Node and browsers unchanged: suggestMapping and createCsvImport come from
// `contact-rules/import`, in Node too (it shares this entry's instance).
import './import/node-load.js';

export * from './import/api.js';
