// The bulk checker: a module Web Worker that reads a CSV, NDJSON or JSON-array file in slices,
// parses it as it goes (records.js), has its records validated by the npm package in batches
// of 500 (`validateContacts`) on every spare core (validator.js workers, which the page starts
// and connects to this worker by MessagePorts, validators.js; here when there are none), posts
// its progress, and hands back a summary, the first failing records and two Blobs: the
// normalized NDJSON and the errors NDJSON. The page's thread only draws.
//
// The WebAssembly module is compiled once, here (wasm.js), and the compiled WebAssembly.Module
// is posted to every validator worker, which instantiates it without compiling it again
// (www/README.md, "Speed").
//
// Messages in:  {type: 'run', id, file: Blob (with name), format: 'auto'|'csv'|'ndjson'|'json',
//                options: ContactOptions, errorsShape: 'issues'|'fastapi',
//                ports: MessagePort[], one per validator worker (none: validate in this worker)}
// Messages out: {type: 'hello'} once it listens (the page posts nothing before), then
//               {type: 'progress', id, bytes, total, records}
//               {type: 'done', id, format, summary, failures, normalized: Blob, errors: Blob,
//                ms, validators}
//               {type: 'error', id, message}
import { NdjsonReader, detectFormat } from './records.js';
import { validateBatch } from './batch.js';
import { compileModule, loadPackage } from './wasm.js';

/** Records validated per `validateContacts` call. */
export const CHUNK = 500;
/** Bytes read at a time. */
export const SLICE = 64 * 1024;
/** Failing records kept for the page's table. */
export const FAILURES_KEPT = 50;

// The module is compiled and the package loaded after the message handler is in place, so that
// a message sent while the WebAssembly module is still compiling waits for it instead of being
// lost. Where the module cannot be compiled here (`null`), the package loads its default one.
const moduleReady = compileModule().catch(() => null);
const pkgReady = moduleReady.then(loadPackage);
pkgReady.catch(() => {}); // reported when a run awaits it

/**
 * A CSV file through the package's import (the crate's CSV reading and column mapping, which
 * the command line runs): a reader with push/end, like NdjsonReader, calling `onRecord` with
 * `{index, line, payload}` or `{index, line, result}`. A file that cannot be imported (an
 * ambiguous mapping, a header that cannot be read) throws its message.
 */
function csvImport(pkg, importOptions, onRecord) {
  const imp = pkg.createCsvImport(importOptions ?? {});
  let index = 0;
  let open = true;
  const take = (batch) => {
    if ('error' in batch) {
      if (open) imp.finish(); // frees the import
      open = false;
      const m = batch.error.message;
      throw new Error(m.charAt(0).toUpperCase() + m.slice(1));
    }
    for (const row of batch.rows) onRecord({ index: index++, ...row });
  };
  return {
    push: (bytes) => take(imp.push(bytes)),
    end: () => {
      open = false;
      take(imp.finish());
    },
  };
}

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type !== 'run') return;
  run(msg).catch((e) => {
    self.postMessage({ type: 'error', id: msg.id, message: describeError(e) });
  });
});
// Listening: the page may now post (bulk.js waits for this).
self.postMessage({ type: 'hello' });

function describeError(e) {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * The run's validator workers, as the page started them (validators.js): one MessagePort each,
 * from the run message. The compiled module goes first on each port (null: the validator loads
 * the package itself), then the batches, round-robin; each validator answers in order. No
 * ports: batches are validated here.
 */
class Validators {
  constructor(ports, module) {
    this.size = ports.length;
    this.ports = ports;
    this.pending = new Map(); // seq -> {resolve, reject}
    this.seq = 0;
    for (const port of ports) {
      port.addEventListener('message', ({ data }) => {
        const p = this.pending.get(data.seq);
        this.pending.delete(data.seq);
        if (data.error !== undefined) p?.reject(new Error(data.error));
        else p?.resolve(data.results);
      });
      port.start();
      port.postMessage({ module });
    }
  }

  /** Closes the ports; batches still waiting are rejected. */
  close() {
    for (const port of this.ports) port.close();
    for (const p of this.pending.values()) p.reject(new Error('stopped'));
    this.pending.clear();
  }

  /** The results of one batch, in order. */
  validate(pkg, payloads, options) {
    if (this.size === 0) return Promise.resolve(validateBatch(pkg, payloads, options));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.ports[seq % this.size].postMessage({ seq, payloads, options });
    });
  }
}

class Results {
  constructor(pkg, errorsShape) {
    this.pkg = pkg;
    this.errorsShape = errorsShape;
    this.summary = { records: 0, valid: 0, invalid: 0, withWarnings: 0, codes: {} };
    this.failures = [];
    this.normalizedParts = [];
    this.errorParts = [];
  }

  /** Counts a batch of records (in file order) with the results of their payloads. */
  add(records, results) {
    let k = 0;
    let normalized = '';
    let errors = '';
    const s = this.summary;
    for (const r of records) {
      const res = r.result ?? (r.error ? { ok: false, errors: [r.error], warnings: [] } : results[k++]);
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
        if (this.errorsShape === 'fastapi') line.detail = this.pkg.toFastApiErrors(res.errors).detail;
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

async function run({ id, file, format, options, errorsShape, importOptions, ports = [] }) {
  const started = performance.now();
  const pkg = await pkgReady;
  const validators = new Validators(ports, pkg.wasmModule());
  try {
    // Misused options (an unknown region) are a problem of the whole run: say so up front.
    pkg.validateContacts([], options);
    await check(pkg, validators, { id, file, format, options, errorsShape, importOptions, started });
  } finally {
    validators.close();
  }
}

async function check(pkg, validators, { id, file, format, options, errorsShape, importOptions, started }) {
  const total = file.size;
  const head = new Uint8Array(await file.slice(0, 256).arrayBuffer());
  const fmt = format === 'auto' ? detectFormat(file.name, head) : format;
  const out = new Results(pkg, errorsShape);
  let bytes = 0; // read so far
  const progress = (done) =>
    self.postMessage({ type: 'progress', id, bytes: done, total, records: out.summary.records });

  // Batches being validated, oldest first; counted in that order, so the output keeps the
  // file's order. At most `limit` at a time, which bounds the memory whatever the file size.
  const inflight = [];
  const limit = Math.max(2, 2 * validators.size);
  const settle = async () => {
    const { records, results, at } = inflight.shift();
    out.add(records, await results);
    progress(at);
  };
  const dispatch = async (records) => {
    const payloads = [];
    for (const r of records) if (!r.error && !r.result) payloads.push(r.payload);
    const results = validators.validate(pkg, payloads, options);
    results.catch(() => {}); // awaited in order by settle(); no unhandled rejection meanwhile
    inflight.push({ records, results, at: bytes });
    while (inflight.length >= limit) await settle();
  };

  let queue = [];
  const drain = async (all) => {
    while (queue.length >= CHUNK || (all && queue.length > 0)) {
      const batch = queue.slice(0, CHUNK);
      queue = queue.slice(CHUNK);
      await dispatch(batch);
    }
  };

  if (fmt === 'json') {
    let items;
    try {
      items = JSON.parse(await file.text());
    } catch (e) {
      throw new Error(`The file is not JSON: ${describeError(e)}`);
    }
    if (!Array.isArray(items)) throw new Error('A JSON file must hold an array of payloads.');
    for (let i = 0; i < items.length; i += CHUNK) {
      bytes = Math.round((total * Math.min(items.length, i + CHUNK)) / items.length);
      await dispatch(items.slice(i, i + CHUNK).map((payload, k) => ({ index: i + k, line: null, payload })));
    }
  } else {
    const reader =
      fmt === 'csv' ? csvImport(pkg, importOptions, (r) => queue.push(r)) : new NdjsonReader((r) => queue.push(r));
    // Slices of the file rather than file.stream(): chunks of a known size, so that the
    // progress moves evenly whatever the browser's stream chunking is.
    for (let at = 0; at < total; at += SLICE) {
      const value = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      bytes = at + value.length;
      reader.push(value);
      await drain(false);
    }
    reader.end();
    await drain(true);
  }
  while (inflight.length > 0) await settle();
  progress(total);

  self.postMessage({
    type: 'done',
    id,
    format: fmt,
    summary: out.summary,
    failures: out.failures,
    normalized: new Blob(out.normalizedParts, { type: 'application/x-ndjson' }),
    errors: new Blob(out.errorParts, { type: 'application/x-ndjson' }),
    ms: Math.round(performance.now() - started),
    validators: validators.size,
  });
}
