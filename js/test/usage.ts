// Type-checked (tsc --noEmit) usage of the package's public types: a typo or a loose type in
// index.d.ts breaks this file.
import {
  validateContact,
  validateContacts,
  normalizePhone,
  toFastApiErrors,
  contactSchema,
  createContactSchema,
  ready,
  init,
  isReady,
  wasmModule,
  type WasmSource,
  type ContactOptions,
  type ContactPayload,
  type ValidationResult,
  type Issue,
  type StandardSchemaV1,
  type FastApiErrors,
} from 'contact-rules';

const options: ContactOptions = { defaultRegion: 'US', unknownKeys: 'strip', limits: { maxTags: 10 } };
const r: ValidationResult = validateContact({ email: 'jane@acme.com' }, options);
if (r.ok) {
  const p: ContactPayload = r.value;
  const email: string | null | undefined = p.email;
  const dnc: boolean | null | undefined = p.do_not_contact;
  const custom = p['custom_field_a0000000-0000-4000-8000-000000000001'];
  void [email, dnc, custom];
} else {
  const first: Issue | undefined = r.errors[0];
  const path: (string | number)[] | undefined = first?.path;
  void path;
  // @ts-expect-error: an invalid result has no value
  void r.value;
}
const many: ValidationResult[] = validateContacts([{ email: 'a@acme.com' }]);
const phone = normalizePhone('415 555 2671', { defaultRegion: 'US' });
const e164: string | undefined = phone.ok ? phone.value : undefined;
const body: FastApiErrors = toFastApiErrors(many.flatMap((x) => x.errors));
const loc0: 'body' = body.detail[0]!.loc[0];
type Out = StandardSchemaV1.InferOutput<typeof contactSchema>;
const out: Out = { email: 'a@acme.com', tags: null };
const schema: StandardSchemaV1<unknown, ContactPayload> = createContactSchema({ phoneValidity: 'possible' });
// @ts-expect-error: option names are camelCase
const bad: ContactOptions = { default_region: 'US' };
// @ts-expect-error: unknown option values are refused
const bad2: ContactOptions = { blank: 'empty' };
const loaded: Promise<void> = ready;
const started: Promise<void> = init();
const now: boolean = isReady();
const compiled: WebAssembly.Module = wasmModule();
const source: WasmSource = compiled;
const manualStart: Promise<void> = init(source);
// The schema answers with a result or, before the module is loaded, a promise of one.
const checked = contactSchema['~standard'].validate({ email: 'a@acme.com' });
async function settled(): Promise<ContactPayload | undefined> {
  const res = await checked;
  return res.issues ? undefined : res.value;
}
void [e164, loc0, out, schema, bad, bad2, loaded, started, now, settled, manualStart];

// --- Spreadsheet imports (issue 16): only `contact-rules/import` has them; it has the whole API too.
import {
  suggestMapping,
  createCsvImport,
  validateContact as validateWithImport,
  ready as importReady,
  type ImportOptions,
  type ImportBatch,
  type MappedKey,
  type ValidationResult as ImportValidationResult,
} from 'contact-rules/import';
import * as core from 'contact-rules';
import * as importManual from 'contact-rules/import/manual';

// @ts-expect-error: the main entry does not export the import's functions
void core.suggestMapping;
// @ts-expect-error: nor createCsvImport
void core.createCsvImport;
const viaImport: ImportValidationResult = validateWithImport({ email: 'jane@acme.com' });
const importLoaded: Promise<void> = importReady;
const importManualStart: Promise<void> = importManual.init(new URL('https://example.com/contact_rules_import_bg.wasm'));
void [viaImport, importLoaded, importManualStart, importManual.createCsvImport];

const importOptions: ImportOptions = { delimiter: ';', encoding: 'windows-1252', map: { 'Work Email': 'email', Fax: '-' } };
const suggested = suggestMapping(['First Name', 'E-mail Address'], importOptions);
const firstKey: string | null = suggested.columns[0]?.key ?? null;
const csv = createCsvImport({ map: [['#2', 'email']], unmapped: 'keep' });
const batch: ImportBatch = csv.push(new Uint8Array([0x61]));
if ('error' in batch) {
  const why: string = batch.error.message;
  void why;
} else {
  for (const row of batch.rows) {
    const line: number = row.line;
    if ('payload' in row) void validateContacts([row.payload]);
    else void row.result.errors[0]?.code;
    void line;
  }
}
const custom: MappedKey = 'custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8';
// @ts-expect-error: not a payload key
const wrong: MappedKey = 'company';
void [firstKey, csv.finish(), custom, wrong];
