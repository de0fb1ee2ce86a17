// Types of `contact-rules/import` (and `/import/browser`, `/import/inline`, `/import/manual`):
// the whole API of `contact-rules` (index.d.ts) plus the spreadsheet import (issue 16), the
// crate's column mapping and CSV importer, which only these entries export. Their `init`,
// `ready` and `wasmModule` are this entry's own: in browsers its module
// (contact_rules_import_bg.wasm) is loaded apart from the one of `contact-rules`.
import type { ContactInput, CustomFieldKey, ErrorCode, Issue } from '../index.js';

export * from '../index.js';

/** A payload key a column can map to. */
export type MappedKey =
  | 'email' | 'linkedin_url' | 'first_name' | 'last_name' | 'title' | 'phone_number' | 'location'
  | 'account_id' | 'domain' | 'do_not_contact' | 'tags' | CustomFieldKey;

/** How a CSV file is read: the command line's CSV flags (`contact-rules check --help`). */
export interface ImportOptions {
  /** The file's encoding; detected when left out (a byte order mark, else UTF-8 when the first 64 KiB are, else Windows-1252). */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** The cell delimiter (one ASCII character, or "tab"); detected among , ; tab | when left out. */
  delimiter?: string;
  /** "auto" (default): headers mapped by name and aliases; "exact": each header is a payload key. */
  columns?: 'auto' | 'exact';
  /** Columns that map to no key: left out ("drop", default) or kept under their header name ("keep"). */
  unmapped?: 'drop' | 'keep';
  /** The user's mappings, as `--map COLUMN=KEY`: a column (its header, or "#N") to a key, or "-" to leave it out. */
  map?: Record<string, MappedKey | '-'> | [string, MappedKey | '-'][];
  /** A row over this many bytes of cells is `payload_too_large` (default 1 MiB). */
  maxRowBytes?: number;
}

/** One column and what it becomes. */
export interface MappedColumn {
  /** 0-based position. */
  index: number;
  /** The header, trimmed. */
  header: string;
  /** The payload key, or null when the column maps to none. */
  key: string | null;
  /** Among the columns of one key, each row takes the first non-empty one by rank. */
  rank: number;
  how: 'exact' | 'alias' | 'layout' | 'user' | 'unmapped' | 'header';
  /** Why an unmapped column is not imported, when there is more to say. */
  note: string | null;
  /** For an unmapped column: kept under its header name. */
  keep: boolean;
}

/** A problem that stops a mapping from being used (two columns that could each be the key...). */
export interface MappingProblem {
  columns: number[];
  message: string;
}

/** A suggested mapping. */
export interface ColumnMapping {
  columns: MappedColumn[];
  problems: MappingProblem[];
  /** The mapping as lines for people, as the command line prints it. */
  report: string;
}

/** What the start of a CSV file told. */
export interface CsvDialect {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: string;
  /** Rows of notes before the header (LinkedIn's export). */
  skipped: number;
  mapping: { columns: MappedColumn[]; exact: boolean };
  report: string;
}

/**
 * One row of an imported file: a payload to validate, or the row's result when it cannot be read;
 * `line` is the 1-based line of the file where the row starts (CR, LF and CRLF end lines).
 */
export type ImportRow =
  | { line: number; payload: ContactInput }
  | { line: number; result: { ok: false; errors: Issue<ErrorCode>[]; warnings: [] } };

/** What `push` and `finish` return. */
export type ImportBatch =
  | { dialect: CsvDialect | null; rows: ImportRow[] }
  | { error: { message: string; problems: MappingProblem[] }; dialect: CsvDialect | null };

/** A CSV import in progress. */
export interface CsvImport {
  /** Feeds the next bytes of the file. */
  push(bytes: Uint8Array): ImportBatch;
  /** Ends the file (and frees the import). */
  finish(): ImportBatch;
}

/**
 * The suggested mapping of a header row, by the crate's one table of aliases (Google Contacts,
 * Outlook, Salesforce, HubSpot, Apollo, LinkedIn, Excel), with `options.map` applied.
 * @throws TypeError for headers that are not strings or malformed options.
 */
export function suggestMapping(headers: readonly string[], options?: ImportOptions): ColumnMapping;

/**
 * Reads a CSV file chunk by chunk exactly as `contact-rules check` does (encoding, delimiter,
 * notes before the header, mapping, rows as payloads); validate the payloads with
 * `validateContacts`.
 * @throws TypeError for malformed options.
 */
export function createCsvImport(options?: ImportOptions): CsvImport;
