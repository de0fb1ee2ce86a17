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

function decode(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Decodes the module's bytes from base64 (the inline entries' modules), after the current task
 * so that the import does not hold the page, then compiles and instantiates them as `load`.
 */
export function loadBase64(base64) {
  return load(Promise.resolve().then(() => decode(base64)));
}
