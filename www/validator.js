// A validator: a module worker started by the bulk worker (worker.js), one per spare core, that
// validates the batches it is sent. In: {seq, payloads, options}. Out: {seq, results} or
// {seq, error}.
import { validateBatch } from './batch.js';

// Imported after the handler is in place, so that no batch is lost while the module compiles.
const pkgReady = import('../pkg/index.js').then(async (pkg) => {
  await pkg.ready;
  return pkg;
});
pkgReady.catch(() => {}); // reported with the first batch

self.addEventListener('message', async ({ data }) => {
  const { seq, payloads, options } = data;
  try {
    const pkg = await pkgReady;
    self.postMessage({ seq, results: validateBatch(pkg, payloads, options) });
  } catch (e) {
    self.postMessage({ seq, error: e instanceof Error ? e.message || e.name : String(e) });
  }
});
