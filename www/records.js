// Reading bulk files into payloads: CSV (header row) and NDJSON, streamed chunk by chunk so
// that a file of any size is read with bounded look-ahead. No DOM and no package import here:
// the Web Worker uses this module, and so do the Node tests (www/test/records.test.mjs).
//
// Conventions (the same as the `contact-rules check` command line):
// - CSV: the first row names the keys (trimmed); an empty cell is an absent key; quoted cells
//   may hold commas, quotes ("") and newlines; empty lines are skipped. Every cell is a string,
//   except `tags` (a cell that starts with `[` is read as a JSON array, any other cell is split
//   into UUIDs at `,`, `;` and white space) and `do_not_contact` (exactly `true` or `false` is
//   a boolean). A row with a value beyond the header's columns, or a cell that is not UTF-8, is
//   a record with the error `invalid_json`.
// - NDJSON: one payload per line; blank lines are skipped and not counted; a line that is not
//   JSON (or not UTF-8) is a record with the error `invalid_json`.
// - `index` counts records from 0; `line` is the 1-based line of the file where the record
//   starts (the CSV header is line 1).

/** The message of `invalid_json`, as in the crate's issue table. */
export const INVALID_JSON_MESSAGE = 'This record is not valid JSON.';

/** An `invalid_json` issue at the payload root, with a detail in `ctx.error`. */
export function invalidJson(detail) {
  return { path: [], code: 'invalid_json', message: INVALID_JSON_MESSAGE, ctx: { error: detail } };
}

const TAG_SEPARATORS = /[\s,;]+/u;

/**
 * A CSV `tags` cell as the payload's value: a JSON array when the cell starts with `[` (text
 * that is not JSON is passed on as the string, which the rules refuse with `list_type`), a
 * blank cell as itself (the rules' blank option applies), else the UUIDs between separators.
 */
export function parseTagsCell(cell) {
  const t = cell.trim();
  if (t === '') return cell;
  if (t.startsWith('[')) {
    try {
      return JSON.parse(t);
    } catch {
      return cell;
    }
  }
  return t.split(TAG_SEPARATORS).filter((s) => s !== '');
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A streaming CSV reader over bytes (RFC 4180 as the `csv-core` crate reads it, which the
 * command line uses: CR, LF or CRLF ends a row; `""` inside quotes is a quote; a quote inside
 * an unquoted cell is kept; text after a closing quote is appended; a quote left open at the
 * end of the input closes there; empty lines are skipped). The structural characters are ASCII,
 * so reading bytes is exact for UTF-8, and each cell can then be checked to be UTF-8.
 * `push(Uint8Array)` and `end()` call `onRow(data, ends, line)` for every row: the row's cell
 * bytes, the end offset of each cell in them, and the 1-based line where the row starts.
 */
export class CsvReader {
  constructor(onRow) {
    this.onRow = onRow;
    this.buf = new Uint8Array(4096);
    this.len = 0;
    this.ends = [];
    this.state = 'start'; // start | plain | quoted | quote (a quote inside quotes: end or "")
    this.line = 1; // the line the reader is on
    this.rowLine = 1; // the line where the current row started
    this.rowSeen = false; // the current row has a byte other than its line end
    this.skipLf = false; // the previous chunk ended a row with CR
    this.quotedCr = false; // the quoted bytes read so far end with CR (CRLF is one line)
    this.first = true;
  }

  append(bytes, from, to) {
    const need = this.len + (to - from);
    if (need > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < need) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(bytes.subarray(from, to), this.len);
    this.len = need;
  }

  push(bytes) {
    let i = 0;
    const n = bytes.length;
    if (this.first && n > 0) {
      this.first = false;
      if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // BOM
    }
    while (i < n) {
      const c = bytes[i];
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case 'quoted': {
          // Copy the run up to the next quote at once (the hot path of quoted cells).
          const q = bytes.indexOf(QUOTE, i);
          const end = q === -1 ? n : q;
          if (end > i) {
            this.append(bytes, i, end);
            this.line += countLines(bytes, i, end, this.quotedCr);
            this.quotedCr = bytes[end - 1] === CR;
          }
          i = end;
          if (q !== -1) {
            this.state = 'quote';
            i++;
          }
          continue;
        }
        case 'quote':
          if (c === QUOTE) {
            this.append(bytes, i, i + 1);
            this.quotedCr = false;
            this.state = 'quoted';
            i++;
            continue;
          }
          this.state = 'plain'; // the closing quote; what follows is read as plain text
          break;
        case 'start':
          if (c === QUOTE) {
            this.rowSeen = true;
            this.quotedCr = false;
            this.state = 'quoted';
            i++;
            continue;
          }
          this.state = 'plain';
          break;
        default:
          break;
      }
      // plain
      if (c === COMMA) {
        this.rowSeen = true;
        this.endCell();
        i++;
      } else if (c === LF || c === CR) {
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        if (c === CR) {
          if (i + 1 < n) {
            if (bytes[i + 1] === LF) i++;
          } else {
            this.skipLf = true;
          }
        }
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = bytes[j];
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        this.rowSeen = true;
        this.append(bytes, i, j);
        i = j;
      }
    }
  }

  end() {
    this.endRow();
  }

  endCell() {
    this.ends.push(this.len);
    this.state = 'start';
  }

  endRow() {
    if (!this.rowSeen) {
      this.state = 'start'; // an empty line
      return;
    }
    this.endCell();
    this.onRow(this.buf.subarray(0, this.len), this.ends, this.rowLine);
    this.len = 0;
    this.ends = [];
    this.rowSeen = false;
  }
}

// The line ends in bytes[from, to): LF, CR or CRLF (also when the CR ended the previous run).
function countLines(bytes, from, to, afterCr) {
  let k = 0;
  for (let p = from; p < to; p++) {
    const b = bytes[p];
    if (b === CR) k++;
    else if (b === LF && !(p === from ? afterCr : bytes[p - 1] === CR)) k++;
  }
  return k;
}

const DO_NOT_CONTACT_EXACT = { true: true, false: false };

/**
 * Turns CSV rows into records `{index, line, payload}` or `{index, line, error}`: the first
 * row is the header (names trimmed); an empty cell is an absent key; cells are strings, except
 * `tags` (see `parseTagsCell`) and `do_not_contact`, where exactly `true` or `false` is a
 * boolean (other spellings stay strings for the lax boolean rule), as on the command line.
 * Returns the CsvReader to feed. Throws an Error, a problem of the whole file, for a header
 * that is not UTF-8 or names a column twice.
 */
export function csvRecords(onRecord) {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let header = null;
  let index = 0;
  return new CsvReader((data, ends, line) => {
    if (header === null) {
      header = [];
      let start = 0;
      for (const end of ends) {
        let name;
        try {
          name = utf8.decode(data.subarray(start, end)).trim();
        } catch {
          throw new Error(`The CSV header's column ${header.length + 1} is not UTF-8.`);
        }
        if (name !== '' && header.includes(name)) throw new Error(`The CSV header has the column "${name}" twice.`);
        header.push(name);
        start = end;
      }
      return;
    }
    const at = index++;
    const payload = {};
    let start = 0;
    for (let column = 0; column < ends.length; column++) {
      const end = ends[column];
      const cell = data.subarray(start, end);
      start = end;
      if (cell.length === 0) continue;
      if (column >= header.length) {
        onRecord({
          index: at,
          line,
          error: invalidJson(
            `This CSV row has a value in column ${column + 1}, but the header has ${header.length} columns.`,
          ),
        });
        return;
      }
      const key = header[column];
      let text;
      try {
        text = utf8.decode(cell);
      } catch {
        onRecord({ index: at, line, error: invalidJson(`invalid UTF-8 in column ${JSON.stringify(key)}`) });
        return;
      }
      if (key === 'tags') payload[key] = parseTagsCell(text);
      else if (key === 'do_not_contact' && Object.hasOwn(DO_NOT_CONTACT_EXACT, text)) {
        payload[key] = DO_NOT_CONTACT_EXACT[text];
      } else defineKey(payload, key, text);
    }
    onRecord({ index: at, line, payload });
  });
}

// Sets a key on a plain object, `__proto__` included (as JSON.parse does).
function defineKey(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A streaming NDJSON reader over bytes: `push(Uint8Array)` and `end()` call `onRecord` with
 * `{index, line, payload}` or `{index, line, error}`. Lines are split on LF (a CR before it is
 * dropped); each line is decoded as strict UTF-8, so bytes that are not UTF-8 make that record
 * `invalid_json`, as on the command line.
 */
export class NdjsonReader {
  constructor(onRecord) {
    this.onRecord = onRecord;
    this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    this.pending = [];
    this.pendingBytes = 0;
    this.line = 0;
    this.index = 0;
  }

  push(bytes) {
    let start = 0;
    for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
      this.pending.push(bytes.subarray(start, nl));
      this.flush();
      start = nl + 1;
    }
    if (start < bytes.length) {
      this.pending.push(bytes.slice(start)); // a copy: the caller may reuse its buffer
      this.pendingBytes += bytes.length - start;
    }
  }

  end() {
    if (this.pendingBytes > 0) this.flush();
  }

  flush() {
    const parts = this.pending;
    let bytes;
    if (parts.length === 1) {
      bytes = parts[0];
    } else {
      bytes = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
      let o = 0;
      for (const p of parts) {
        bytes.set(p, o);
        o += p.length;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 13) end--;
    let start = 0;
    if (this.line === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    bytes = bytes.subarray(start, end);
    let text;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      this.onRecord({ index: this.index++, line: this.line, error: invalidJson('The line is not valid UTF-8.') });
      return;
    }
    if (text.trim() === '') return; // blank lines are skipped and not counted
    const at = this.index++;
    let payload;
    try {
      payload = JSON.parse(text);
    } catch (e) {
      this.onRecord({ index: at, line: this.line, error: invalidJson(String(e?.message ?? e)) });
      return;
    }
    this.onRecord({ index: at, line: this.line, payload });
  }
}

/**
 * The format of a file: `csv`, `ndjson` or `json` (one JSON array of payloads), from its name
 * and, when the name does not tell, its first non-blank byte.
 */
export function detectFormat(name, firstBytes) {
  const lower = (name ?? '').toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl') || lower.endsWith('.jsonlines')) return 'ndjson';
  let i = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) i = 3;
  while (i < firstBytes.length && [9, 10, 13, 32].includes(firstBytes[i])) i++;
  const c = firstBytes[i];
  if (c === 0x5b /* [ */) return 'json';
  if (c === 0x7b /* { */ || lower.endsWith('.json')) return 'ndjson';
  return 'csv';
}
