// The lean npm stack (issue 14): what a careful developer writes for speed, calling the
// libraries directly, with no schema library in between — the strongest fair competitor we
// could build for the benchmarks, next to the Zod-based one (npm-stack.mjs).
//
// trim; validator's isEmail (default options), then the domain lower-cased; libphonenumber-js/max
// parsePhoneNumberFromString(raw, region), isValid(), format('E.164'); tldts getDomain; LinkedIn
// by the WHATWG URL parser, a host check and /in/<slug> lower-cased; validator's isUUID then
// lower-case for account_id, tags and custom field keys; trimmed strings of at most 255
// characters for the text fields; the API's lax booleans (`yes`, `0`, ...) for do_not_contact;
// an unknown-key check; errors collected as {path, msg}.
// It checks less than contact-rules (no NFC, control characters, IDNA, special-use names,
// UUID forms other than hyphenated, typo and role warnings...): its speed is an upper bound on
// what such a stack can do, which is the point of measuring against it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import isEmail from 'validator/lib/isEmail.js';
import isUUID from 'validator/lib/isUUID.js';
import { getDomain } from 'tldts';

const KNOWN = new Set(['email', 'linkedin_url', 'first_name', 'last_name', 'title', 'phone_number', 'location', 'account_id', 'domain', 'do_not_contact', 'tags']);
const TEXT = ['first_name', 'last_name', 'title', 'location'];
const CUSTOM_PREFIX = 'custom_field_';
const LINKEDIN_HOST = /^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$/;
const SLUG = /^\/(?:mwlite\/)?in\/([^/]{3,100})\/?/;
const LAX = new Map([['true', true], ['yes', true], ['on', true], ['t', true], ['y', true], ['1', true], ['false', false], ['no', false], ['off', false], ['f', false], ['n', false], ['0', false]]);

/** Validates one payload the lean way: `{ok, value?, errors: [{path, msg}]}`. */
export function validateContactLean(payload, options = {}) {
  const region = options.defaultRegion;
  const errors = [];
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, errors: [{ path: [], msg: 'object_type' }] };
  }
  const out = {};
  for (const key of Object.keys(payload)) {
    const v = payload[key];
    if (KNOWN.has(key)) continue;
    if (key.startsWith(CUSTOM_PREFIX) && isUUID(key.slice(CUSTOM_PREFIX.length))) {
      if (v !== null && typeof v === 'object') errors.push({ path: [key], msg: 'custom_field_type' });
      else out[CUSTOM_PREFIX + key.slice(CUSTOM_PREFIX.length).toLowerCase()] = typeof v === 'string' ? v.trim() : v;
      continue;
    }
    errors.push({ path: [key], msg: 'extra_forbidden' });
  }

  const str = (key) => {
    const v = payload[key];
    if (v === undefined) return undefined;
    if (v === null) {
      out[key] = null;
      return undefined;
    }
    if (typeof v !== 'string') {
      errors.push({ path: [key], msg: 'string_type' });
      return undefined;
    }
    const t = v.trim();
    if (t === '') {
      out[key] = null;
      return undefined;
    }
    return t;
  };

  const email = str('email');
  if (email !== undefined) {
    if (isEmail(email)) {
      const at = email.lastIndexOf('@');
      out.email = email.slice(0, at + 1) + email.slice(at + 1).toLowerCase();
    } else errors.push({ path: ['email'], msg: 'email_invalid' });
  }

  const linkedin = str('linkedin_url');
  if (linkedin !== undefined) {
    let url = null;
    try {
      url = new URL(/^https?:\/\//i.test(linkedin) ? linkedin : `https://${linkedin}`);
    } catch {
      url = null;
    }
    const m = url && LINKEDIN_HOST.test(url.hostname) ? SLUG.exec(url.pathname) : null;
    if (m) out.linkedin_url = `https://www.linkedin.com/in/${m[1].toLowerCase()}`;
    else errors.push({ path: ['linkedin_url'], msg: 'linkedin_url_invalid' });
  }

  for (const key of TEXT) {
    const t = str(key);
    if (t === undefined) continue;
    if (t.length > 255) errors.push({ path: [key], msg: 'string_too_long' });
    else out[key] = t;
  }

  const phone = str('phone_number');
  if (phone !== undefined) {
    const p = parsePhoneNumberFromString(phone, region);
    if (p && p.isValid()) out.phone_number = p.format('E.164');
    else errors.push({ path: ['phone_number'], msg: 'phone_invalid' });
  }

  const account = str('account_id');
  if (account !== undefined) {
    if (isUUID(account)) out.account_id = account.toLowerCase();
    else errors.push({ path: ['account_id'], msg: 'uuid_parsing' });
  }

  const domain = str('domain');
  if (domain !== undefined) {
    const d = getDomain(domain);
    if (d) out.domain = d;
    else errors.push({ path: ['domain'], msg: 'domain_invalid' });
  }

  const dnc = payload.do_not_contact;
  if (dnc !== undefined) {
    const b = dnc === null || typeof dnc === 'boolean' ? dnc : LAX.get(String(dnc).trim().toLowerCase());
    if (b === undefined) errors.push({ path: ['do_not_contact'], msg: 'bool_parsing' });
    else out.do_not_contact = b;
  }

  const tags = payload.tags;
  if (tags !== undefined) {
    if (tags === null) out.tags = null;
    else if (!Array.isArray(tags)) errors.push({ path: ['tags'], msg: 'list_type' });
    else {
      const seen = new Set();
      tags.forEach((t, i) => {
        if (typeof t === 'string' && isUUID(t)) seen.add(t.toLowerCase());
        else errors.push({ path: ['tags', i], msg: 'uuid_parsing' });
      });
      out.tags = [...seen];
    }
  }

  if (!out.email && !out.linkedin_url && !errors.some((e) => e.path[0] === 'email' || e.path[0] === 'linkedin_url')) {
    errors.push({ path: [], msg: 'email_or_linkedin_required' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out, errors };
}
