// Type-checked (tsc --noEmit) as CommonJS: `require('contact-rules')` resolves the `require`
// condition of `exports`, whose declarations are index.d.cts.
import { validateContact, ready, isReady, type ValidationResult } from 'contact-rules';

const r: ValidationResult = validateContact({ email: 'jane@acme.com' }, { defaultRegion: 'US' });
const loaded: Promise<void> = ready;
const now: boolean = isReady();
void [r, loaded, now];
