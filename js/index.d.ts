// Types of the contact-rules npm package (`contact-rules`, `/browser`, `/inline`, `/manual`).
// Hand-written so that every public type is precise (no `any`); the WebAssembly glue's own types
// stay internal. `contact-rules/import` (import/index.d.ts) is all of this plus the spreadsheet
// import (suggestMapping, createCsvImport), which these entries do not export, in Node neither.

/** A JSON value, as a payload can hold it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A `custom_field_<uuid>` key. */
export type CustomFieldKey = `custom_field_${string}`;

/** A custom field's value: a string, a finite number, a boolean or null. */
export type CustomFieldValue = string | number | boolean | null;

/**
 * The normalized body of `PUT /v1/contacts`. A key that is absent means "leave as is",
 * `null` means "clear it".
 */
export interface ContactPayload {
  email?: string | null;
  linkedin_url?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  title?: string | null;
  phone_number?: string | null;
  location?: string | null;
  account_id?: string | null;
  domain?: string | null;
  do_not_contact?: boolean | null;
  tags?: string[] | null;
  [customField: CustomFieldKey]: CustomFieldValue | undefined;
}

/** What a form may pass in: the payload's keys with loose values (the rules check them). */
export interface ContactInput {
  email?: string | null;
  linkedin_url?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  title?: string | null;
  phone_number?: string | null;
  location?: string | null;
  account_id?: string | null;
  domain?: string | null;
  do_not_contact?: boolean | string | number | null;
  tags?: string[] | null;
  [key: string]: JsonValue | undefined;
}

/** A stable issue code (SPEC.md §2). New codes may be added; codes are never renamed. */
export type ErrorCode =
  | 'object_type' | 'string_type' | 'bool_parsing' | 'list_type' | 'uuid_parsing'
  | 'extra_forbidden' | 'email_or_linkedin_required' | 'string_too_long' | 'control_characters'
  | 'email_invalid' | 'phone_invalid' | 'phone_too_short' | 'phone_too_long' | 'phone_region_missing'
  | 'phone_unassigned'
  | 'linkedin_url_invalid' | 'linkedin_url_not_profile' | 'linkedin_url_unsupported'
  | 'domain_invalid' | 'domain_not_public' | 'custom_field_key_invalid' | 'custom_field_type'
  | 'payload_too_large' | 'invalid_json'
  // Spreadsheet imports (issue 16).
  | 'spreadsheet_scientific_notation' | 'phone_leading_zero_lost' | 'uuid_split' | 'row_invalid';

/** A warning code: warnings never make a payload invalid. */
export type WarningCode =
  | 'email_free_provider' | 'email_typo' | 'email_role_account' | 'domain_free_provider'
  | 'email_domain_mismatch' | 'phone_possible_only';

/** Any issue code. */
export type IssueCode = ErrorCode | WarningCode;

/** One problem, at a path of keys and indexes from the payload root (`[]` for the payload). */
export interface Issue<C extends IssueCode = IssueCode> {
  path: (string | number)[];
  code: C;
  /** One English sentence saying what to fix; localize by `code`. */
  message: string;
  /** The offending value, when there is one. */
  input?: JsonValue;
  /** Details, e.g. `{ suggestion: "jane@gmail.com" }` or `{ max_length: 255 }`. */
  ctx?: { [key: string]: JsonValue };
}

/** The result of validating one payload. */
export type ValidationResult =
  | { ok: true; value: ContactPayload; errors: []; warnings: Issue<WarningCode>[] }
  | { ok: false; errors: Issue<ErrorCode>[]; warnings: Issue<WarningCode>[] };

/** The result of one field rule. */
export type FieldResult =
  | { ok: true; value: string; warnings: Issue<WarningCode>[] }
  | { ok: false; error: Issue<ErrorCode> };

/** Length and size caps. */
export interface ContactLimits {
  /** first_name, last_name, title, location: at most this many characters (255). */
  textMaxChars?: number;
  /** A custom field's string: at most this many characters (10,000). */
  customFieldMaxChars?: number;
  /** A payload: at most this many bytes of JSON (1 MiB). */
  maxPayloadBytes?: number;
  /** At most this many keys (1,000). */
  maxKeys?: number;
  /** At most this many tags (1,000). */
  maxTags?: number;
}

/** Options (SPEC.md §3), camelCase. Every one is optional. */
export interface ContactOptions {
  /** ISO 3166 alpha-2 region for national phone numbers, e.g. "US". None by default. */
  defaultRegion?: string | null;
  /** "valid" (default) or "possible" (with a phone_possible_only warning). */
  phoneValidity?: 'valid' | 'possible';
  /** Unknown keys: "error" (default), "strip" or "keep". */
  unknownKeys?: 'error' | 'strip' | 'keep';
  /** Blank strings become null ("null", default) or are left out ("omit"). */
  blank?: 'null' | 'omit';
  /** "lower" (default) or "preserve_local" (keep the local part's case). */
  emailCase?: 'lower' | 'preserve_local';
  /** "registrable" (default: acme.co.uk) or "host" (the whole host). */
  domainMode?: 'registrable' | 'host';
  /** Accept "yes"/"no", 1/0, ... for do_not_contact (default true). */
  laxBooleans?: boolean;
  /** Fill an absent domain from a non-free email's domain (default false). */
  deriveDomainFromEmail?: boolean;
  /** Length and size caps. */
  limits?: ContactLimits;
}

/** One error in FastAPI's 422 shape. */
export interface FastApiError {
  type: IssueCode;
  loc: ['body', ...(string | number)[]];
  msg: string;
  input?: JsonValue;
  ctx?: { [key: string]: JsonValue };
}

/** FastAPI's 422 body. */
export interface FastApiErrors {
  detail: FastApiError[];
}

/** The Standard Schema v1 interface (https://standardschema.dev), as the spec defines it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * A Standard Schema for the contact payload. `validate` never throws for invalid data; it
 * answers at once once the module is loaded (always, in Node), and with a promise before that
 * (in browsers, the first moments after import), as Standard Schema allows.
 */
export interface ContactSchema extends StandardSchemaV1<ContactInput, ContactPayload> {
  readonly '~standard': StandardSchemaV1.Props<ContactInput, ContactPayload> & {
    readonly vendor: 'contact-rules';
    readonly validate: (
      value: unknown,
    ) => StandardSchemaV1.Result<ContactPayload> | Promise<StandardSchemaV1.Result<ContactPayload>>;
  };
}

/**
 * Resolves when the rules can be called. In Node (`import` or `require`) the module is loaded
 * when the import returns, so this is already resolved; in browsers the module starts loading
 * when the package is imported, without holding the page, and this resolves when it is compiled.
 * Rejects (an Error with `code: "ERR_CONTACT_RULES_LOAD_FAILED"`) if it cannot be loaded.
 *
 * The synchronous functions below throw an Error with `code: "ERR_CONTACT_RULES_NOT_READY"`
 * when called before; `contactSchema` and `createContactSchema` wait by themselves.
 */
export const ready: Promise<void>;

/** What `init` of `contact-rules/manual` loads the module from. */
export type WasmSource = WebAssembly.Module | URL | string | Request | Response | ArrayBuffer | ArrayBufferView;

/**
 * Every entry but `contact-rules/manual` loads its module by itself when imported: there `init()`
 * is the same promise as `ready`, for code written the wasm-pack way, and starts nothing new
 * (passing a source throws a TypeError).
 *
 * `contact-rules/manual` loads nothing until `init` is called: with a source (a compiled
 * `WebAssembly.Module` posted by the page — see `wasmModule()` —, a URL, a Response or the
 * module's bytes) or without one (the `.wasm` next to it). The first call starts the loading;
 * later calls return the same promise.
 */
export function init(source?: WasmSource | Promise<WasmSource>): Promise<void>;

/** True once the module is loaded and the synchronous functions can be called. */
export function isReady(): boolean;

/**
 * The compiled `WebAssembly.Module` the package instantiated (once `ready`), to post to workers
 * that import `contact-rules/manual` and call `init(module)`: one compilation for all of them.
 * @throws Error with `code: "ERR_CONTACT_RULES_NOT_READY"` before `ready` has resolved.
 */
export function wasmModule(): WebAssembly.Module;

/**
 * Validates and normalizes one payload. Invalid data is returned (`ok: false`), never thrown.
 * @throws TypeError when the payload or the options are not JSON-like (Map, Date, BigInt,
 * functions, cycles, NaN, lone surrogates, ...) or the options are malformed.
 * @throws Error with `code: "ERR_CONTACT_RULES_NOT_READY"` before `ready` has resolved (as every
 * synchronous function of the package).
 */
export function validateContact(payload: unknown, options?: ContactOptions): ValidationResult;

/** Validates many payloads in one call; one result per payload, in order. */
export function validateContacts(payloads: readonly unknown[], options?: ContactOptions): ValidationResult[];

/** Normalizes an email address (trim, `mailto:`, display name, case, IDN). */
export function normalizeEmail(value: string, options?: ContactOptions): FieldResult;
/** Normalizes a phone number to E.164 (`;ext=NNN` for extensions); set `defaultRegion` for national numbers. */
export function normalizePhone(value: string, options?: ContactOptions): FieldResult;
/** Normalizes a LinkedIn profile URL to `https://www.linkedin.com/in/<slug>`. */
export function normalizeLinkedinUrl(value: string, options?: ContactOptions): FieldResult;
/** Normalizes a company domain to its registrable domain (or host, with `domainMode: "host"`). */
export function normalizeDomain(value: string, options?: ContactOptions): FieldResult;
/** Normalizes a UUID to lower-case hyphenated form. */
export function normalizeUuid(value: string, options?: ContactOptions): FieldResult;
/** The text rule of names, title and location: trim, collapse white space, NFC, no control characters. */
export function normalizeText(value: string, options?: ContactOptions): FieldResult;

/** Renders issues as FastAPI's 422 body, so client- and server-side errors share one code path. */
export function toFastApiErrors(issues: readonly Issue[]): FastApiErrors;

/**
 * A Standard Schema v1 object with these options (for React Hook Form, TanStack Form, ...).
 * @throws TypeError for malformed options: at once when the module is loaded, else the first
 * validation reports them as its one issue.
 */
export function createContactSchema(options?: ContactOptions): ContactSchema;

/** The Standard Schema v1 object with the default options. */
export const contactSchema: ContactSchema;
