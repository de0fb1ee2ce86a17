// The bulk page's mapping step: after a CSV file is chosen, each column with the payload key the
// package suggests for it (the crate's one table of the exports' aliases, the command line's
// `--columns auto`), editable, remembered in localStorage for the next file with the same
// header, with a preview of the first rows as mapped and validated. The file's encoding,
// delimiter and notes before the header are read by the package's CSV import, the code the
// command line runs, and the run itself goes through the same import in the worker
// (worker.js), so the page and `contact-rules check` give every row the same result.
//
// The step is skipped when there is nothing to decide: a header of payload keys, read as
// UTF-8 with commas and no notes (the format the page always read). The package's import is in
// its `contact-rules/import` entry, whose module the page loads when the first CSV file comes
// (the form's module has no import: README, "Size").
import { h, fmt } from './dom.js';

/** How many bytes of the file's start the step reads (the import's own detection window). */
const HEAD = 64 * 1024;
/** Rows shown in the preview. */
const PREVIEW_ROWS = 5;
const STORE = 'contact-rules.mapping.v1:';

/** The keys a column can map to, in the API's order. */
const KEYS = ['email', 'linkedin_url', 'first_name', 'last_name', 'title', 'phone_number', 'location', 'account_id',
  'domain', 'do_not_contact', 'tags'];

/** The select's value that asks for a custom field's UUID. */
const CUSTOM = '\u0000custom';

const DELIMITERS = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };

function remembered(headers) {
  try {
    const v = JSON.parse(localStorage.getItem(STORE + JSON.stringify(headers)) ?? 'null');
    return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string')) ? v : null;
  } catch {
    return null;
  }
}

function remember(headers, pairs) {
  try {
    if (pairs.length === 0) localStorage.removeItem(STORE + JSON.stringify(headers));
    else localStorage.setItem(STORE + JSON.stringify(headers), JSON.stringify(pairs));
  } catch {
    // Storage full or disabled: the mapping still applies to this file.
  }
}

/** The shell's quoting of one word, for the command line shown next to the mapping. */
function shellWord(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * Sets up the step inside the bulk section. `loadImport()` gives a promise of the package's
 * import entry (loaded once, on first use); `run(file, importOptions)` starts the check.
 * Returns `{offer(file, format), hide()}`: `offer` resolves to true when it took the file (the
 * step is shown, or the file was started with its remembered mapping), false when the bulk
 * section should run the file as it is.
 */
export function setupMapping(loadImport, options, run) {
  const section = h('section', { id: 'mapping', class: 'mapping', 'aria-labelledby': 'mapping-heading', hidden: true });
  document.getElementById('bulk-run').before(section);
  let current = null; // {file, head, complete, headers, suggested: keys by column, pairs}
  let pkg = null; // the import entry, once loaded

  function hide() {
    section.hidden = true;
    section.replaceChildren();
    current = null;
  }

  /** The import of the head with these pairs: {batch, dialect}. */
  function inspect(pairs) {
    const imp = pkg.createCsvImport({ map: pairs });
    let batch = imp.push(current.head);
    const rows = 'rows' in batch ? [...batch.rows] : [];
    let dialect = batch.dialect;
    // Always finished, which frees the import (after an error it says the error again).
    const end = imp.finish();
    if (!('error' in batch)) {
      if ('rows' in end && current.complete) rows.push(...end.rows);
      dialect ??= end.dialect;
      if ('error' in end) batch = end;
    }
    return { error: 'error' in batch ? batch.error : null, dialect, rows };
  }

  /**
   * Each column's first non-blank value in the head: the same import with every column mapped
   * to a custom field of its own (`#N` names the Nth column), so the cells come out as read.
   */
  function firstValues(n) {
    const key = (i) => `custom_field_00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const { rows } = inspect(Array.from({ length: n }, (_, i) => [`#${i + 1}`, key(i)]));
    return Array.from({ length: n }, (_, i) => {
      for (const r of rows) {
        const v = r.payload?.[key(i)];
        if (typeof v === 'string' && v.trim() !== '') return v;
      }
      return '';
    });
  }

  async function offer(file, format) {
    hide();
    const lower = file.name.toLowerCase();
    const csv = format === 'csv' || (format === 'auto' && /\.(csv|tsv|tab|txt)$/.test(lower));
    if (!csv) return false;
    pkg ??= await loadImport();
    const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
    current = { file, head, complete: file.size <= HEAD, headers: null, suggested: null, pairs: [] };
    const first = inspect([]);
    if (!first.dialect) {
      current = null;
      return false; // no header, or one that cannot be read: the run says why
    }
    const columns = first.dialect.mapping.columns;
    current.headers = columns.map((c) => c.header);
    current.suggested = columns.map((c) => c.key);
    current.firstValues = firstValues(columns.length);
    const trivial =
      first.error === null &&
      first.dialect.skipped === 0 &&
      first.dialect.encoding === 'utf-8' &&
      first.dialect.delimiter === ',' &&
      columns.every((c) => c.how === 'exact' || c.keep);
    if (trivial) {
      current = null;
      return false;
    }
    current.pairs = remembered(current.headers) ?? [];
    draw(current.pairs.length > 0);
    section.hidden = false;
    section.querySelector('h3').focus();
    document.body.dataset.bulk = 'mapping';
    return true;
  }

  /** The pairs that make column `i` map to `key` (null: not imported), from the current ones. */
  function choose(i, key) {
    const header = current.headers[i];
    const pairs = current.pairs.filter(([c]) => c !== header);
    if (key !== current.suggested[i] || pairs.some(([, k]) => k === current.suggested[i])) {
      pairs.push([header, key ?? '-']);
    }
    current.pairs = pairs;
    remember(current.headers, pairs);
    draw(false);
    section.querySelector(`select[data-column="${i}"]`)?.focus();
  }

  function draw(restored) {
    const { error, dialect, rows } = inspect(current.pairs);
    const columns = dialect.mapping.columns;
    const sample = rows.filter((r) => 'payload' in r).slice(0, PREVIEW_ROWS);
    const results = pkg.validateContacts(sample.map((r) => r.payload), options.get());
    const notes = dialect.skipped === 0 ? '' : `, ${fmt(dialect.skipped)} row${dialect.skipped === 1 ? '' : 's'} of notes before the header skipped`;
    const flags = current.pairs.map(([c, k]) => `--map ${shellWord(`${c}=${k}`)}`).join(' ');
    const problems = error?.problems?.length ? error.problems.map((p) => p.message) : error ? [error.message] : [];

    const row = (c) => {
      const id = `map-col-${c.index}`;
      const select = h(
        'select',
        { id, dataset: { column: String(c.index) }, 'aria-describedby': c.note ? `${id}-note` : null },
        h('option', { value: '' }, '— not imported —'),
        KEYS.map((k) => h('option', { value: k, selected: c.key === k }, k)),
        c.key && !KEYS.includes(c.key) ? h('option', { value: c.key, selected: true }, c.key) : null,
        h('option', { value: CUSTOM }, 'a custom field…'),
      );
      if (c.key === null) select.value = '';
      select.addEventListener('change', () => {
        if (select.value !== CUSTOM) return choose(c.index, select.value === '' ? null : select.value);
        // A custom field of the CRM: its UUID, checked by the package's UUID rule.
        const typed = prompt(`The UUID of the custom field for “${c.header}”:`) ?? '';
        const uuid = typed.trim() === '' ? null : pkg.normalizeUuid(typed);
        if (uuid?.ok) return choose(c.index, `custom_field_${uuid.value}`);
        if (uuid) alert(`That is not a UUID: ${uuid.error.message}`);
        select.value = c.key ?? '';
      });
      return h(
        'tr',
        { dataset: { column: String(c.index), key: c.key ?? '' }, class: problems.length && error?.problems?.some((p) => p.columns.includes(c.index)) ? 'conflict' : null },
        h('th', { scope: 'row' }, h('label', { for: id }, c.header || `(column ${c.index + 1})`)),
        h('td', { class: 'sample' }, current.firstValues[c.index]),
        h('td', {}, select),
        h(
          'td',
          { id: `${id}-note`, class: 'muted' },
          c.note ?? (c.how === 'user' ? 'your choice' : c.how === 'alias' || c.how === 'layout' ? 'suggested' : ''),
        ),
      );
    };

    section.replaceChildren(
      h('h3', { id: 'mapping-heading', tabindex: '-1' }, `Map the columns of ${current.file.name}`),
      h(
        'p',
        { class: 'hint', id: 'mapping-dialect' },
        `Read as ${dialect.encoding.toUpperCase()}, cells separated by ${DELIMITERS[dialect.delimiter] ?? JSON.stringify(dialect.delimiter)}${notes}. `,
        'Each column’s field is suggested from the exports of Google Contacts, Outlook, Salesforce, HubSpot, Apollo, ' +
          'LinkedIn and Excel, as the command line maps them; change any field, and your choice is remembered for files ' +
          'with the same header. When several columns give one field, each row takes the first non-empty one from the top.',
      ),
      ...(restored ? [h('p', { class: 'status good', id: 'mapping-restored' }, 'Your mapping for this header was restored.')] : []),
      h('div', { id: 'mapping-problems', role: 'alert', class: problems.length ? 'status bad' : 'visually-hidden' }, problems.join(' ')),
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'mapping-caption' },
        h(
          'table',
          { class: 'mapping-table' },
          h('caption', { id: 'mapping-caption' }, `Columns (${fmt(columns.length)})`),
          h('thead', {}, h('tr', {}, ['Column', 'First value', 'Field', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, columns.map(row)),
        ),
      ),
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'preview-caption' },
        h(
          'table',
          { class: 'preview-table' },
          h('caption', { id: 'preview-caption' }, `The first ${fmt(sample.length)} rows as mapped`),
          h('thead', {}, h('tr', {}, ['Line', 'Payload', 'Result'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            sample.map((r, i) =>
              h(
                'tr',
                { dataset: { line: String(r.line) } },
                h('td', { class: 'num' }, fmt(r.line)),
                h('td', {}, h('code', { class: 'payload' }, JSON.stringify(r.payload))),
                h(
                  'td',
                  {},
                  results[i].ok
                    ? h('span', { class: 'pill ok' }, 'valid')
                    : h('ul', { class: 'issue-list' }, results[i].errors.map((e) => h('li', {}, h('code', { class: 'code' }, e.code), ' ', e.path.join('.')))),
                ),
              ),
            ),
          ),
        ),
      ),
      h('p', { class: 'hint' }, 'The same on the command line: ', h('code', { id: 'mapping-cli' }, `contact-rules check ${flags ? `${flags} ` : ''}${shellWord(current.file.name)}`)),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            id: 'mapping-run',
            class: 'primary',
            disabled: problems.length > 0,
            onclick: () => {
              const { file, pairs } = current;
              hide();
              run(file, { map: pairs });
            },
          },
          `Check ${current.file.name} with this mapping`,
        ),
        h('button', { type: 'button', id: 'mapping-reset', class: 'secondary', onclick: () => { current.pairs = []; remember(current.headers, []); draw(false); } }, 'Back to the suggestion'),
        h('button', { type: 'button', id: 'mapping-cancel', class: 'ghost', onclick: () => { hide(); document.body.dataset.bulk = 'cancelled'; document.getElementById('bulk-file').focus(); } }, 'Cancel'),
      ),
    );
  }

  return { offer, hide };
}
