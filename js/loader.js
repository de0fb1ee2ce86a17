// How the browser entries turn a source into the instantiated module: compile it (streaming
// when the server sends application/wasm), then hand the compiled WebAssembly.Module to the
// glue, so that the package keeps it for wasmModule() (a page can post it to its workers, which
// then instantiate without compiling again). Internal.
import initGlue from './contact_rules_core.js';

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
    source = await fetch(source);
  }
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) throw new Error(`fetching ${source.url} answered ${source.status} ${source.statusText}`.trim());
    const type = (source.headers.get('content-type') ?? '').split(';')[0].trim();
    if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
      return WebAssembly.compileStreaming(source);
    }
    return WebAssembly.compile(await source.arrayBuffer());
  }
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return WebAssembly.compile(source);
  throw new TypeError(
    `contact-rules: init() takes a WebAssembly.Module, a URL, a Response or the module's bytes, not ${source === null ? 'null' : typeof source}`,
  );
}

/** Compiles and instantiates `source`; resolves to the compiled WebAssembly.Module. */
export async function load(source) {
  const module = await compile(await source);
  await initGlue({ module_or_path: module });
  return module;
}
