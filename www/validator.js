// A validator: a module worker started by the bulk worker (worker.js; how many: see there), that
// validates the batches it is sent. In: first {module} (the WebAssembly.Module the bulk worker
// compiled, or null), then {seq, payloads, options}. Out: {seq, results} or {seq, error}.
import { validateBatch } from './batch.js';
import { loadPackage } from './wasm.js';

// Set by the first message; batches that come while the package loads wait for it, in order.
let pkgReady = null;

self.addEventListener('message', async ({ data }) => {
  if (pkgReady === null) {
    pkgReady = loadPackage(data.module ?? null);
    pkgReady.catch(() => {}); // reported with the first batch
    return;
  }
  const { seq, payloads, options } = data;
  try {
    const pkg = await pkgReady;
    self.postMessage({ seq, results: validateBatch(pkg, payloads, options) });
  } catch (e) {
    self.postMessage({ seq, error: e instanceof Error ? e.message || e.name : String(e) });
  }
});
