// contact-rules for browsers and bundlers that copy assets: the entry `exports` picks under the
// `production` condition (Vite, webpack, Next.js production builds) and under `contact-rules/browser`.
//
// It starts fetching and compiling the size-optimized module (contact_rules_core_bg.wasm, next
// to this file: the literal `new URL(..., import.meta.url)` is what bundlers trace and copy) as
// soon as it is imported, and does not hold the page meanwhile: the app renders, and `ready`
// resolves when the rules can be called. See README, "Use it in your app".
import { load } from './loader.js';
import { start } from './state.js';

start(() => load(new URL('./contact_rules_core_bg.wasm', import.meta.url)));

export * from './api.js';
