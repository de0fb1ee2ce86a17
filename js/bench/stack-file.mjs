// An npm stack as a command over an NDJSON file, doing what `contact-rules check` does:
// read the file, JSON.parse each line (a line that is not JSON gets invalid_json), validate
// with the stack, write one NDJSON result line per record to standard output, on one core.
// `--stack lean` (the default) is js/bench/lean-stack.mjs, the libraries called directly;
// `--stack zod` is js/bench/npm-stack.mjs, Zod over the same libraries.
//
//   node js/bench/stack-file.mjs FILE [--region US] [--stack lean|zod] > results.ndjson
//
// Used by js/bench/cli.mjs, which times it next to the command line.
import { openSync, readSync, writeSync, closeSync } from 'node:fs';
import { validateContactStack } from './npm-stack.mjs';
import { validateContactLean } from './lean-stack.mjs';

const file = process.argv[2];
const ri = process.argv.indexOf('--region');
const options = { defaultRegion: ri > 0 ? process.argv[ri + 1] : 'US' };
const si = process.argv.indexOf('--stack');
const stack = si > 0 ? process.argv[si + 1] : 'lean';
if (stack !== 'lean' && stack !== 'zod') throw new Error(`--stack: ${stack} is neither lean nor zod`);
const validate = stack === 'lean' ? validateContactLean : validateContactStack;

const fd = openSync(file, 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
const decoder = new TextDecoder();
let rest = '';
let index = 0;
let out = [];
let outBytes = 0;

function flush() {
  if (out.length) writeSync(1, out.join(''));
  out = [];
  outBytes = 0;
}

function line(text) {
  if (text.trim() === '') return;
  let payload;
  let result;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    result = { ok: false, errors: [{ path: [], code: 'invalid_json', message: String(e.message) }], warnings: [] };
  }
  if (!result) result = validate(payload, options);
  const s = result.ok
    ? JSON.stringify({ index, ok: true, value: result.value, warnings: result.warnings ?? [] })
    : JSON.stringify({ index, ok: false, errors: result.errors, warnings: result.warnings ?? [] });
  index++;
  out.push(s, '\n');
  outBytes += s.length + 1;
  if (outBytes > 1 << 18) flush();
}

for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  const text = rest + decoder.decode(chunk.subarray(0, n), { stream: true });
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    line(text.slice(start, nl));
    start = nl + 1;
  }
  rest = text.slice(start);
}
line(rest + decoder.decode());
flush();
closeSync(fd);
process.stderr.write(`${index} records\n`);
