// The package's WebAssembly module for the bulk check, compiled once and shared: the bulk worker
// (worker.js) compiles it and posts the WebAssembly.Module to its validator workers
// (validator.js); each loads the package through its `contact-rules/import/manual` entry
// (`pkg/import/manual.js`, which loads nothing by itself; the bulk worker reads CSV files with
// the import) with `init(module)`, so nothing is compiled twice. Engines share a module's
// compiled and optimized code between the workers it is posted to; a worker that compiles its own copy pays the compilation and, above all, the
// optimization again (WebKit: seconds per worker on two cores; www/README.md, "Speed").

// The opt-level 3 build first (the one Node loads), then the size build of the package's import
// entry: the bulk check is the page's one throughput job, and in WebKit the size build runs
// several times slower until JavaScriptCore's optimizing tier has compiled it, which takes
// seconds (www/README.md, "Speed"). Both are built with the import; same crate, same glue, same
// results (the e2e tests compare the page with Node).
const WASM_URLS = [
  new URL('../pkg/contact_rules_core_fast.wasm', import.meta.url),
  new URL('../pkg/import/contact_rules_import_bg.wasm', import.meta.url),
];
const MANUAL_URL = new URL('../pkg/import/manual.js', import.meta.url);

/** Fetches and compiles the package's module: a WebAssembly.Module. */
export async function compileModule() {
  let problem;
  for (const url of WASM_URLS) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
      if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
        return await WebAssembly.compileStreaming(res);
      }
      return await WebAssembly.compile(await res.arrayBuffer());
    } catch (e) {
      problem = e;
    }
  }
  throw problem;
}

/**
 * The package (its `contact-rules/import/manual` entry), ready: instantiated from `module`, a compiled
 * WebAssembly.Module, or, when `module` is null, from the .wasm the package loads by default.
 */
export async function loadPackage(module) {
  const pkg = await import(MANUAL_URL.href);
  await pkg.init(module ?? undefined);
  return pkg;
}
