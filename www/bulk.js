// The bulk section: picks or takes a dropped file, hands it to the module worker (worker.js),
// shows its progress, then the summary by issue code, the first failing records and the two
// downloads. All the reading and validating happens in the worker; this thread only draws.
// Served by contact-rules-server, the valid records (normalized) can then be sent to
// PUT /v1/contacts in batches, with progress and the count of created, updated and refused ones.
import { h, fmt } from './dom.js';
import { sampleCsv } from './sample.js';
import { setupMapping } from './mapping.js';
import { ValidatorPool, defaultValidators } from './validators.js';

function size(bytes) {
  if (bytes < 1024) return `${fmt(bytes)} B`;
  if (bytes < 1024 * 1024) return `${fmt(Math.round(bytes / 102.4) / 10)} KB`;
  return `${fmt(Math.round(bytes / (1024 * 104.86)) / 10)} MB`;
}

function pathText(path) {
  return path.length === 0 ? '(record)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function validatorsParam() {
  const v = new URLSearchParams(location.search).get('validators');
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Requests in flight at once when sending to the API (the browser allows 6 per host). */
export const SEND_CONCURRENCY = 4;
/** Records per batch: the progress and the counts are drawn after each batch. */
export const SEND_BATCH = 100;

/**
 * Wires the bulk section to the options panel and, for the mapping step, the package's import
 * entry (`loadImport()`: a promise of `contact-rules/import`, loaded on first use); `api` is the
 * server's API (`{putContact}`, www/api.js) or null when the page is served alone.
 */
export function setupBulk(options, loadImport, api = null) {
  const $ = (id) => document.getElementById(id);
  const fileInput = $('bulk-file');
  const dropzone = $('dropzone');
  const runBox = $('bulk-run');
  const progress = $('bulk-progress');
  const progressLabel = $('bulk-progress-label');
  const status = $('bulk-status');
  const results = $('bulk-results');
  const dlNormalized = $('dl-normalized');
  const dlErrors = $('dl-errors');
  const dlSample = $('dl-sample');

  let worker = null;
  let runId = 0;
  let current = null; // {id, file, started}
  let urls = [];
  let lastValid = null; // {blob, count} of the last run's normalized records, for sending
  let sending = null; // {stopped} while records are being sent

  // Resolves when the worker says it listens ({type: 'hello'}): nothing is posted before.
  let listening = null;
  // The validator workers (validators.js), connected to the bulk worker for each run.
  const validators = new ValidatorPool((message) => {
    fail(message);
    stopWorkers();
  });

  function stopWorkers() {
    worker?.terminate();
    worker = null;
    validators.stop();
  }

  function startWorker() {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'contact-rules bulk' });
    let hello;
    listening = new Promise((resolve) => {
      hello = resolve;
    });
    worker.addEventListener('message', ({ data }) => {
      if (data?.type === 'hello') hello();
    });
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail(`The worker could not run${e.message ? `: ${e.message}` : ''}.`);
      stopWorkers();
    });
  }

  // A CSV file goes through the mapping step first (mapping.js) when there is a mapping to
  // decide; it calls run() with the import options chosen there.
  const mapping = loadImport ? setupMapping(loadImport, options, (file, importOptions) => run(file, { importOptions })) : null;
  const take = (file) =>
    (mapping ? mapping.offer(file, $('bulk-format').value) : Promise.resolve(false)).then(
      (taken) => taken || run(file),
      (e) => fail(`The file could not be read: ${e?.message ?? e}`),
    );

  function run(file, { sample = false, importOptions } = {}) {
    mapping?.hide();
    if (!worker) startWorker();
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    const id = ++runId;
    current = { id, file, sample };
    results.hidden = true;
    if (api) $('bulk-api').hidden = true;
    runBox.hidden = false;
    progress.value = 0;
    progress.removeAttribute('value'); // indeterminate until the first report
    progressLabel.textContent = `Checking ${file.name} (${size(file.size)})…`;
    status.textContent = `Checking ${file.name}…`;
    status.className = 'status';
    document.body.dataset.bulk = 'running';
    const w = worker;
    const message = {
      type: 'run',
      id,
      file,
      format: $('bulk-format').value,
      options: options.get(),
      errorsShape: $('bulk-errors-shape').value,
      importOptions,
    };
    // `?validators=N` in the page's URL sets the number of validator workers (0: none).
    Promise.all([listening, validators.ports(validatorsParam() ?? defaultValidators())]).then(([, ports]) =>
      w.postMessage({ ...message, ports }, ports),
    );
  }

  function fail(message) {
    runBox.hidden = true;
    status.textContent = message;
    status.className = 'status bad';
    document.body.dataset.bulk = 'failed';
    current = null;
  }

  function onMessage({ data }) {
    if (!current || data.id !== current.id) return; // a cancelled run
    if (data.type === 'progress') {
      progress.max = Math.max(1, data.total);
      progress.value = data.bytes;
      const pct = Math.floor((100 * data.bytes) / Math.max(1, data.total));
      progressLabel.textContent = `Checking ${current.file.name}: ${fmt(data.records)} records, ${pct}%`;
    } else if (data.type === 'error') {
      fail(`The file could not be checked: ${data.message}`);
    } else if (data.type === 'done') {
      draw(data);
    }
  }

  function draw({ summary, failures, normalized, errors, format, ms, validators: used }) {
    const { file, sample } = current;
    current = null;
    runBox.hidden = true;
    for (const el of results.querySelectorAll('[data-stat]')) {
      const n = summary[el.dataset.stat];
      el.textContent = fmt(n);
      el.dataset.value = String(n);
    }

    const codes = Object.entries(summary.codes).sort(
      ([a, x], [b, y]) => (x.severity === y.severity ? y.count - x.count || a.localeCompare(b) : x.severity === 'error' ? -1 : 1),
    );
    const max = Math.max(1, ...codes.map(([, c]) => c.count));
    $('codes-body').replaceChildren(
      ...(codes.length === 0
        ? [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No issues at all.'))]
        : codes.map(([code, c]) =>
            h(
              'tr',
              { dataset: { code, severity: c.severity } },
              h('td', {}, h('code', {}, code)),
              h('td', {}, h('span', { class: `pill ${c.severity}` }, c.severity)),
              h(
                'td',
                { class: 'num', dataset: { value: String(c.count) } },
                h('span', { class: `bar ${c.severity}`, style: `--w:${(c.count / max).toFixed(3)}`, 'aria-hidden': 'true' }),
                fmt(c.count),
              ),
            ),
          )),
    );

    $('failures-caption').textContent =
      summary.invalid === 0
        ? 'Failing records: none'
        : `First failing records (${fmt(failures.length)} of ${fmt(summary.invalid)})`;
    $('failures-body').replaceChildren(
      ...(failures.length === 0
        ? [h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'Every record is valid.'))]
        : failures.map((f) =>
            h(
              'tr',
              { dataset: { index: String(f.index) } },
              h('td', { class: 'num' }, fmt(f.index)),
              h('td', { class: 'num' }, f.line === null ? '–' : fmt(f.line)),
              h(
                'td',
                {},
                h(
                  'ul',
                  { class: 'issue-list' },
                  f.errors.map((i) =>
                    h(
                      'li',
                      {},
                      h('code', { class: 'path' }, pathText(i.path)),
                      ' ',
                      h('code', { class: 'code' }, i.code),
                      ' ',
                      h('span', {}, i.message),
                    ),
                  ),
                ),
              ),
            ),
          )),
    );

    const link = (a, blob, text) => {
      const url = URL.createObjectURL(blob);
      urls.push(url);
      a.href = url;
      a.textContent = text;
    };
    link(dlNormalized, normalized, `Normalized NDJSON: ${fmt(summary.valid)} records, ${size(normalized.size)}`);
    link(dlErrors, errors, `Errors: ${fmt(summary.invalid)} records, ${size(errors.size)}`);
    dlSample.hidden = !sample;
    if (sample) link(dlSample, file, 'The sample CSV');
    lastValid = { blob: normalized, count: summary.valid };
    if (api) showSend();

    results.hidden = false;
    const kind = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' }[format] ?? format;
    status.textContent =
      `${file.name} (${kind}, ${size(file.size)}): ${fmt(summary.records)} records, ` +
      `${fmt(summary.valid)} valid, ${fmt(summary.invalid)} invalid, checked in ${fmt(ms)} ms` +
      (used > 0 ? ` by ${used} validator worker${used === 1 ? '' : 's'}.` : '.');
    status.className = summary.invalid === 0 ? 'status good' : 'status';
    document.body.dataset.bulk = 'done';
  }

  // ---- sending the valid records to the API ---------------------------------------------------
  const sendBox = $('bulk-api');
  const sendButton = $('bulk-send');
  const sendStop = $('bulk-send-cancel');
  const sendRun = $('bulk-send-run');
  const sendProgress = $('bulk-send-progress');
  const sendLabel = $('bulk-send-label');
  const sendStats = $('bulk-send-stats');
  const sendStatus = $('bulk-send-status');
  const refusals = $('bulk-send-refusals');

  function showSend() {
    sendBox.hidden = false;
    sendStats.hidden = true;
    sendRun.hidden = true;
    sendProgress.hidden = true;
    refusals.replaceChildren();
    sendStatus.textContent = '';
    sendStatus.className = 'status';
    sendButton.disabled = lastValid.count === 0;
    sendButton.textContent = `Send the ${fmt(lastValid.count)} valid records to PUT /v1/contacts`;
    delete document.body.dataset.send;
  }

  async function sendAll() {
    if (!lastValid || sending) return;
    const lines = (await lastValid.blob.text()).split('\n').filter((l) => l !== '');
    const run = { stopped: false };
    sending = run;
    const counts = { created: 0, updated: 0, refused: 0, failed: 0 };
    const shown = [];
    const drawCounts = (done) => {
      for (const el of sendStats.querySelectorAll('[data-api]')) {
        el.textContent = fmt(counts[el.dataset.api]);
        el.dataset.value = String(counts[el.dataset.api]);
      }
      sendProgress.max = Math.max(1, lines.length);
      sendProgress.value = done;
      sendLabel.textContent = `Sending: ${fmt(done)} of ${fmt(lines.length)} records`;
    };
    sendButton.disabled = true;
    sendStop.hidden = false;
    sendRun.hidden = false;
    sendProgress.hidden = false;
    sendStats.hidden = false;
    refusals.replaceChildren();
    sendStatus.textContent = '';
    document.body.dataset.send = 'running';
    const started = performance.now();
    let done = 0;
    drawCounts(0);
    for (let at = 0; at < lines.length && !run.stopped; at += SEND_BATCH) {
      const batch = lines.slice(at, at + SEND_BATCH);
      let next = 0;
      const one = async () => {
        while (next < batch.length && !run.stopped) {
          const i = at + next++;
          try {
            const answer = await api.putContact(JSON.parse(lines[i]));
            if (answer.status === 201) counts.created++;
            else if (answer.status === 200) counts.updated++;
            else if (answer.status >= 400 && answer.status < 500) {
              counts.refused++;
              if (shown.length < 10) shown.push({ i, answer });
            } else counts.failed++;
          } catch {
            counts.failed++;
          }
          done++;
        }
      };
      await Promise.all(Array.from({ length: SEND_CONCURRENCY }, one));
      drawCounts(done);
    }
    sending = null;
    sendStop.hidden = true;
    sendRun.hidden = true;
    sendButton.disabled = false;
    refusals.replaceChildren(
      ...shown.map(({ i, answer }) =>
        h(
          'li',
          {},
          h('code', { class: 'path' }, `valid record ${fmt(i + 1)}`),
          ' ',
          h('code', { class: 'code' }, String(answer.status)),
          ' ',
          h('code', {}, answer.json?.detail?.[0]?.type ?? ''),
          ' ',
          h('span', {}, answer.json?.detail?.[0]?.msg ?? answer.text.slice(0, 200)),
        ),
      ),
    );
    const secs = (performance.now() - started) / 1000;
    sendStatus.textContent =
      `${run.stopped ? 'Stopped' : 'Sent'}: ${fmt(done)} of ${fmt(lines.length)} records in ${fmt(Math.round(secs * 10) / 10)} s — ` +
      `${fmt(counts.created)} created, ${fmt(counts.updated)} updated, ${fmt(counts.refused)} refused` +
      (counts.failed ? `, ${fmt(counts.failed)} failed.` : '.');
    sendStatus.className = counts.failed || counts.refused ? 'status' : 'status good';
    document.body.dataset.send = run.stopped ? 'stopped' : 'done';
  }

  sendButton.addEventListener('click', () => {
    sendAll().catch((e) => {
      sending = null;
      sendStatus.textContent = `Sending failed: ${e?.message ?? e}`;
      sendStatus.className = 'status bad';
      document.body.dataset.send = 'failed';
    });
  });
  sendStop.addEventListener('click', () => {
    if (sending) sending.stopped = true;
  });

  $('bulk-cancel').addEventListener('click', () => {
    if (!current) return;
    stopWorkers(); // the validators too: they would go on with the cancelled run's batches
    runBox.hidden = true;
    status.textContent = 'Cancelled.';
    status.className = 'status';
    document.body.dataset.bulk = 'cancelled';
    current = null;
    fileInput.focus();
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) take(file);
    fileInput.value = ''; // picking the same file again runs again
  });

  $('bulk-sample').addEventListener('click', () => {
    const file = new File([sampleCsv(5000)], 'sample-contacts.csv', { type: 'text/csv' });
    run(file, { sample: true });
  });

  // Drag and drop anywhere on the drop zone.
  let depth = 0;
  dropzone.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    dropzone.classList.add('dragging');
  });
  dropzone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropzone.classList.remove('dragging');
  });
  dropzone.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  dropzone.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    dropzone.classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) take(file);
  });

  return { run };
}
