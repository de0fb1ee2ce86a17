// The API behind the page, when there is one. `contact-rules-server` serves this page with an
// `x-contact-rules-server` header and answers `GET /v1/meta` with the options it validates with;
// `node www/serve.mjs` (or any static server) sends no such header, and the page then works
// alone, as before. The check is a HEAD of the page itself, so it never fails with a 404.

/** A URL of the API (`/v1/...` on the page's own origin). */
const apiUrl = (path) => new URL(`/v1/${path}`, location.href);

/**
 * `{options, version}` when the page is served by contact-rules-server (options in the
 * package's camelCase, as `/v1/meta` gives them), else `null`.
 */
export async function detectServer() {
  let head;
  try {
    head = await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
  } catch {
    return null;
  }
  const version = head.headers.get('x-contact-rules-server');
  if (!version) return null;
  const res = await fetch(apiUrl('meta'), { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /v1/meta answered ${res.status}`);
  const meta = await res.json();
  return { version, options: meta.data.options };
}

/**
 * `PUT /v1/contacts` with `payload` as its JSON body. Returns `{status, text, json}`: the
 * answer's status, its body exactly as received, and that body parsed (null if it is not JSON).
 * Network failures reject.
 */
export async function putContact(payload) {
  const res = await fetch(apiUrl('contacts'), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/**
 * Whether the server's answer agrees with the browser's verdict `result` (the package's
 * `validateContact` result for the same payload and options): a refusal must be exactly
 * `toFastApiErrors(errors)` as compact JSON, byte for byte (status 422, or 413 for a body over the
 * size limit); an acceptance must store every key of
 * the normalized body as previewed. `toFastApiErrors` is the package's.
 */
export function agrees(answer, result, toFastApiErrors) {
  if (!result.ok) return (answer.status === 422 || answer.status === 413) && answer.text === JSON.stringify(toFastApiErrors(result.errors));
  if (answer.status === 409) return true; // an identity conflict with stored contacts: not a rule
  if (answer.status !== 200 && answer.status !== 201) return false;
  const data = answer.json?.data ?? {};
  return Object.entries(result.value).every(([k, v]) => JSON.stringify(data[k]) === JSON.stringify(v));
}
