// contact-rules/import: the spreadsheet import (issue 16), the crate's column mapping and CSV
// importer, the code the command line's `check` runs on CSV files, so that a page maps and reads
// a file exactly as the command line does. Only in the entries of `contact-rules/import`
// (pkg/import/), whose module is built with the cargo feature `import`: the browsers' default
// module leaves it out (README, "Size"). Options are the command line's CSV flags, camelCase;
// misuse throws the package's one TypeError (fromWire), a file that cannot be imported is a
// returned value.
import { CsvImport, suggestMappingJson } from './contact_rules_core.js';
import { assertReady } from './state.js';
import { describe, fromWire, misuse, toJson } from './wire.js';

const IMPORT_OPTION_KEYS = ['encoding', 'delimiter', 'columns', 'unmapped', 'map', 'maxRowBytes'];

function importOptionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw misuse(`import options must be an object, not ${describe(options)}`);
  }
  const plain = {};
  for (const key of Object.keys(options)) {
    if (!IMPORT_OPTION_KEYS.includes(key)) throw misuse(`unknown import option ${JSON.stringify(key)}`);
    const value = options[key];
    if (value === undefined) continue;
    // `map` may be an object {column: key} (in insertion order) or an array of [column, key].
    plain[key] = key === 'map' && value !== null && !Array.isArray(value) && typeof value === 'object' ? Object.entries(value) : value;
  }
  return toJson(plain);
}

/**
 * The suggested mapping of a header row: which payload key each column becomes, by the crate's
 * one table of the exports' aliases, with `options.map` and `options.unmapped` applied. See
 * index.d.ts.
 */
export function suggestMapping(headers, options) {
  assertReady('suggestMapping');
  if (!Array.isArray(headers) || !headers.every((h) => typeof h === 'string')) {
    throw misuse('suggestMapping needs an array of header strings');
  }
  return fromWire(suggestMappingJson(toJson(headers), importOptionsJson(options)));
}

/**
 * A CSV file read chunk by chunk as the command line reads it: `push(bytes)` then `finish()`,
 * each returning `{dialect, rows}` (or `{error}` when the file cannot be imported). See
 * index.d.ts.
 */
export function createCsvImport(options) {
  assertReady('createCsvImport');
  const inner = new CsvImport(importOptionsJson(options));
  try {
    fromWire(inner.check());
  } catch (e) {
    inner.free();
    throw e;
  }
  let open = true;
  const call = (name, run) => {
    if (!open) throw misuse(`${name} after finish()`);
    return fromWire(run());
  };
  return Object.freeze({
    push(bytes) {
      if (!(bytes instanceof Uint8Array)) throw misuse(`push needs a Uint8Array, not ${describe(bytes)}`);
      return call('push', () => inner.push(bytes));
    },
    finish() {
      const out = call('finish', () => inner.finish());
      open = false;
      inner.free();
      return out;
    },
  });
}
