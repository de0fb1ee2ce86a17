// The bulk checker: a module Web Worker that reads a CSV, NDJSON or JSON-array file in slices,
// validates its records with the npm package in chunks of 500 (`validateContacts`), posts its
// progress, and hands back a summary, the first failing records and two Blobs:
// the normalized NDJSON and the errors NDJSON. The page's thread only draws.
//
// Messages in:  {type: 'run', id, file: Blob (with name), format: 'auto'|'csv'|'ndjson'|'json',
//                options: ContactOptions, errorsShape: 'issues'|'fastapi'}
// Messages out: {type: 'progress', id, bytes, total, records}
//               {type: 'done', id, format, summary, failures, normalized: Blob, errors: Blob, ms}
//               {type: 'error', id, message}
import { csvRecords, NdjsonReader, detectFormat, invalidJson } from './records.js';

/** Records validated per `validateContacts` call. */
export const CHUNK = 500;
/** Bytes read at a time. */
export const SLICE = 64 * 1024;
/** Failing records kept for the page's table. */
export const FAILURES_KEPT = 50;

// The package is imported dynamically, after the message handler is in place, so that a
// message sent while the WebAssembly module is still compiling waits for it instead of being
// lost.
const pkgReady = import('../pkg/index.js');
pkgReady.catch(() => {}); // reported when a run awaits it

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type !== 'run') return;
  run(msg).catch((e) => {
    self.postMessage({ type: 'error', id: msg.id, message: describeError(e) });
  });
});

function describeError(e) {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

class Results {
  constructor(pkg, options, errorsShape) {
    this.pkg = pkg;
    this.options = options;
    this.errorsShape = errorsShape;
    this.summary = { records: 0, valid: 0, invalid: 0, withWarnings: 0, codes: {} };
    this.failures = [];
    this.normalizedParts = [];
    this.errorParts = [];
  }

  /** Validates a batch of records in file order. */
  add(records) {
    const { pkg, options } = this;
    const payloads = [];
    for (const r of records) if (!r.error) payloads.push(r.payload);
    let results;
    try {
      results = pkg.validateContacts(payloads, options);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      // A value JavaScript holds but JSON cannot (a lone surrogate from a `\ud800` escape):
      // find it record by record; such a record is not valid JSON text for the API either.
      results = payloads.map((p) => {
        try {
          return pkg.validateContact(p, options);
        } catch (e2) {
          if (!(e2 instanceof TypeError)) throw e2;
          return { ok: false, errors: [invalidJson(e2.message)], warnings: [] };
        }
      });
    }
    let k = 0;
    let normalized = '';
    let errors = '';
    for (const r of records) {
      const res = r.error ? { ok: false, errors: [r.error], warnings: [] } : results[k++];
      const s = this.summary;
      s.records++;
      for (const i of res.errors) this.count(i.code, 'error');
      for (const i of res.warnings) this.count(i.code, 'warning');
      if (res.warnings.length > 0) s.withWarnings++;
      if (res.ok) {
        s.valid++;
        normalized += JSON.stringify(res.value) + '\n';
      } else {
        s.invalid++;
        const line = { index: r.index, line: r.line ?? null };
        if (this.errorsShape === 'fastapi') line.detail = pkg.toFastApiErrors(res.errors).detail;
        else line.errors = res.errors;
        errors += JSON.stringify(line) + '\n';
        if (this.failures.length < FAILURES_KEPT) {
          this.failures.push({ index: r.index, line: r.line ?? null, errors: res.errors });
        }
      }
    }
    if (normalized) this.normalizedParts.push(normalized);
    if (errors) this.errorParts.push(errors);
  }

  count(code, severity) {
    const c = (this.summary.codes[code] ??= { severity, count: 0 });
    c.count++;
  }
}

async function run({ id, file, format, options, errorsShape }) {
  const started = performance.now();
  const pkg = await pkgReady;
  // Misused options (an unknown region) are a problem of the whole run: say so up front.
  pkg.validateContacts([], options);

  const total = file.size;
  const head = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  const fmt = format === 'auto' ? detectFormat(file.name, head) : format;
  const out = new Results(pkg, options, errorsShape);
  let bytes = 0;
  const progress = () =>
    self.postMessage({ type: 'progress', id, bytes, total, records: out.summary.records });

  if (fmt === 'json') {
    await runJsonArray(file, out, (fraction) => {
      bytes = Math.round(fraction * total);
      progress();
    });
  } else {
    let queue = [];
    const onRecord = (r) => queue.push(r);
    const drain = (all) => {
      while (queue.length >= CHUNK || (all && queue.length > 0)) {
        out.add(queue.slice(0, CHUNK));
        queue = queue.slice(CHUNK);
        progress();
      }
    };
    const reader = fmt === 'csv' ? csvRecords(onRecord) : new NdjsonReader(onRecord);
    // Slices of the file rather than file.stream(): chunks of a known size, so that the
    // progress moves evenly whatever the browser's stream chunking is.
    for (let at = 0; at < total; at += SLICE) {
      const value = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      bytes = at + value.length;
      reader.push(value);
      drain(false);
      progress();
    }
    reader.end();
    drain(true);
  }
  bytes = total;
  progress();

  self.postMessage({
    type: 'done',
    id,
    format: fmt,
    summary: out.summary,
    failures: out.failures,
    normalized: new Blob(out.normalizedParts, { type: 'application/x-ndjson' }),
    errors: new Blob(out.errorParts, { type: 'application/x-ndjson' }),
    ms: Math.round(performance.now() - started),
  });
}

async function runJsonArray(file, out, onProgress) {
  let items;
  try {
    items = JSON.parse(await file.text());
  } catch (e) {
    throw new Error(`The file is not JSON: ${describeError(e)}`);
  }
  if (!Array.isArray(items)) throw new Error('A JSON file must hold an array of payloads.');
  for (let i = 0; i < items.length; i += CHUNK) {
    out.add(items.slice(i, i + CHUNK).map((payload, k) => ({ index: i + k, line: null, payload })));
    onProgress(i / items.length);
  }
}
