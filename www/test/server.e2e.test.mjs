// The promise end to end: the demo page served by contact-rules-server, in headless Chromium
// (Debian's /usr/bin/chromium via playwright-core; no browser is downloaded), against the server
// and its SQLite file. What the form accepts, the server stores exactly as the form previewed
// it (read back with GET /v1/contacts/{id}); what the form refuses, the server refuses with the
// same FastAPI body, byte for byte. Then the same over HTTP, from this Node process with the
// package's Node entry, for 3,000 generated payloads (examples/generate.rs, every fault kind)
// and the shared vectors (tests/vectors/*.json); and the bulk page sending its valid records.
//
// Builds the server (cargo build -p contact-rules-server, debug) and the generator example if
// needed. Needs pkg/ built and the npm dev tools installed, as the other www tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../js/test/support/chromium.mjs';
import { jsOptions } from '../../js/test/support/options.mjs';
import * as pkg from '../../pkg/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const BIN = join(TARGET, 'debug', 'contact-rules-server');
const US = { defaultRegion: 'US' };

let dir;
let browser;
const servers = [];

/** Starts the server with `args`; resolves to its base URL (`http://127.0.0.1:PORT`). */
async function startServer(name, args) {
  const child = spawn(BIN, ['--db', join(dir, `${name}.db`), '--listen', '127.0.0.1:0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
  });
}

before(async () => {
  // (Two calls: a target flag such as --example would restrict the first to that target.)
  for (const args of [['-p', 'contact-rules-server'], ['-p', 'contact-rules', '--example', 'generate']]) {
    execFileSync('cargo', ['build', '--locked', '--quiet', ...args], { cwd: ROOT, stdio: 'inherit' });
  }
  dir = await mkdtemp(join(tmpdir(), 'contact-rules-server-e2e-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function getJson(base, path) {
  const res = await fetch(base + path);
  return { status: res.status, json: await res.json() };
}

/** The checks of one PUT answer against the package's verdict for the same body. */
async function checkAnswer(base, payload, options, status, text, what) {
  const r = pkg.validateContact(payload, options);
  if (!r.ok) {
    assert.ok(status === 422 || status === 413, `${what}: status ${status} for a refused payload: ${text}`);
    assert.equal(text, JSON.stringify(pkg.toFastApiErrors(r.errors)), `${what}: the 422 body differs`);
    return 'refused';
  }
  const body = JSON.parse(text);
  if (status === 409) {
    // An identity conflict with contacts stored by earlier payloads: real, or the test fails.
    const ctx = body.detail[0].ctx;
    assert.equal(body.detail[0].type, 'identity_conflict', `${what}: ${text}`);
    const a = await getJson(base, `/v1/contacts/${ctx.email_contact_id}`);
    const b = await getJson(base, `/v1/contacts/${ctx.linkedin_contact_id}`);
    assert.equal(a.json.data.email, r.value.email, what);
    assert.equal(b.json.data.linkedin_url, r.value.linkedin_url, what);
    return 'conflict';
  }
  assert.ok(status === 200 || status === 201, `${what}: status ${status}: ${text}`);
  for (const [k, v] of Object.entries(r.value)) {
    assert.equal(JSON.stringify(body.data[k]), JSON.stringify(v), `${what}: ${k} stored differently`);
  }
  const read = await getJson(base, `/v1/contacts/${body.data.id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.json.data, body.data, `${what}: GET differs from the PUT answer`);
  return status === 201 ? 'created' : 'updated';
}

async function put(base, payload) {
  const res = await fetch(`${base}/v1/contacts`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, text: await res.text() };
}

// ---- the page ----------------------------------------------------------------------------------

async function openPage(base) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer as "Failed to load resource"; the API's 409 and 422 are
    // answers this page expects.
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4(09|22)\b/.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { context, page, problems };
}

/** What the form's fields are set to, by key; custom fields as [key, value] rows (text). */
const FORM_CASES = [
  { name: 'a full valid contact', fields: { email: '"Jane Doe" <Jane.Doe@ACME.com>', linkedin_url: 'linkedin.com/in/Jane-Doe/', first_name: '  Jane ', last_name: 'Doe', title: 'VP   Sales', phone_number: '(415) 555-2671', location: 'San Francisco', account_id: '{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}', domain: 'https://www.Acme.co.uk/about', do_not_contact: 'false', tags: '6BA7B811-9DAD-11D1-80B4-00C04FD430C8' }, custom: [['custom_field_3F2504E0-4F89-41D3-9A0C-0305E82C3301', 'Enterprise  plan']] },
  { name: 'the same contact again, another spelling, a new title', fields: { email: 'jane.doe@acme.com', title: 'CEO' } },
  { name: "the seed's phone number +1-555-123-4567", fields: { email: 'john@acme.com', phone_number: '+1-555-123-4567' } },
  { name: 'an email that is not one', fields: { email: 'jane@acme', first_name: 'Jane' } },
  { name: 'a company page for a LinkedIn URL', fields: { linkedin_url: 'https://www.linkedin.com/company/acme' } },
  { name: 'neither email nor LinkedIn', fields: { first_name: 'Nobody' } },
  { name: 'a typo, a warning only', fields: { email: 'jane@gmial.com', phone_number: '+44 20 8006 0227' } },
  { name: 'a bad tag and a bad account id', fields: { email: 'tags@acme.com', tags: '6BA7B811-9DAD-11D1-80B4-00C04FD430C8; not-a-uuid', account_id: 'acct-1' } },
  { name: 'a custom field with a bad key', fields: { email: 'cf@acme.com' }, custom: [['custom_field_nope', 'x']] },
  { name: 'control characters in a name', fields: { email: 'ctl@acme.com', last_name: 'Doe\u202e' } },
  { name: 'a national number in the server region', fields: { linkedin_url: 'https://de.linkedin.com/in/max-mustermann', phone_number: '213-373-4253 ext. 1234', domain: 'shop.example.co.uk' } },
];

test('the page served by contact-rules-server sends the form to the API, and both agree', async () => {
  const base = await startServer('form', ['--region', 'US']);
  const { context, page, problems } = await openPage(base);
  await page.waitForSelector('body[data-api="server"]');
  // The server's options, locked (the browser's locale would have picked DE).
  assert.equal(await page.inputValue('#opt-region'), 'US');
  assert.equal(await page.isDisabled('#opt-region'), true);
  assert.match(await page.textContent('#options-server-note'), /contact-rules-server/);

  const seen = { created: 0, updated: 0, refused: 0 };
  for (const c of FORM_CASES) {
    await page.click('button[type="reset"]');
    await page.waitForFunction(() => document.querySelectorAll('.custom-row').length === 0);
    for (const [key, value] of Object.entries(c.fields)) {
      if (key === 'do_not_contact') await page.selectOption(`#f-${key}`, value);
      else await page.fill(`#f-${key}`, value);
    }
    for (const [k, v] of c.custom ?? []) {
      await page.click('#add-custom');
      const row = page.locator('.custom-row').last();
      await row.locator('input').nth(0).fill(k);
      await row.locator('input').nth(1).fill(v);
    }
    // Leave the last field first: its errors then appear (the form shows errors once a field is
    // left), and the button no longer moves under the click.
    await page.evaluate(() => document.activeElement?.blur());
    const answered = page.waitForResponse((r) => r.url().endsWith('/v1/contacts') && r.request().method() === 'PUT');
    await page.click('button[type="submit"]');
    const response = await answered.catch((e) => {
      throw new Error(`${c.name}: no PUT was sent (${e.message}); status: ${problems.join('; ')}`);
    });
    const sent = JSON.parse(response.request().postData());
    const text = await response.text();
    await page.waitForSelector('#server-block[data-state="done"]');
    const agree = await page.getAttribute('#server-block', 'data-agree');
    const r = pkg.validateContact(sent, US);
    if (r.ok) {
      // What the page previewed is what Node's package gives, and what the server stored.
      const preview = JSON.parse(await page.textContent('#body-json'));
      assert.deepEqual(preview, r.value, c.name);
    } else {
      const previewErrors = JSON.parse(await page.textContent('#errors-json'));
      assert.equal(text, JSON.stringify(previewErrors), `${c.name}: the server's 422 is not the preview, byte for byte`);
    }
    seen[await checkAnswer(base, sent, US, response.status(), text, c.name)]++;
    assert.equal(agree, 'true', `${c.name}: the page says the two disagree`);
  }
  assert.deepEqual(seen, { created: 3, updated: 1, refused: 7 });
  await page.locator('#contact').screenshot({ path: fileURLToPath(new URL('../screenshots/server-form.png', import.meta.url)) });
  assert.deepEqual(problems, []);
  await context.close();
});

test('3,000 generated payloads over HTTP: the server answers as the browser package', async () => {
  const base = await startServer('generated', ['--region', 'US']);
  const ndjson = execFileSync(join(TARGET, 'debug', 'examples', 'generate'), ['--seed', '11', '--count', '3000', '--faults', '0.35'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const tally = { created: 0, updated: 0, refused: 0, conflict: 0, unsendable: 0 };
  let n = 0;
  for (const line of ndjson.split('\n')) {
    if (line === '') continue;
    const payload = JSON.parse(line);
    n++;
    try {
      pkg.validateContact(payload, US);
    } catch (e) {
      // Not JSON-like for the package (a lone surrogate): a form could not send it either.
      assert.equal(e.name, 'TypeError');
      tally.unsendable++;
      continue;
    }
    const { status, text } = await put(base, payload);
    tally[await checkAnswer(base, payload, US, status, text, `payload ${n - 1}`)]++;
  }
  assert.equal(n, 3000);
  assert.ok(tally.created > 1000 && tally.refused > 500, JSON.stringify(tally));
});

test('the shared vectors over HTTP: the server answers as the browser package', async () => {
  const vectorsDir = join(ROOT, 'tests', 'vectors');
  const groups = new Map();
  for (const f of (await readdir(vectorsDir)).filter((f) => f.endsWith('.json')).sort()) {
    for (const c of JSON.parse(await readFile(join(vectorsDir, f), 'utf8'))) {
      if (!('input' in c) || c.text_only) continue; // JSON text a JavaScript value cannot hold
      const key = JSON.stringify(c.options ?? {});
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ ...c, file: f });
    }
  }
  let checked = 0;
  let i = 0;
  for (const [optionsJson, cases] of groups) {
    if (JSON.parse(optionsJson).unknown_keys === 'keep') continue; // the server refuses "keep"
    const base = await startServer(`vectors-${i++}`, ['--options', optionsJson]);
    const options = jsOptions(JSON.parse(optionsJson));
    for (const c of cases) {
      try {
        pkg.validateContact(c.input, options);
      } catch (e) {
        assert.equal(e.name, 'TypeError');
        continue;
      }
      const { status, text } = await put(base, c.input);
      await checkAnswer(base, c.input, options, status, text, `${c.file}: ${c.name}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} vectors`);
});

test('the bulk page sends its valid records to the API with progress and counts', async () => {
  const base = await startServer('bulk', ['--region', 'US']);
  const { context, page, problems } = await openPage(base);
  await page.click('#bulk-sample');
  await page.waitForSelector('body[data-bulk="done"]', { timeout: 120_000 });
  const valid = Number(await page.getAttribute('[data-stat="valid"]', 'data-value'));
  assert.ok(valid > 3000, `${valid} valid records`);
  assert.equal(await page.isVisible('#bulk-send'), true);
  await page.click('#bulk-send');
  await page.waitForSelector('body[data-send="done"]', { timeout: 300_000 });
  const count = async (k) => Number(await page.getAttribute(`[data-api="${k}"]`, 'data-value'));
  const [created, updated, refused, failed] = [await count('created'), await count('updated'), await count('refused'), await count('failed')];
  assert.equal(failed, 0);
  assert.equal(created + updated + refused, valid);
  assert.ok(created > 0);
  // Every record the page sent was valid in the browser, so the only refusals are identity
  // conflicts between records (email of one, LinkedIn URL of another).
  for (const li of await page.locator('#bulk-send-refusals li').allTextContents()) {
    assert.match(li, /409 identity_conflict/);
  }
  await page.locator('#bulk').screenshot({ path: fileURLToPath(new URL('../screenshots/server-bulk.png', import.meta.url)) });
  assert.deepEqual(problems, []);
  await context.close();
});
