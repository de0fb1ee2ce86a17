// Whether the WebAssembly module is loaded: the one piece of state the package has. Internal:
// the entry points (index.js, inline.js, node.js, node-cjs.js) start the loading, api.js asks
// before every call. Not exported from the package.

let loaded = false;
let failure = null;
let compiled = null;
let settle;

/** Resolves once the rules can be called; rejects with the reason the module failed to load. */
export const ready = new Promise((resolve, reject) => {
  settle = { resolve, reject };
});

let started = false;

/**
 * Starts the module: `load` instantiates it and gives back the compiled WebAssembly.Module,
 * synchronously (Node reads the file: a failure there is thrown, so the import itself fails, as
 * for any module) or as a promise (browsers fetch and compile it without holding the page: a
 * failure rejects `ready`). Called once, by the entry point when it is evaluated, or by
 * manual.js's init(); returns false when the module was already started.
 */
export function start(load) {
  if (started) return false;
  started = true;
  const pending = load();
  if (pending && typeof pending.then === 'function') {
    pending.then(succeed, fail);
  } else {
    succeed(pending);
  }
  return true;
}

function succeed(module) {
  compiled = module;
  loaded = true;
  settle.resolve();
}

function fail(e) {
  failure = e instanceof Error ? e : new Error(String(e));
  settle.reject(
    Object.assign(new Error(`contact-rules: the WebAssembly module could not be loaded: ${failure.message}`, { cause: failure }), {
      code: 'ERR_CONTACT_RULES_LOAD_FAILED',
    }),
  );
}

/** True once the module is loaded. */
export function isReady() {
  return loaded;
}

/** The compiled WebAssembly.Module, once loaded (to post to workers). */
export function wasmModule() {
  assertReady('wasmModule');
  return compiled;
}

/**
 * Throws the package's error for a synchronous call made before the module is loaded (or after
 * it failed to load). `what` names the call, for the message.
 */
export function assertReady(what) {
  if (loaded) return;
  if (failure !== null) {
    throw Object.assign(
      new Error(`contact-rules: ${what} cannot run: the WebAssembly module could not be loaded: ${failure.message}`, { cause: failure }),
      { code: 'ERR_CONTACT_RULES_LOAD_FAILED' },
    );
  }
  throw Object.assign(
    new Error(
      `contact-rules: ${what} was called before the WebAssembly module finished loading; ` +
        "await `ready` first (import { ready } from 'contact-rules'; with contact-rules/manual, call init() first), " +
        'or validate with contactSchema, which waits by itself',
    ),
    { code: 'ERR_CONTACT_RULES_NOT_READY' },
  );
}
