// index.d.ts's ErrorCode and WarningCode unions list exactly the codes of the README's code
// table (which tests/readme.rs holds to the crate's one code table), with the same severity:
// a TypeScript user can switch on every code the rules can give, from either entry
// (`contact-rules/import`'s declarations take them from index.d.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const types = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');

function union(name) {
  const m = new RegExp(`export type ${name} =([^;]+);`).exec(types);
  assert.ok(m, `index.d.ts declares ${name}`);
  return [...m[1].matchAll(/'([a-z0-9_]+)'/g)].map((x) => x[1]).sort();
}

function table(severity) {
  const codes = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 4 && /^`[a-z0-9_]+`$/.test(cells[1]) && cells[2] === severity) codes.push(cells[1].slice(1, -1));
  }
  return codes.sort();
}

test('ErrorCode is the README table\'s errors', () => {
  assert.ok(table('error').length > 20);
  assert.deepEqual(union('ErrorCode'), table('error'));
});

test('WarningCode is the README table\'s warnings', () => {
  assert.ok(table('warning').length > 5);
  assert.deepEqual(union('WarningCode'), table('warning'));
});

test('contact-rules/import has the same codes: its declarations re-export index.d.ts and declare none of their own', () => {
  const importTypes = readFileSync(new URL('../import/index.d.ts', import.meta.url), 'utf8');
  assert.match(importTypes, /^export \* from '\.\.\/index\.js';$/m);
  assert.doesNotMatch(importTypes, /export type (ErrorCode|WarningCode)\b/);
  for (const name of ['ErrorCode', 'Issue']) assert.match(importTypes, new RegExp(`import type \\{[^}]*\\b${name}\\b[^}]*\\} from '\\.\\./index\\.js'`));
});
