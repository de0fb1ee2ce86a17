// The demo page's entry point: loads the npm package from the built pkg/ (its browser entry,
// which starts compiling the WebAssembly when imported; `ready` resolves when it is done), then
// wires the options, the contact form and the bulk check. `../pkg/` resolves to `/pkg/` both
// under `node www/serve.mjs` (which serves www/ at `/`) and under any static server started at
// the repository root (which serves this page at `/www/`).
import { setupOptions } from './options.js';
import { setupForm } from './form.js';
import { setupBulk } from './bulk.js';

const banner = document.getElementById('load-status');
const started = performance.now();
let pkg;
try {
  pkg = await import('../pkg/index.js');
  await pkg.ready;
} catch (e) {
  banner.textContent =
    'The package could not be loaded from pkg/. Build it with “bash scripts/build-pkg.sh”, then reload. ' +
    `(${e?.message ?? e})`;
  banner.className = 'banner bad';
  document.body.dataset.ready = 'failed';
  throw e;
}
const ms = Math.round(performance.now() - started);

let form = null;
const options = setupOptions(pkg, () => form?.render());
form = setupForm(pkg, options);
setupBulk(options, pkg);

let version = '';
try {
  version = (await (await fetch(new URL('../pkg/package.json', import.meta.url))).json()).version ?? '';
} catch {
  version = '';
}
banner.textContent = `contact-rules${version ? ` ${version}` : ''} is loaded: WebAssembly ready in ${ms} ms.`;
banner.className = 'banner good';
document.body.dataset.ready = 'true';
