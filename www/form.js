// The contact form: one input per key of the PUT /v1/contacts payload, custom fields as rows,
// each checked as the user types (warnings and normalized values at once; errors once the
// field has been left, then live), and the live preview of the request body and of FastAPI's
// 422 body. Served by contact-rules-server, "Send it" also sends the body with PUT /v1/contacts
// and shows the server's answer next to the preview, saying whether the two agree.
//
// Every verdict comes from the package's `validateContact` on the whole payload, so cross-field
// rules (email or LinkedIn required, email/domain mismatch, derived domain) show as the server
// sees them. A second call without the fields in error gives the normalized value of every other
// field even while some field is still wrong.
import { h, jsonish, randomUuid } from './dom.js';
import { parseTagsCell } from './records.js';
import { agrees } from './api.js';

/** The payload's keys, in the API's order, with their labels and input hints. */
export const FIELDS = [
  {
    key: 'email',
    label: 'Email',
    hint: 'An email or a LinkedIn URL is required. A display name or mailto: is fine.',
    attrs: { inputmode: 'email', autocomplete: 'email', placeholder: 'jane.doe@acme.com', autocapitalize: 'off' },
  },
  {
    key: 'linkedin_url',
    label: 'LinkedIn profile URL',
    hint: 'Any form of a person’s profile URL.',
    attrs: { inputmode: 'url', autocomplete: 'url', placeholder: 'linkedin.com/in/jane-doe', autocapitalize: 'off' },
  },
  { key: 'first_name', label: 'First name', half: true, attrs: { autocomplete: 'given-name' } },
  { key: 'last_name', label: 'Last name', half: true, attrs: { autocomplete: 'family-name' } },
  { key: 'title', label: 'Job title', attrs: { autocomplete: 'organization-title' } },
  {
    key: 'phone_number',
    label: 'Phone number',
    hint: 'National numbers are read in the default region (Options).',
    attrs: { type: 'tel', autocomplete: 'tel', placeholder: '(415) 555-2671' },
  },
  { key: 'location', label: 'Location', attrs: { autocomplete: 'off', placeholder: 'San Francisco, CA' } },
  {
    key: 'account_id',
    label: 'Account ID',
    hint: 'The account’s UUID, in any usual form.',
    attrs: { class: 'mono', placeholder: '6ba7b810-9dad-11d1-80b4-00c04fd430c8', autocapitalize: 'off' },
  },
  {
    key: 'domain',
    label: 'Company domain',
    hint: 'A domain, a host or a whole URL.',
    attrs: { inputmode: 'url', placeholder: 'acme.com', autocapitalize: 'off' },
  },
  { key: 'do_not_contact', label: 'Do not contact', kind: 'select' },
  {
    key: 'tags',
    label: 'Tags',
    kind: 'tags',
    hint: 'Tag UUIDs separated by commas, semicolons or spaces (or a JSON array).',
    attrs: { class: 'mono', autocapitalize: 'off' },
  },
];

const PLACEHOLDER_LINKEDIN = 'https://www.linkedin.com/in/placeholder-for-preview';
const PLACEHOLDER_EMAIL = 'placeholder@contact-rules.dev';

/** The example that "Fill an example" types in: normalizations, one warning, one error. */
const EXAMPLE = {
  email: '"Jane Doe" <Jane.Doe@Acme.com>',
  linkedin_url: 'linkedin.com/in/JaneDoe/',
  first_name: '  Jane ',
  last_name: 'Doe',
  title: 'VP   Sales',
  phone_number: '(415) 555-2671',
  location: 'San Francisco',
  account_id: '{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}',
  domain: 'https://www.Acme.co.uk/about',
  do_not_contact: 'false',
  tags: '6BA7B811-9DAD-11D1-80B4-00C04FD430C8; not-a-uuid',
};

function fieldBlock(f) {
  const id = `f-${f.key}`;
  const hintId = f.hint ? `${id}-hint` : null;
  const describedBy = [hintId, `${id}-msg`, `${id}-norm`].filter(Boolean).join(' ');
  const common = { id, name: f.key, 'aria-describedby': describedBy };
  const control =
    f.kind === 'select'
      ? h(
          'select',
          common,
          h('option', { value: '' }, 'Not set'),
          h('option', { value: 'true' }, 'Yes: do not contact'),
          h('option', { value: 'false' }, 'No'),
          h('option', { value: 'null' }, 'Clear the stored value (null)'),
        )
      : h('input', { type: 'text', spellcheck: 'false', ...f.attrs, ...common });
  return h(
    'div',
    { class: `field${f.half ? ' half' : ''}`, dataset: { field: f.key } },
    h('label', { for: id }, f.label, ' ', h('code', { class: 'key', 'aria-hidden': 'true' }, f.key)),
    f.hint && h('p', { class: 'hint', id: hintId }, f.hint),
    control,
    h('div', { class: 'msg', id: `${id}-msg`, 'aria-live': 'polite' }),
    h('p', { class: 'norm', id: `${id}-norm`, hidden: true }),
  );
}

function issueLabel(issue) {
  const [key, i] = issue.path;
  return key === 'tags' && typeof i === 'number' ? `Tag ${i + 1}: ` : '';
}

/**
 * Wires the form. `pkg` is the package module, `options` the options panel, `api` the server's
 * API (`{putContact}`, www/api.js) or null when the page is served alone. Returns
 * `{render, fillExample, state}`; `state()` is the last verdict.
 */
export function setupForm(pkg, options, api = null) {
  const $ = (id) => document.getElementById(id);
  const form = $('contact-form');
  const fieldsBox = $('fields');
  const rowsBox = $('custom-rows');
  const formIssues = $('form-issues');
  const status = $('form-status');
  const bodyOut = $('body-json');
  const errorsOut = $('errors-json');
  const inputOut = $('input-json');
  const serverBlock = $('server-block');
  const serverStatus = $('server-status');
  const serverOut = $('server-json');
  let sendSeq = 0;
  let sentText = null; // the payload of the last answer shown, as JSON text
  if (api) {
    form.querySelector('button[type="submit"]').textContent = 'Send it: PUT /v1/contacts';
    serverBlock.hidden = false;
    serverStatus.textContent = 'Not sent yet: “Send it” sends the request body to the server.';
  }

  fieldsBox.replaceChildren(...FIELDS.map(fieldBlock));
  const inputs = Object.fromEntries(FIELDS.map((f) => [f.key, $(`f-${f.key}`)]));

  const touched = new Set(); // fields whose errors are shown (left once with a value)
  const visited = new Set(); // fields left at least once
  let submitted = false;
  let rows = [];
  let rowSeq = 0;
  let last = null;

  // ---- custom field rows -------------------------------------------------------------------
  function addRow(key = `custom_field_${randomUuid()}`, value = '', type = 'text') {
    const n = ++rowSeq;
    const id = `cf-${n}`;
    const describedBy = `${id}-msg ${id}-norm`;
    const keyInput = h('input', {
      id: `${id}-key`, type: 'text', class: 'mono', spellcheck: 'false', autocapitalize: 'off',
      autocomplete: 'off', value: key, 'aria-describedby': describedBy,
    });
    const valueInput = h('input', { id: `${id}-value`, type: 'text', autocomplete: 'off', value, 'aria-describedby': describedBy });
    const typeSelect = h(
      'select',
      { id: `${id}-type`, 'aria-describedby': describedBy },
      h('option', { value: 'text' }, 'Text'),
      h('option', { value: 'json' }, 'JSON value (42, true, null…)'),
    );
    typeSelect.value = type;
    const remove = h('button', { type: 'button', class: 'icon-button', title: 'Remove this custom field' }, '×');
    const el = h(
      'div',
      { class: 'custom-row', dataset: { row: String(n) } },
      h('div', { class: 'field cf-key' }, h('label', { for: keyInput.id }, 'Key'), keyInput),
      h('div', { class: 'field cf-value' }, h('label', { for: valueInput.id }, 'Value'), valueInput),
      h('div', { class: 'field cf-type' }, h('label', { for: typeSelect.id }, 'Type'), typeSelect),
      remove,
      h('div', { class: 'msg', id: `${id}-msg`, 'aria-live': 'polite' }),
      h('p', { class: 'norm', id: `${id}-norm`, hidden: true }),
    );
    const row = { n, id, el, keyInput, valueInput, typeSelect, remove };
    remove.addEventListener('click', () => {
      const at = rows.indexOf(row);
      rows = rows.filter((r) => r !== row);
      el.remove();
      const next = rows[at] ?? rows[at - 1];
      if (next) next.keyInput.focus();
      else $('add-custom').focus();
      render();
    });
    rows.push(row);
    rowsBox.append(el);
    return row;
  }

  $('add-custom').addEventListener('click', () => {
    const row = addRow();
    row.valueInput.focus();
    render();
  });

  // ---- reading the form ----------------------------------------------------------------------
  function read() {
    const empty = options.emptyFields() === 'null' ? null : undefined;
    const payload = {};
    const local = []; // issues the package cannot see (two rows with one key, bad JSON)
    for (const f of FIELDS) {
      const v = inputs[f.key].value;
      let out;
      if (f.kind === 'select') out = v === '' ? empty : JSON.parse(v);
      else if (v === '') out = empty;
      else out = f.kind === 'tags' ? parseTagsCell(v) : v;
      if (out !== undefined) payload[f.key] = out;
    }
    for (const r of rows) {
      const key = r.keyInput.value.trim();
      const raw = r.valueInput.value;
      r.key = key;
      if (key === '' && raw === '') continue;
      if (Object.hasOwn(payload, key) || key === '__proto__') {
        local.push({
          path: [key], code: 'custom_field_key_invalid', row: r,
          message: 'Another field of this form already uses this key.',
        });
        continue;
      }
      let value;
      if (raw === '') value = empty;
      else if (r.typeSelect.value === 'json') {
        try {
          value = JSON.parse(raw);
        } catch (e) {
          local.push({
            path: [key], code: 'invalid_json', row: r,
            message: 'This is not a JSON value: write text with the type Text, or 42, true, null, "text".',
            ctx: { error: String(e.message) },
          });
          continue;
        }
      } else value = raw;
      if (value !== undefined) payload[key] = value;
    }
    return { payload, local };
  }

  // ---- validating ----------------------------------------------------------------------------
  function verdict() {
    const opts = options.get();
    const { payload, local } = read();
    const full = pkg.validateContact(payload, opts);
    const errors = [...full.errors, ...local.map(({ row, ...issue }) => issue)];
    // Normalized values of the fields that are not in error: validate without them.
    const bad = new Set(errors.map((i) => i.path[0]));
    const rest = {};
    for (const [k, v] of Object.entries(payload)) if (!bad.has(k)) rest[k] = v;
    // The second call must not fail for want of an email or LinkedIn URL: lend it one.
    const given = (k) => typeof rest[k] === 'string' && rest[k].trim() !== '';
    let placeholder = null;
    let replaced = false;
    if (!given('email') && !given('linkedin_url')) {
      placeholder = !('linkedin_url' in rest) ? 'linkedin_url' : !('email' in rest) ? 'email' : 'linkedin_url';
      replaced = placeholder in rest; // null or blank: its output is null, or left out
    }
    const lent = placeholder === null ? null : rest[placeholder];
    if (placeholder) rest[placeholder] = placeholder === 'email' ? PLACEHOLDER_EMAIL : PLACEHOLDER_LINKEDIN;
    const partial = pkg.validateContact(rest, opts);
    const normalized = partial.ok ? { ...partial.value } : {};
    if (placeholder) {
      delete normalized[placeholder];
      if (replaced && !(lent !== null && opts.blank === 'omit')) normalized[placeholder] = null;
    }
    return {
      payload,
      options: opts,
      ok: full.ok && local.length === 0,
      value: full.ok && local.length === 0 ? full.value : null,
      errors,
      warnings: full.warnings,
      normalized,
      local,
    };
  }

  // ---- drawing -------------------------------------------------------------------------------
  function issueList(issues, severity, key) {
    if (issues.length === 0) return null;
    return h(
      'ul',
      { class: 'issues' },
      issues.map((issue) => {
        const li = h(
          'li',
          { class: `issue ${severity}`, dataset: { code: issue.code } },
          h('span', { class: 'sev' }, severity === 'error' ? 'Error' : 'Warning'),
          ' ',
          h('span', { class: 'text' }, issueLabel(issue), issue.message),
          ' ',
          h('code', { class: 'code' }, issue.code),
        );
        const suggestion = issue.ctx?.suggestion;
        if (issue.code === 'email_typo' && key === 'email' && typeof suggestion === 'string') {
          li.append(
            ' ',
            h(
              'button',
              {
                type: 'button',
                class: 'apply',
                dataset: { suggestion },
                onclick: () => applySuggestion('email', suggestion),
              },
              `Use ${suggestion}`,
            ),
          );
        }
        return li;
      }),
    );
  }

  function applySuggestion(key, value) {
    const input = inputs[key];
    input.value = value;
    touched.add(key);
    render();
    input.focus();
    status.textContent = `The email was changed to ${value}.`;
  }

  function drawField({ key, control, msg, norm, errors, warnings, present, normalized, hasNormalized, outKey }) {
    const showErrors = errors.length > 0 && (touched.has(key) || submitted);
    // Redraw the messages only when they change: a live region then speaks only news, and a
    // "did you mean" button stays the same element while the user tabs to it.
    const sig = JSON.stringify([showErrors ? errors : [], warnings]);
    if (msg.dataset.sig !== sig) {
      msg.dataset.sig = sig;
      msg.replaceChildren(
        ...[showErrors ? issueList(errors, 'error', key) : null, issueList(warnings, 'warning', key)].filter(Boolean),
      );
    }
    if (showErrors) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    const box = control.closest('.field, .custom-row');
    box.classList.toggle('has-error', showErrors);
    box.classList.toggle('has-warning', warnings.length > 0 && !showErrors);
    const valid = present && errors.length === 0;
    box.classList.toggle('is-valid', valid);
    if (valid && hasNormalized) {
      norm.replaceChildren(
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→ '),
        'Sent as ',
        outKey ? h('code', { class: 'out-key' }, `"${outKey}": `) : '',
        h('code', { class: 'value' }, jsonish(normalized)),
        normalized === null ? ' (clears the stored value)' : '',
      );
      norm.hidden = false;
    } else if (valid) {
      norm.replaceChildren('Left out (blank)');
      norm.hidden = false;
    } else {
      norm.hidden = true;
      norm.replaceChildren();
    }
  }

  function render() {
    let v;
    try {
      v = verdict();
    } catch (e) {
      status.textContent = `The rules failed: ${e?.message ?? e}`;
      status.className = 'status bad';
      return;
    }
    last = v;
    const at = (list, key) => list.filter((i) => i.path[0] === key);
    for (const f of FIELDS) {
      drawField({
        key: f.key,
        control: inputs[f.key],
        msg: $(`f-${f.key}-msg`),
        norm: $(`f-${f.key}-norm`),
        errors: at(v.errors, f.key),
        warnings: at(v.warnings, f.key),
        present: f.key in v.payload,
        normalized: v.normalized[f.key],
        hasNormalized: f.key in v.normalized,
      });
    }
    rows.forEach((r, i) => {
      r.remove.setAttribute('aria-label', `Remove custom field ${i + 1}`);
      const ownLocal = v.local.filter((l) => l.row === r);
      const key = r.key;
      const outKey = Object.keys(v.normalized).find((k) => k.toLowerCase() === key.toLowerCase());
      const errors = ownLocal.length > 0 ? ownLocal : at(v.errors, key);
      drawField({
        key: `row:${r.n}`,
        control: r.keyInput,
        msg: $(`${r.id}-msg`),
        norm: $(`${r.id}-norm`),
        errors,
        warnings: ownLocal.length > 0 ? [] : at(v.warnings, key),
        present: ownLocal.length > 0 || key in v.payload,
        normalized: outKey === undefined ? undefined : v.normalized[outKey],
        hasNormalized: outKey !== undefined,
        outKey: outKey !== undefined && outKey !== key ? outKey : null, // the key was lower-cased
      });
      const showErrors = r.el.classList.contains('has-error');
      for (const c of [r.valueInput, r.typeSelect]) {
        if (showErrors) c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
    });
    const rootErrors = v.errors.filter((i) => i.path.length === 0);
    const showRoot = rootErrors.length > 0 && (submitted || (visited.has('email') && visited.has('linkedin_url')));
    formIssues.replaceChildren(...(showRoot ? [issueList(rootErrors, 'error', '')] : []));
    formIssues.hidden = !showRoot;

    // The preview.
    const nErr = v.errors.length;
    const nWarn = v.warnings.length;
    const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
    if (v.ok) {
      bodyOut.textContent = JSON.stringify(v.value, null, 2);
      bodyOut.classList.remove('muted');
      errorsOut.textContent = 'No errors: the API accepts this body.';
      errorsOut.classList.add('muted');
      status.textContent = nWarn ? `Ready to send, with ${plural(nWarn, 'warning')}.` : 'Ready to send.';
      status.className = 'status good';
    } else {
      bodyOut.textContent = 'Not sent: the API would answer 422 Unprocessable Entity (below).';
      bodyOut.classList.add('muted');
      errorsOut.textContent = JSON.stringify(pkg.toFastApiErrors(v.errors), null, 2);
      errorsOut.classList.remove('muted');
      status.textContent = `${plural(nErr, 'error')}${nWarn ? `, ${plural(nWarn, 'warning')}` : ''}.`;
      status.className = 'status bad';
    }
    inputOut.textContent =
      `validateContact(\n${indent(JSON.stringify(v.payload, null, 2))},\n` +
      `${indent(JSON.stringify(v.options, null, 2))}\n)`;
    if (api && sentText !== null) serverBlock.classList.toggle('stale', JSON.stringify(v.payload) !== sentText);
  }

  // ---- the server ----------------------------------------------------------------------------
  async function send(v) {
    const seq = ++sendSeq;
    serverBlock.dataset.state = 'sending';
    serverStatus.textContent = 'Sending…';
    serverStatus.className = 'status';
    let answer;
    try {
      answer = await api.putContact(v.payload);
    } catch (e) {
      if (seq !== sendSeq) return;
      serverBlock.dataset.state = 'failed';
      serverStatus.textContent = `The server could not be reached: ${e?.message ?? e}`;
      serverStatus.className = 'status bad';
      return;
    }
    if (seq !== sendSeq) return; // a later send is on its way
    sentText = JSON.stringify(v.payload);
    serverBlock.classList.remove('stale');
    const same = agrees(answer, v, pkg.toFastApiErrors);
    serverOut.textContent = answer.json === null ? answer.text : JSON.stringify(answer.json, null, 2);
    serverBlock.dataset.status = String(answer.status);
    serverBlock.dataset.agree = String(same);
    serverBlock.dataset.state = 'done';
    const id = answer.json?.data?.id;
    let text;
    if (answer.status === 201) text = `201 Created: contact ${id}, stored as previewed.`;
    else if (answer.status === 200) text = `200 OK: contact ${id} updated, as previewed (keys left out keep their stored values).`;
    else if (answer.status === 409) text = `409 Conflict: ${answer.json?.detail?.[0]?.msg ?? 'the identity is taken'}`;
    else if (same) text = `${answer.status}: the same FastAPI body as the preview, byte for byte.`;
    else text = `${answer.status}: an answer the preview did not predict.`;
    if (!same) text += ' The server and the browser disagree.';
    serverStatus.textContent = text;
    serverStatus.className = !same ? 'status bad' : answer.status < 300 ? 'status good' : 'status';
  }

  function indent(s) {
    return s.replace(/^/gm, '  ');
  }

  // ---- events --------------------------------------------------------------------------------
  function keyOf(target) {
    const field = target.closest('[data-field]')?.dataset.field;
    if (field) return field;
    const row = target.closest('[data-row]')?.dataset.row;
    return row ? `row:${row}` : null;
  }

  form.addEventListener('input', () => render());
  form.addEventListener('change', (e) => {
    const key = keyOf(e.target);
    if (key && e.target.tagName === 'SELECT') touched.add(key);
    render();
  });
  form.addEventListener('focusout', (e) => {
    const key = keyOf(e.target);
    if (!key) return;
    // Leaving a field for another part of the same row or field is not leaving it.
    if (e.relatedTarget && keyOf(e.relatedTarget) === key) return;
    visited.add(key);
    if (e.target.value !== '') touched.add(key);
    render();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted = true;
    render();
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    else if (!last?.ok) inputs.email.focus();
    // Sent even when the browser refuses it, to show that the server refuses it alike; not when
    // the form itself cannot build the body (a custom field row in error).
    if (api && last && last.local.length === 0) send(last);
  });
  form.addEventListener('reset', () => {
    // The browser resets the values after this event.
    setTimeout(() => {
      for (const r of rows) r.el.remove();
      rows = [];
      touched.clear();
      visited.clear();
      submitted = false;
      render();
    });
  });
  $('fill-example').addEventListener('click', () => fillExample());
  $('copy-body').addEventListener('click', async () => {
    const text = bodyOut.textContent;
    try {
      await navigator.clipboard.writeText(last?.ok ? text : errorsOut.textContent);
      status.textContent = last?.ok ? 'The request body was copied.' : 'The 422 body was copied.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(last?.ok ? bodyOut : errorsOut);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = 'Press Ctrl+C (⌘C) to copy the selected text.';
    }
  });

  function fillExample() {
    for (const f of FIELDS) {
      inputs[f.key].value = EXAMPLE[f.key] ?? '';
      touched.add(f.key);
      visited.add(f.key);
    }
    for (const r of rows) r.el.remove();
    rows = [];
    const row = addRow('custom_field_3F2504E0-4F89-41D3-9A0C-0305E82C3301', 'Enterprise  plan');
    touched.add(`row:${row.n}`);
    render();
  }

  render();
  return { render, fillExample, state: () => last };
}
