// End-to-end tests of the demo page in three browser engines: Chromium, Firefox ESR and
// WebKitGTK (Debian's packages, driven as js/test/support/browsers.mjs says; no browser is
// downloaded; an engine that is not installed is skipped). The test starts
// `node www/serve.mjs --port 0` itself, types into the form, uploads generated files of
// thousands of rows, and checks what the page shows and downloads against the same npm package
// called directly in this Node process, so each engine's page and Node must agree. Chromium's
// run saves www/screenshots/form.png, bulk.png and phone.png.
//
// Needs pkg/ built (bash scripts/build-pkg.sh) and the npm dev tools installed (npm ci).
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ENGINES, ENGINE_NAMES, launch, skipEngine } from '../../js/test/support/browsers.mjs';
import { startDemoServer } from '../../js/test/support/static-server.mjs';
import * as pkg from '../../pkg/node.js';
import { rng } from '../../js/test/support/rng.mjs';

const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

let server;
let baseUrl;

before(async () => {
  const demo = await startDemoServer();
  server = demo.process;
  baseUrl = demo.url;
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  server?.kill();
});

/** Waits for the bulk check to finish; on a timeout, says what the page showed. */
async function bulkDone(page, timeout) {
  try {
    await page.waitForSelector('body[data-bulk="done"]', { timeout });
  } catch (e) {
    const shown = await page.evaluate(() => ({
      bulk: document.body.dataset.bulk,
      status: document.getElementById('bulk-status').textContent,
      progress: document.getElementById('bulk-progress-label').textContent,
    }));
    e.message += ` (the page showed ${JSON.stringify(shown)})`;
    throw e;
  }
}

// ---- seeded data ---------------------------------------------------------------------------

function uuid(r, upper = false) {
  const s = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  const u = `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20)}`;
  return upper ? u.toUpperCase() : u;
}

const CF1 = 'custom_field_3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const CF2 = 'custom_field_6BA7B812-9DAD-11D1-80B4-00C04FD430C8';
const COLUMNS = ['email', 'linkedin_url', 'first_name', 'last_name', 'title', 'phone_number', 'location',
  'account_id', 'domain', 'do_not_contact', 'tags', CF1, CF2, 'firstName'];

/**
 * `n` payloads as a CSV reader must produce them (strings, tags arrays, exact true/false as
 * booleans; no empty strings, which CSV cannot tell from absent), most valid, some with each
 * kind of mistake.
 */
function makePayloads(n, seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const maybe = (p, v) => (r() < p ? (typeof v === 'function' ? v() : v) : undefined);
  // A good value, or (with probability `pBad`) one of the mistakes.
  const either = (good, bad, pBad) => () => (r() < pBad ? pick(bad) : pick(good));
  const out = [];
  for (let i = 0; i < n; i++) {
    const first = pick(['Jane', 'John', 'Amélie', 'Søren', 'Priya', 'Wei', 'Ann\nMarie', '  Zoë  ', 'Ol\u00a0ga']);
    const last = pick(['Doe', 'Smith', 'Müller', 'García', "O'Brien", 'Nguyen']);
    const p = {
      email: maybe(0.8, either(
        [`${i}.jane@acme.com`, ` Jane.Doe${i}@ACME.com `, `"Jane Doe" <jane${i}@globex.co.uk>`, `mailto:j${i}@initech.de`,
          `jane${i}@gmail.com`, `x${i}@gmial.com`, 'info@acme.com'],
        [`jane${i}@acme`, 'not an email', `jane${i}@localhost`], 0.1)),
      linkedin_url: maybe(0.5, either(
        [`linkedin.com/in/Jane-${i}/`, `https://www.linkedin.com/in/jane${i}?trk=x`, `http://uk.linkedin.com/in/jane_${i}`],
        ['https://www.linkedin.com/company/acme', 'https://www.linkedin.com/sales/people/ACwAAA', 'https://example.com/in/jane'],
        0.1)),
      first_name: maybe(0.9, first),
      last_name: maybe(0.9, last),
      title: maybe(0.6, either(['VP Sales', 'Head of "Growth", EMEA', 'CTO'], ['Bad\u0007Title', 'x'.repeat(300)], 0.05)),
      phone_number: maybe(0.6, either(
        ['(415) 555-2671', '+44 20 8006 0227', '+49 170 44564819', '213-373-4253 ext. 1234', '+1 800 FLOWERS'],
        ['12', 'call me', '+1 415 555 2671 2671 2671'], 0.08)),
      location: maybe(0.5, () => pick(['San Francisco, CA', 'London', '  Berlin  ', 'São Paulo'])),
      account_id: maybe(0.3, either([uuid(r), `{${uuid(r, true)}}`, `urn:uuid:${uuid(r)}`], ['acct-42'], 0.05)),
      domain: maybe(0.4, either(['acme.com', 'https://www.Acme.co.uk/about', 'WWW.INITECH.DE', 'gmail.com'],
        ['localhost', 'co.uk', '10.0.0.1'], 0.06)),
      do_not_contact: maybe(0.4, either([true, false, 'yes', 'no', '0'], ['maybe'], 0.05)),
      tags: maybe(0.35, () => {
        const k = 1 + Math.floor(r() * 3);
        const items = Array.from({ length: k }, () => (r() < 0.03 ? 'vip' : uuid(r, r() < 0.3)));
        if (r() < 0.1) items.push(items[0]); // a duplicate
        return items;
      }),
      [CF1]: maybe(0.3, () => pick(['Gold', '  Enterprise   plan ', 'x'.repeat(20), 'Tab\there'])),
      [CF2]: maybe(0.1, () => pick(['42', 'true'])),
      firstName: maybe(0.01, 'Jane'),
    };
    for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
    out.push(p);
  }
  return out;
}

function csvCell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text of the payloads, and the line where each record starts. */
function toCsv(payloads, seed) {
  const r = rng(seed);
  const lines = [COLUMNS.map(csvCell).join(',')];
  const starts = [];
  let line = 2;
  for (const p of payloads) {
    const cells = COLUMNS.map((k) => {
      const v = p[k];
      if (v === undefined) return '';
      if (k === 'tags') {
        if (r() < 0.25) return csvCell(JSON.stringify(v));
        return csvCell(v.join(['; ', ',', ' ', ';'][Math.floor(r() * 4)]));
      }
      return csvCell(String(v));
    });
    const text = cells.join(',');
    starts.push(line);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    lines.push(text);
  }
  return { text: lines.join('\r\n') + '\r\n', starts };
}

/** What the page must show and download, computed here with the package itself. */
function expected(records, options, shape = 'issues') {
  const summary = { records: 0, valid: 0, invalid: 0, withWarnings: 0, codes: {} };
  const normalized = [];
  const errors = [];
  const payloads = records.filter((r) => !r.error).map((r) => r.payload);
  const results = pkg.validateContacts(payloads, options);
  let k = 0;
  for (const rec of records) {
    const res = rec.error
      ? { ok: false, errors: [{ path: [], code: 'invalid_json', message: 'This record is not valid JSON.' }], warnings: [] }
      : results[k++];
    summary.records++;
    for (const i of [...res.errors, ...res.warnings]) summary.codes[i.code] = (summary.codes[i.code] ?? 0) + 1;
    if (res.warnings.length) summary.withWarnings++;
    if (res.ok) {
      summary.valid++;
      normalized.push(JSON.stringify(res.value));
    } else {
      summary.invalid++;
      const line = { index: rec.index, line: rec.line };
      if (shape === 'fastapi') line.detail = pkg.toFastApiErrors(res.errors).detail;
      else line.errors = res.errors;
      errors.push(line);
    }
  }
  return { summary, normalized: normalized.length ? normalized.join('\n') + '\n' : '', errors };
}

async function pageSummary(page) {
  return page.evaluate(() => {
    const stats = Object.fromEntries(
      [...document.querySelectorAll('[data-stat]')].map((e) => [e.dataset.stat, Number(e.dataset.value)]),
    );
    const codes = Object.fromEntries(
      [...document.querySelectorAll('#codes-body tr[data-code]')].map((r) => [
        r.dataset.code,
        Number(r.querySelector('[data-value]').dataset.value),
      ]),
    );
    return { ...stats, codes };
  });
}

const withoutInvalidJsonCtx = (lines) =>
  lines.map((l) => ({
    ...l,
    ...(l.errors && { errors: l.errors.map(({ ctx, ...i }) => (i.code === 'invalid_json' ? i : { ...i, ctx })) }),
    ...(l.detail && { detail: l.detail.map(({ ctx, ...i }) => (i.type === 'invalid_json' ? i : { ...i, ctx })) }),
  })).map((l) => JSON.parse(JSON.stringify(l)));


// ---- the tests -----------------------------------------------------------------------------

test('the server serves the WebAssembly module as application/wasm', async () => {
  const res = await fetch(new URL('pkg/contact_rules_core_bg.wasm', baseUrl));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  await res.arrayBuffer();
  assert.equal((await fetch(new URL('pkg/../../Cargo.toml', baseUrl))).status, 404);
  assert.equal((await fetch(`${baseUrl}%2e%2e/Cargo.toml`)).status, 404);
});

function pick(r, a) {
  return a[Math.floor(r() * a.length)];
}

for (const engine of ENGINES) {
  describe(ENGINE_NAMES[engine], { skip: skipEngine(engine) }, () => {
    let browser;
    // Screenshots come from Chromium's run only: one set of pictures, from one engine.
    const shots = engine === 'chromium';

    before(async () => {
      browser = await launch(engine);
    });

    after(async () => {
      await browser?.close();
    });

    // Pages a failed test left open (WebKitWebDriver runs one session at a time).
    const pages = new Set();
    afterEach(async () => {
      for (const page of pages) await page.close().catch(() => {});
      pages.clear();
    });

    async function open({ locale = 'en-US', width = 1280, height = 900, query = '' } = {}) {
      const page = await browser.newPage({ locale, width, height });
      pages.add(page);
      const close = page.close;
      page.close = () => {
        pages.delete(page);
        return close();
      };
      await page.goto(baseUrl + query);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      return page;
    }

    tests(engine, open, shots);
  });
}

function tests(engine, open, shots) {
  test('the page loads the package from pkg/ and starts the region from the browser locale', async () => {
    for (const [locale, region] of [['en-GB', 'GB'], ['de-DE', 'DE'], ['fr', 'FR'], ['en-US', 'US']]) {
      const page = await open({ locale });
      assert.equal(await page.value('#opt-region'), region, `locale ${locale}`);
      assert.match(await page.text('#load-status'), /contact-rules \S+ is loaded/);
      assert.deepEqual(await page.problems(), []);
      await page.close();
    }
  });

  test('the form downloads the small module only: nothing of the spreadsheet import', async () => {
    const page = await open({ locale: 'en-US' });
    await page.fill('#f-email', 'jane@acme.com');
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/pkg/')),
    );
    assert.ok(loaded.includes('/pkg/contact_rules_core_bg.wasm'), JSON.stringify(loaded));
    assert.deepEqual(loaded.filter((p) => p.startsWith('/pkg/import/') || p.endsWith('_fast.wasm')), [], 'the form fetched the import');
    await page.close();
  });

  test('the form checks each field as the user types or leaves it, with the JSON preview', async () => {
    const page = await open({ locale: 'en-US' });
    const opts = { defaultRegion: 'US' };
    assert.equal(await page.value('#opt-region'), 'US');

    // A normalized value shows while typing.
    await page.type('#f-phone_number', '(415) 555-2671');
    await page.waitForSelector('#f-phone_number-norm:not([hidden])');
    assert.equal(await page.text('#f-phone_number-norm code.value'), '+14155552671');

    await page.fill('#f-linkedin_url', 'linkedin.com/in/JaneSmith/');
    assert.equal(await page.text('#f-linkedin_url-norm code.value'), 'https://www.linkedin.com/in/janesmith');

    await page.fill('#f-email', '  Jane.Doe@ACME.com ');
    assert.equal(await page.text('#f-email-norm code.value'), 'jane.doe@acme.com');

    // An error waits until the field is left, then shows with its message and code.
    await page.fill('#f-account_id', 'nope');
    assert.equal(await page.count('#f-account_id-msg li'), 0, 'no error while typing');
    await page.press('Tab', '#f-account_id');
    const err = '#f-account_id-msg li.issue.error';
    await page.waitForSelector(err);
    const uuidErr = pkg.normalizeUuid('nope', opts).error;
    assert.equal(await page.attr(err, 'data-code'), 'uuid_parsing');
    assert.equal(await page.text(`${err} .code`), 'uuid_parsing');
    assert.equal(await page.text(`${err} .text`), uuidErr.message);
    assert.equal(await page.attr('#f-account_id', 'aria-invalid'), 'true');
    assert.match(await page.attr('#f-account_id', 'aria-describedby'), /\bf-account_id-msg\b/);

    // The preview: no body, and FastAPI's 422 body of exactly the package's errors.
    let payload = {
      email: '  Jane.Doe@ACME.com ',
      linkedin_url: 'linkedin.com/in/JaneSmith/',
      phone_number: '(415) 555-2671',
      account_id: 'nope',
    };
    let res = pkg.validateContact(payload, opts);
    assert.equal(res.ok, false);
    assert.deepEqual(JSON.parse(await page.text('#errors-json')), pkg.toFastApiErrors(res.errors));
    assert.match(await page.text('#form-status'), /1 error/);

    // Fixing the field clears the error at once (the field was already left once).
    await page.fill('#f-account_id', '{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}');
    assert.equal(await page.count('#f-account_id-msg li'), 0);
    assert.equal(await page.attr('#f-account_id', 'aria-invalid'), null);
    assert.equal(await page.text('#f-account_id-norm code.value'), '6ba7b810-9dad-11d1-80b4-00c04fd430c8');

    // Other fields: text hygiene, domain, do_not_contact, tags, a custom field row.
    await page.fill('#f-first_name', '  Jane \u00a0 Marie ');
    assert.equal(await page.text('#f-first_name-norm code.value'), 'Jane Marie');
    await page.fill('#f-domain', 'https://www.Acme.co.uk/about');
    assert.equal(await page.text('#f-domain-norm code.value'), 'acme.co.uk');
    await page.select('#f-do_not_contact', 'true');
    assert.equal(await page.text('#f-do_not_contact-norm code.value'), 'true');
    await page.fill('#f-tags', '6BA7B811-9DAD-11D1-80B4-00C04FD430C8; nope');
    await page.press('Tab', '#f-tags');
    const tagErr = '#f-tags-msg li.issue.error';
    await page.waitForSelector(tagErr);
    assert.match(await page.text(`${tagErr} .text`), /^Tag 2: /);
    await page.fill('#f-tags', '6BA7B811-9DAD-11D1-80B4-00C04FD430C8, 6ba7b811-9dad-11d1-80b4-00c04fd430c8');
    assert.equal(await page.text('#f-tags-norm code.value'), '["6ba7b811-9dad-11d1-80b4-00c04fd430c8"]');

    await page.click('#add-custom');
    // The first row's key, value and result.
    const [rowKey, rowValue, rowNorm] = ['.custom-row .cf-key input', '.custom-row .cf-value input', '.custom-row .norm'];
    assert.match(await page.value(rowKey), /^custom_field_[0-9a-f-]{36}$/);
    const key = 'custom_field_3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    await page.fill(rowKey, key);
    await page.fill(rowValue, '  Gold   plan ');
    assert.equal(await page.text(`${rowNorm} code.value`), 'Gold plan');
    assert.equal(await page.text(`${rowNorm} code.out-key`), `"${key.toLowerCase()}": `);

    // The exact body: what the package gives for the same input, as the page prints it.
    payload = {
      email: '  Jane.Doe@ACME.com ',
      linkedin_url: 'linkedin.com/in/JaneSmith/',
      first_name: '  Jane \u00a0 Marie ',
      phone_number: '(415) 555-2671',
      account_id: '{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}',
      domain: 'https://www.Acme.co.uk/about',
      do_not_contact: true,
      tags: ['6BA7B811-9DAD-11D1-80B4-00C04FD430C8', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'],
      [key]: '  Gold   plan ',
    };
    res = pkg.validateContact(payload, opts);
    assert.equal(res.ok, true, JSON.stringify(res.errors));
    assert.equal(await page.text('#body-json'), JSON.stringify(res.value, null, 2));
    assert.match(await page.text('#errors-json'), /No errors/);
    assert.match(await page.text('#form-status'), /Ready to send/);

    // A warning shows as a warning, and the payload stays valid.
    await page.fill('#f-email', 'jane@gmail.com');
    const warn = '#f-email-msg li.issue.warning[data-code="email_free_provider"]';
    await page.waitForSelector(warn);
    assert.match(await page.text(`${warn} .sev`), /warning/i);
    assert.match(await page.text('#form-status'), /Ready to send, with \d+ warnings?/);

    // A region typed in by hand is checked by the package; national numbers follow it.
    await page.select('#opt-region', 'other');
    await page.fill('#opt-region-other', 'ZZ');
    assert.equal(await page.attr('#opt-region-other', 'aria-invalid'), 'true');
    await page.fill('#opt-region-other', 'gb');
    assert.equal(await page.attr('#opt-region-other', 'aria-invalid'), null);
    await page.fill('#f-phone_number', '020 8006 0227');
    assert.equal(await page.text('#f-phone_number-norm code.value'), '+442080060227');
    await page.select('#opt-region', 'US');
    await page.fill('#f-phone_number', '(415) 555-2671');
    await page.fill('#f-title', 'VP\u0007Sales');
    await page.press('Tab', '#f-title');
    await page.waitForSelector('#f-title-msg li.issue.error');
    assert.equal(await page.attr('#f-title-msg li.issue.error', 'data-code'), 'control_characters');

    // The screenshot: a valid body with normalized values and a "did you mean" warning.
    await page.fill('#f-title', '  VP   Sales ');
    await page.fill('#f-email', 'Jane.Doe@gmial.com');
    await page.waitForSelector('#f-email-msg button.apply');
    assert.match(await page.text('#form-status'), /Ready to send/);
    if (shots) {
      await page.evaluate(() => document.activeElement?.blur());
      await page.setViewport(1280, 2400);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot(`${SHOTS}form.png`, '#contact');
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('keyboard only: Tab reaches the "did you mean" button and Enter applies it', async () => {
    const page = await open({ locale: 'en-US' });
    await page.type('#f-email', 'jane@gmial.com');
    const typo = pkg.normalizeEmail('jane@gmial.com').warnings?.find((w) => w.code === 'email_typo')
      ?? pkg.validateContact({ email: 'jane@gmial.com' }).warnings.find((w) => w.code === 'email_typo');
    assert.ok(typo, 'the package warns email_typo for jane@gmial.com');
    const suggestion = typo.ctx.suggestion;
    assert.equal(suggestion, 'jane@gmail.com');
    await page.waitForSelector('#f-email-msg button.apply');
    await page.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'apply');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.suggestion), suggestion);
    await page.press('Enter');
    assert.equal(await page.value('#f-email'), suggestion);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-email', 'focus returns to the field');
    assert.equal(await page.count('#f-email-msg [data-code="email_typo"]'), 0);
    assert.equal(await page.text('#f-email-norm code.value'), suggestion);

    // Submitting with the keyboard moves focus to the first field in error.
    await page.fill('#f-account_id', 'nope');
    await page.press('Enter', '#f-email');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-account_id');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('every control has a label, and the focus is visible', async () => {
    const page = await open({ locale: 'en-US' });
    await page.click('#add-custom');
    await page.click('#fill-example');
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button, a[href]')]
        .filter((e) => {
          const name =
            e.labels?.length > 0 ||
            e.getAttribute('aria-label') ||
            e.getAttribute('aria-labelledby') ||
            (e.tagName === 'BUTTON' || e.tagName === 'A' ? e.textContent.trim() : '');
          return !name;
        })
        .map((e) => e.outerHTML.slice(0, 120)),
    );
    assert.deepEqual(unlabeled, []);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-describedby]')].flatMap((e) =>
        e.getAttribute('aria-describedby').split(/\s+/).filter((id) => !document.getElementById(id)),
      ),
    );
    assert.deepEqual(broken, [], 'aria-describedby names existing elements');
    await page.focus('#f-email');
    const outline = await page.evaluate(() => getComputedStyle(document.getElementById('f-email')).boxShadow);
    assert.notEqual(outline, 'none', 'a focused input shows a ring');
    await page.press('Tab');
    await page.press('Tab');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
    });
    assert.ok(ring);
    await page.close();
  });

  test('bulk: a CSV of 5,000 rows is checked in a worker, with the summary and downloads', async () => {
    const payloads = makePayloads(5000, 20240601);
    const { text, starts } = toCsv(payloads, 7);
    const records = payloads.map((payload, index) => ({ index, line: starts[index], payload }));
    const want = expected(records, { defaultRegion: 'US' });
    assert.ok(want.summary.valid > 1000 && want.summary.invalid > 500, JSON.stringify(want.summary));

    // Three validator workers, whatever the machine's cores.
    const page = await open({ locale: 'en-US', query: '?validators=3' });
    const longTasksKept = await page.evaluate(() => {
      // The worker's progress reports, as the values the progress bar took.
      window.__progress = new Set();
      const bar = document.getElementById('bulk-progress');
      new MutationObserver(() => window.__progress.add(bar.getAttribute('value'))).observe(bar, {
        attributes: true,
        attributeFilter: ['value'],
      });
      // Long tasks of the page's thread, where the engine reports them (Chromium).
      window.__longTasks = [];
      if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
      return true;
    });
    await page.setFile('#bulk-file', { name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await bulkDone(page, 60_000);

    const shown = await pageSummary(page);
    assert.deepEqual(shown, { ...want.summary });
    const firstFailing = await page.evaluate(() =>
      [...document.querySelectorAll('#failures-body tr[data-index]')].map((r) => Number(r.dataset.index)),
    );
    assert.deepEqual(firstFailing, want.errors.slice(0, 50).map((e) => e.index));
    assert.match(await page.text('#bulk-status'), /5,000 records, .* by 3 validator workers\./);

    const normalized = await page.download('#dl-normalized');
    assert.equal(normalized.name, 'contacts.normalized.ndjson');
    assert.equal(normalized.text, want.normalized);
    const errors = await page.download('#dl-errors');
    assert.equal(errors.name, 'contacts.errors.ndjson');
    assert.deepEqual(errors.text.trimEnd().split('\n').map((l) => JSON.parse(l)), want.errors);

    const progress = await page.evaluate(() => [...window.__progress]);
    assert.ok(progress.length >= 3, `progress was reported (${progress})`);
    if (longTasksKept) {
      const longTasks = await page.evaluate(() => window.__longTasks);
      assert.ok(Math.max(0, ...longTasks) < 250, `the page stayed responsive (long tasks: ${longTasks} ms)`);
    }

    if (shots) {
      await page.setViewport(1280, 1600);
      await page.screenshot(`${SHOTS}bulk.png`, '#bulk');
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('bulk: NDJSON with invalid lines and blank lines, errors in FastAPI shape', async () => {
    const payloads = makePayloads(3000, 99);
    const r = rng(5);
    const lines = [];
    const records = [];
    let index = 0;
    for (const p of payloads) {
      if (r() < 0.02) lines.push(r() < 0.5 ? '' : '   ');
      if (r() < 0.03) {
        lines.push(pick(r, ['{oops', '{"email": "a@b.co"', 'null,', '"unterminated']));
        records.push({ index: index++, line: lines.length, error: true });
      }
      lines.push(JSON.stringify(p));
      records.push({ index: index++, line: lines.length, payload: p });
    }
    lines.push(JSON.stringify([1, 2])); // JSON, but not an object: object_type
    records.push({ index: index++, line: lines.length, payload: [1, 2] });
    const want = expected(records, { defaultRegion: 'US' }, 'fastapi');
    assert.ok(want.summary.codes.invalid_json > 10);

    // Validated in the bulk worker itself (no validator workers): the other path.
    const page = await open({ locale: 'en-US', query: '?validators=0' });
    await page.select('#bulk-errors-shape', 'fastapi');
    await page.setFile('#bulk-file', {
      name: 'contacts.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.join('\n')),
    });
    await bulkDone(page, 60_000);
    assert.deepEqual(await pageSummary(page), want.summary);
    assert.match(await page.text('#bulk-status'), /\d ms\.$/, 'no validator workers');
    const normalized = await page.download('#dl-normalized');
    assert.equal(normalized.text, want.normalized);
    const errors = await page.download('#dl-errors');
    const got = errors.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(withoutInvalidJsonCtx(got), withoutInvalidJsonCtx(want.errors));
    assert.ok(got.find((l) => l.detail[0].type === 'invalid_json').detail[0].ctx.error, 'invalid_json says why');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('bulk: a dropped file is checked; a problem of the whole file is reported', async () => {
    const page = await open({ locale: 'en-US' });
    // What a drop hands the page: a DataTransfer with the file, in dragenter then drop events.
    const drop = (name, text) =>
      page.evaluate(
        (n, t) => {
          const dataTransfer = new DataTransfer();
          dataTransfer.items.add(new File([t], n, { type: 'text/csv' }));
          const zone = document.getElementById('dropzone');
          for (const type of ['dragenter', 'drop']) {
            zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer }));
          }
        },
        name,
        text,
      );
    await drop('two.csv', 'email,linkedin_url\njane@acme.com,\n,linkedin.com/company/acme\n');
    await bulkDone(page, 20_000);
    assert.deepEqual(await pageSummary(page), {
      records: 2,
      valid: 1,
      invalid: 1,
      withWarnings: 0,
      codes: { linkedin_url_not_profile: 1 },
    });
    assert.equal(await page.attr('#dropzone', 'class'), 'dropzone', 'the drag highlight is gone');

    await drop('bad.csv', 'email,email\njane@acme.com,x\n');
    await page.waitForSelector('body[data-bulk="failed"]');
    assert.match(await page.text('#bulk-status'), /could not be checked: The CSV header has the column "email" twice/);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  // MiniBrowser's window cannot be made narrower than 447 px (its own toolbar), so WebKitGTK
  // cannot show a 390 px viewport.
  const narrow = engine === 'webkit' && 'MiniBrowser windows are at least 447 px wide';
  test('phone width (390×844): nothing overflows horizontally', { skip: narrow }, async () => {
    const page = await open({ locale: 'en-US', width: 390, height: 844 });
    await page.click('#fill-example');
    await page.click('#add-custom');
    await page.click('#bulk-sample');
    await bulkDone(page, 60_000);
    await page.click('details.more-options summary');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrollers = (e) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.right > width + 0.5 && !scrollers(e);
        })
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide };
    });
    assert.deepEqual(overflow.wide, []);
    assert.ok(overflow.scrollWidth <= overflow.width, `page width ${overflow.scrollWidth} > ${overflow.width}`);
    if (shots) await page.screenshot(`${SHOTS}phone.png`);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
}
