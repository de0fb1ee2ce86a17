// A validator: a module worker started by the bulk worker (worker.js; how many: see there), that
// validates the batches it is sent. Out first: {hello} once it listens (the bulk worker posts
// nothing before). In: {module} (the WebAssembly.Module the bulk worker compiled, or null), then
// {seq, payloads, options}. Out: {seq, results} or {seq, error}.
import { validateBatch } from './batch.js';
import { loadPackage } from './wasm.js';

// Set by the first message; batches that come while the package loads wait for it, in order.
let pkgReady = null;

self.addEventListener('message', async ({ data }) => {
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
    self.postMessage({ seq, results: validateBatch(pkg, payloads, options) });
  } catch (e) {
    self.postMessage({ seq, error: e instanceof Error ? e.message || e.name : String(e) });
  }
});

// Listening: the bulk worker may now post.
self.postMessage({ hello: true });
