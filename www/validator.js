// A validator: a module worker started by the page (validators.js) that validates the batches
// the bulk worker (worker.js) sends it over a MessageChannel. Out first, to the page: {hello}
// once it listens (the page posts nothing before). In from the page: {port}, one per run. On
// that port, in: {module} (the WebAssembly.Module the bulk worker compiled, or null), then
// {seq, payloads, options}; out: {seq, results} or {seq, error}.
import { validateBatch } from './batch.js';
import { loadPackage } from './wasm.js';

// Set by the first module message; batches that come while the package loads wait for it, in
// order. Kept across runs.
let pkgReady = null;

function listen(port) {
  port.addEventListener('message', async ({ data }) => {
    if ('module' in data) {
      pkgReady ??= loadPackage(data.module ?? null);
      pkgReady.catch(() => {}); // reported with the first batch
      return;
    }
    // A batch before any module (never with worker.js, which posts the module first): load the
    // package's own module rather than wait for one.
    pkgReady ??= loadPackage(null);
    const { seq, payloads, options } = data;
    try {
      const pkg = await pkgReady;
      port.postMessage({ seq, results: validateBatch(pkg, payloads, options) });
    } catch (e) {
      port.postMessage({ seq, error: e instanceof Error ? e.message || e.name : String(e) });
    }
  });
  port.start();
}

self.addEventListener('message', ({ data }) => {
  if (data?.port) listen(data.port);
});

// Listening: the page may now post.
self.postMessage({ hello: true });
