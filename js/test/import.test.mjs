// The package's spreadsheet import (`contact-rules/import`: suggestMapping, createCsvImport)
// against the command line: the import vectors (tests/import/*.json) and the export fixtures
// (tests/fixtures/exports/), each row's result compared with what `contact-rules check` writes
// for the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCsvImport, suggestMapping, validateContacts } from 'contact-rules/import';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The command line: $CONTACT_RULES_BIN, else the debug build (made here when missing).
function cliBinary() {
  if (process.env.CONTACT_RULES_BIN) return process.env.CONTACT_RULES_BIN;
  const bin = `${root}target/debug/contact-rules`;
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'contact-rules'], { cwd: root, stdio: 'inherit' });
  return bin;
}

// The command line's flags of the fixtures and vectors as the package's options.
function optionsOf(args) {
  const options = {};
  const importOptions = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--region') options.defaultRegion = value;
    else if (flag === '--map') importOptions.map = [...(importOptions.map ?? []), value.split(/=(?=[^=]*$)/)];
    else if (flag === '--encoding') importOptions.encoding = value;
    else if (flag === '--delimiter') importOptions.delimiter = value;
    else throw new Error(`no option for ${flag}`);
  }
  return { options, importOptions };
}

/** The package's results for a file's bytes, fed in chunks of `chunk` bytes. */
function importFile(bytes, { options, importOptions }, chunk) {
  const imp = createCsvImport(importOptions);
  const rows = [];
  let dialect = null;
  const take = (batch) => {
    assert.ok(!('error' in batch), JSON.stringify(batch));
    dialect ??= batch.dialect;
    rows.push(...batch.rows);
  };
  for (let at = 0; at < bytes.length; at += chunk) take(imp.push(bytes.subarray(at, at + chunk)));
  take(imp.finish());
  const payloads = rows.filter((r) => 'payload' in r).map((r) => r.payload);
  const validated = validateContacts(payloads, options);
  let k = 0;
  return { dialect, results: rows.map((r) => ('payload' in r ? validated[k++] : r.result)) };
}

/** The command line's result lines, in the package's shape. */
function cliResults(file, args, input) {
  const out = spawnSync(cliBinary(), ['check', '--jobs', '1', '--input', 'csv', ...args, ...(file ? [file] : [])], {
    input,
    cwd: `${root}tests/fixtures/exports`,
  });
  assert.ok(out.status === 0 || out.status === 1, out.stderr.toString());
  const results = out.stdout
    .toString()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const { index, ...rest } = JSON.parse(l);
      return rest.ok ? { ok: true, value: rest.value, errors: [], warnings: rest.warnings } : { ok: false, errors: rest.errors, warnings: rest.warnings };
    });
  return { results, stderr: out.stderr.toString() };
}

const same = (got, want, what) => assert.equal(JSON.stringify(got), JSON.stringify(want), what);

const manifest = JSON.parse(readFileSync(`${root}tests/fixtures/exports/manifest.json`, 'utf8'));
for (const { file, args } of manifest) {
  test(`${file}: every row as the command line gives it`, () => {
    const bytes = new Uint8Array(readFileSync(`${root}tests/fixtures/exports/${file}`));
    const cli = cliResults(file, args);
    for (const chunk of [64 * 1024, 7]) {
      const pkg = importFile(bytes, optionsOf(args), chunk);
      assert.equal(pkg.results.length, cli.results.length);
      pkg.results.forEach((r, i) => same(r, cli.results[i], `${file} row ${i} (chunks of ${chunk})`));
      assert.ok(cli.stderr.includes(pkg.dialect.report), `${file}: the same mapping report`);
    }
  });
}

for (const f of readdirSync(`${root}tests/import`).filter((n) => n.endsWith('.json'))) {
  for (const c of JSON.parse(readFileSync(`${root}tests/import/${f}`, 'utf8'))) {
    test(`${f}: ${c.name}`, () => {
      const bytes = new TextEncoder().encode(c.csv);
      const { results } = importFile(bytes, optionsOf(c.args), 5);
      const brief = results.map((r) =>
        r.ok ? { output: r.value } : { errors: r.errors.map((i) => ({ path: i.path, code: i.code })) },
      );
      same(brief, c.results, c.name);
      same(results, cliResults(null, c.args, c.csv).results, 'the command line agrees');
    });
  }
}

test('suggestMapping: the table, user mappings, problems as values', () => {
  const m = suggestMapping(['First Name', 'Title', 'Job Title', 'Company Linkedin Url', 'Email', 'E-mail']);
  assert.deepEqual(
    m.columns.map((c) => c.key),
    ['first_name', null, 'title', null, 'email', 'email'],
  );
  assert.match(m.columns[1].note, /honorific/);
  assert.equal(m.problems.length, 1);
  assert.deepEqual(m.problems[0].columns, [4, 5]);
  const chosen = suggestMapping(['Email', 'E-mail'], { map: { 'E-mail': 'email' } });
  assert.deepEqual(chosen.problems, []);
  assert.deepEqual(chosen.columns.map((c) => c.key), [null, 'email']);
  const wrong = suggestMapping(['Email'], { map: [['Nope', 'email']] });
  assert.match(wrong.problems[0].message, /no column "Nope"/);
});

test('a file that cannot be imported is a returned value; misuse throws one TypeError', () => {
  const imp = createCsvImport();
  const batch = imp.push(new TextEncoder().encode('Email,E-mail\na,b\n'));
  assert.deepEqual(batch, { dialect: null, rows: [] }, 'waits for 64 KiB or the end');
  const end = imp.finish();
  assert.match(end.error.message, /could each be email/);
  assert.deepEqual(end.dialect.mapping.columns.map((c) => c.header), ['Email', 'E-mail'], 'the mapping, for editing');
  assert.throws(() => imp.push(new Uint8Array(1)), TypeError);
  for (const bad of [() => suggestMapping(['a', 1]), () => suggestMapping('a'), () => createCsvImport({ delimiter: 'ab' }),
    () => createCsvImport({ encoding: 'ebcdic' }), () => createCsvImport({ nope: 1 }), () => createCsvImport().push('a,b')]) {
    assert.throws(bad, (e) => e instanceof TypeError && e.message.startsWith('contact-rules: '));
  }
});
