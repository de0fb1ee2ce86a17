// One batch of payloads through the package: `validateContacts`, and, when the batch holds a
// value that JavaScript has but JSON cannot (a lone surrogate from a `\ud800` escape), record
// by record, so that only that record fails, with `invalid_json` (it is not valid JSON text for
// the API either). Shared by the bulk worker and its validator workers; the package is passed in.
import { invalidJson } from './records.js';

export function validateBatch(pkg, payloads, options) {
  try {
    return pkg.validateContacts(payloads, options);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return payloads.map((p) => {
      try {
        return pkg.validateContact(p, options);
      } catch (e2) {
        if (!(e2 instanceof TypeError)) throw e2;
        return { ok: false, errors: [invalidJson(e2.message)], warnings: [] };
      }
    });
  }
}
