// Unit tests of the bulk file readers (www/records.js), in Node: CSV as the command line reads
// it (the same cases as its csv-core tests), NDJSON line splitting, the tags convention, and
// every way of cutting the input into chunks giving the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvRecords, NdjsonReader, parseTagsCell, detectFormat } from '../records.js';

const enc = new TextEncoder();

function readCsv(input, chunk = Infinity) {
  const out = [];
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  const r = csvRecords((rec) => out.push(rec));
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
  r.end();
  return out;
}

function readNdjson(input, chunk = Infinity) {
  const out = [];
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  const r = new NdjsonReader((rec) => out.push(rec));
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
  r.end();
  return out;
}

test('CSV rows as the command line reads them', () => {
  const recs = readCsv('\ufeff first_name ,tags\r\nJane,"a, b"\r\n\r\n,\nJo""e,x\n"multi\nline",');
  assert.deepEqual(recs, [
    { index: 0, line: 2, payload: { first_name: 'Jane', tags: ['a', 'b'] } },
    { index: 1, line: 4, payload: {} },
    { index: 2, line: 5, payload: { first_name: 'Jo""e', tags: ['x'] } },
    { index: 3, line: 6, payload: { first_name: 'multi\nline' } },
  ]);
});

test('CSV: quotes, CR line ends, text after a closing quote, an open quote at the end', () => {
  const recs = readCsv('a,b\r"x ""y"" z","1\r\n2"\r"ab"cd,\rlast,"open\nquote');
  assert.deepEqual(
    recs.map((r) => [r.line, r.payload]),
    [
      [2, { a: 'x "y" z', b: '1\r\n2' }],
      [4, { a: 'abcd' }],
      [5, { a: 'last', b: 'open\nquote' }],
    ],
  );
});

test('CSV: tags and do_not_contact cells', () => {
  const u1 = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
  const u2 = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
  const recs = readCsv(
    `tags,do_not_contact\n"${u1}, ${u2}",true\n"[""${u1}""]",false\n${u1};${u2} x,yes\n"[oops",TRUE\n"  ",0\n`,
  );
  assert.deepEqual(
    recs.map((r) => r.payload),
    [
      { tags: [u1, u2], do_not_contact: true },
      { tags: [u1], do_not_contact: false },
      { tags: [u1, u2, 'x'], do_not_contact: 'yes' },
      { tags: '[oops', do_not_contact: 'TRUE' },
      { tags: '  ', do_not_contact: '0' },
    ],
  );
  assert.deepEqual(parseTagsCell('[1, null]'), [1, null]);
  assert.deepEqual(parseTagsCell(' a\tb\n;c,, '), ['a', 'b', 'c']);
});

test('CSV: a value beyond the header, a cell that is not UTF-8, a header problem', () => {
  const bytes = new Uint8Array([...enc.encode('a,b\n1,2,,\n1,2,3\nok,\xff\n'.slice(0, 20)), 0xff, 0x0a]);
  const recs = readCsv(bytes);
  assert.deepEqual(recs[0].payload, { a: '1', b: '2' });
  assert.equal(recs[1].error.code, 'invalid_json');
  assert.match(recs[1].error.ctx.error, /column 3, but the header has 2 columns/);
  assert.equal(recs[2].error.code, 'invalid_json');
  assert.match(recs[2].error.ctx.error, /invalid UTF-8 in column "b"/);
  assert.throws(() => readCsv('a,b,a\n1,2,3'), /twice/);
  assert.throws(() => readCsv(new Uint8Array([0x61, 0x2c, 0xff, 0x0a])), /not UTF-8/);
  assert.deepEqual(readCsv(''), []);
  assert.deepEqual(readCsv('a,b\n'), []);
});

test('CSV: a __proto__ column is a key like any other', () => {
  const [rec] = readCsv('__proto__,email\nx,jane@acme.com\n');
  assert.deepEqual(Object.keys(rec.payload), ['__proto__', 'email']);
  assert.equal(JSON.stringify(rec.payload), '{"__proto__":"x","email":"jane@acme.com"}');
});

test('NDJSON: blank lines, CRLF, BOM, invalid JSON and invalid UTF-8', () => {
  const bytes = new Uint8Array([
    ...enc.encode('\ufeff{"email":"a@b.co"}\r\n\n   \n{oops\n'),
    0x22, 0xff, 0x22, 0x0a,
    ...enc.encode('[1]\n{"x":1}'),
  ]);
  const recs = readNdjson(bytes);
  assert.deepEqual(recs[0], { index: 0, line: 1, payload: { email: 'a@b.co' } });
  assert.equal(recs[1].index, 1);
  assert.equal(recs[1].line, 4);
  assert.equal(recs[1].error.code, 'invalid_json');
  assert.equal(recs[2].line, 5);
  assert.match(recs[2].error.ctx.error, /UTF-8/);
  assert.deepEqual(recs[3], { index: 3, line: 6, payload: [1] });
  assert.deepEqual(recs[4], { index: 4, line: 7, payload: { x: 1 } });
  assert.equal(recs.length, 5);
});

test('any chunking gives the same records', () => {
  const csv = 'email,first_name,tags\n"Jane Doe <j@acme.com>","Ann\r\nMarie",a;b\r\nx@y.co,"say ""hi""",\r\n\r\n"é","ü",[1]\n';
  const whole = readCsv(csv);
  for (const n of [1, 2, 3, 5, 7, 64]) assert.deepEqual(readCsv(csv, n), whole, `CSV in chunks of ${n}`);
  const nd = '{"a":"é"}\r\n\n{"b":[1,2]}\nnope\n{"c":"ü"}';
  const wholeNd = readNdjson(nd);
  for (const n of [1, 2, 3, 5, 64]) assert.deepEqual(readNdjson(nd, n), wholeNd, `NDJSON in chunks of ${n}`);
});

test('format detection', () => {
  const b = (s) => enc.encode(s);
  assert.equal(detectFormat('x.CSV', b('{')), 'csv');
  assert.equal(detectFormat('x.jsonl', b('[')), 'ndjson');
  assert.equal(detectFormat('x.json', b(' \n[{}]')), 'json');
  assert.equal(detectFormat('x.json', b('{"a":1}\n')), 'ndjson');
  assert.equal(detectFormat('data', b('\ufeff{"a":1}')), 'ndjson');
  assert.equal(detectFormat('data', b('email,first_name')), 'csv');
});
