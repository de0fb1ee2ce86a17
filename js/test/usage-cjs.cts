// Type-checked (tsc --noEmit) as CommonJS: `require('contact-rules')` resolves the `require`
// condition of `exports`, whose declarations are index.d.cts (import/index.d.cts for
// `contact-rules/import`).
import { validateContact, ready, isReady, type ValidationResult } from 'contact-rules';

const r: ValidationResult = validateContact({ email: 'jane@acme.com' }, { defaultRegion: 'US' });
const loaded: Promise<void> = ready;
const now: boolean = isReady();
void [r, loaded, now];

// `require('contact-rules/import')`: import/index.d.cts, the same API plus the import.
import { createCsvImport, validateContacts, type ImportBatch } from 'contact-rules/import';
const batch: ImportBatch = createCsvImport({ delimiter: ';' }).finish();
void [batch, validateContacts([])];
