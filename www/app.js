// The demo page's entry point: loads the npm package from the built pkg/ (its browser entry,
// which starts compiling the WebAssembly when imported; `ready` resolves when it is done), then
// wires the options, the contact form and the bulk check. The form needs only `contact-rules`
// (pkg/index.js, the module without the spreadsheet import); the bulk check's mapping step
// loads `contact-rules/import` (pkg/import/index.js) when a CSV file first needs it, so that a
// visit that never imports a file downloads only the small module. `../pkg/` resolves to `/pkg/` both
// under `node www/serve.mjs` (which serves www/ at `/`) and under any static server started at
// the repository root (which serves this page at `/www/`).
import { setupOptions } from './options.js';
import { setupForm } from './form.js';
import { setupBulk } from './bulk.js';
import { detectServer, putContact } from './api.js';

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
// Served by contact-rules-server: the form and the bulk check also call its API, with the
// server's own options, so that the preview is what the server answers.
let server = null;
try {
  server = await detectServer();
} catch (e) {
  console.warn(`contact-rules-server answered, but not as expected: ${e?.message ?? e}`);
}
if (server) lockOptions(server.options);
const api = server ? { putContact } : null;
form = setupForm(pkg, options, api);
let importPkg = null;
/** The package's import entry, loaded once, on first use: a promise of it, ready. */
const loadImport = () =>
  (importPkg ??= import('../pkg/import/index.js').then(async (m) => {
    await m.ready;
    return m;
  }));
setupBulk(options, loadImport, api);
document.body.dataset.api = server ? 'server' : 'none';

/** Sets the options panel to the server's options and locks it (the form's empty-field choice stays). */
function lockOptions(o) {
  const $ = (id) => document.getElementById(id);
  const region = $('opt-region');
  const code = o.defaultRegion ?? '';
  if ([...region.options].some((opt) => opt.value === code)) {
    region.value = code;
  } else {
    region.value = 'other';
    $('opt-region-other-field').hidden = false;
    $('opt-region-other').value = code;
    $('opt-region-other').dispatchEvent(new Event('input'));
    $('opt-region-other').disabled = true;
  }
  region.disabled = true;
  const set = (id, value) => {
    $(id).value = value;
    $(id).disabled = true;
  };
  set('opt-phone-validity', o.phoneValidity);
  set('opt-unknown-keys', o.unknownKeys);
  set('opt-blank', o.blank);
  set('opt-email-case', o.emailCase);
  set('opt-domain-mode', o.domainMode);
  for (const [id, on] of [['opt-lax-booleans', o.laxBooleans], ['opt-derive-domain', o.deriveDomainFromEmail]]) {
    $(id).checked = on;
    $(id).disabled = true;
  }
  const note = $('options-server-note');
  note.textContent =
    `Served by contact-rules-server ${server.version}: these are the server’s options (GET /v1/meta), ` +
    'so the preview is what the API answers. Start the server with --region or --options to change them.';
  note.hidden = false;
}

let version = '';
try {
  version = (await (await fetch(new URL('../pkg/package.json', import.meta.url))).json()).version ?? '';
} catch {
  version = '';
}
banner.textContent =
  `contact-rules${version ? ` ${version}` : ''} is loaded: WebAssembly ready in ${ms} ms.` +
  (server ? ' The API is here too: the form sends PUT /v1/contacts.' : '');
banner.className = 'banner good';
document.body.dataset.ready = 'true';
