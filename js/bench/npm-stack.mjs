// The npm stack a form would otherwise ship for the same job, as one equivalent pipeline:
// libphonenumber-js (max metadata) + validator + tldts + zod, with the same fields and the
// same normalizations as contact-rules (as far as these libraries allow). Used by the size
// report (bundled by esbuild) and the Node benchmark (interleaved with the package).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import isEmail from 'validator/lib/isEmail.js';
import isUUID from 'validator/lib/isUUID.js';
import { parse as parseHost } from 'tldts';
import { z } from 'zod';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const SPACES = /\s+/g;
const FREE = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'aol.com', 'icloud.com', 'proton.me', 'protonmail.com', 'gmx.de', 'web.de']);
const CUSTOM = /^custom_field_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINKEDIN = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com\/(?:mwlite\/)?in\/([^/?#\s]{3,100})\/?(?:[/?#].*)?$/i;
const LAX = new Map([['true', true], ['yes', true], ['on', true], ['t', true], ['y', true], ['1', true], ['false', false], ['no', false], ['off', false], ['f', false], ['n', false], ['0', false]]);

function text(max) {
  return z.string().transform((s, ctx) => {
    const t = s.trim().replace(SPACES, ' ').normalize('NFC');
    if (CONTROL.test(t)) ctx.addIssue({ code: 'custom', message: 'control_characters' });
    if ([...t].length > max) ctx.addIssue({ code: 'custom', message: 'string_too_long' });
    return t;
  });
}

function email(s, ctx) {
  let e = s.trim().replace(/^mailto:/i, '');
  const m = /<([^<>]+)>\s*$/.exec(e);
  if (m) e = m[1].trim();
  if (!isEmail(e, { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false })) {
    ctx.addIssue({ code: 'custom', message: 'email_invalid' });
    return e;
  }
  return e.toLowerCase();
}

function uuid(s, ctx) {
  let u = s.trim().replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1');
  if (/^[0-9a-f]{32}$/i.test(u)) u = `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`;
  if (!isUUID(u, 'all') && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(u)) {
    ctx.addIssue({ code: 'custom', message: 'uuid_parsing' });
  }
  return u.toLowerCase();
}

function makeSchema(defaultRegion) {
  const nullable = (t) => t.nullable().optional();
  return z
    .object({
      email: nullable(z.string().transform(email)),
      linkedin_url: nullable(
        z.string().transform((s, ctx) => {
          const m = LINKEDIN.exec(s.trim());
          if (!m) {
            ctx.addIssue({ code: 'custom', message: 'linkedin_url_invalid' });
            return s;
          }
          return `https://www.linkedin.com/in/${encodeURIComponent(decodeURIComponent(m[1]).toLowerCase())}`;
        }),
      ),
      first_name: nullable(text(255)),
      last_name: nullable(text(255)),
      title: nullable(text(255)),
      phone_number: nullable(
        z.string().transform((s, ctx) => {
          const p = parsePhoneNumberFromString(s, defaultRegion ? { defaultCountry: defaultRegion } : undefined);
          if (!p || !p.isValid()) {
            ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
            return s;
          }
          return p.ext ? `${p.number};ext=${p.ext}` : p.number;
        }),
      ),
      location: nullable(text(255)),
      account_id: nullable(z.string().transform(uuid)),
      domain: nullable(
        z.string().transform((s, ctx) => {
          const h = parseHost(s.trim().toLowerCase());
          if (!h.domain || h.isIp) {
            ctx.addIssue({ code: 'custom', message: 'domain_invalid' });
            return s;
          }
          return h.domain;
        }),
      ),
      do_not_contact: nullable(
        z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx) => {
          if (typeof v === 'boolean') return v;
          const b = typeof v === 'number' ? (v === 1 ? true : v === 0 ? false : undefined) : LAX.get(v.trim().toLowerCase());
          if (b === undefined) ctx.addIssue({ code: 'custom', message: 'bool_parsing' });
          return b ?? false;
        }),
      ),
      tags: nullable(z.array(z.string().transform(uuid)).transform((a) => [...new Set(a)])),
    })
    .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .superRefine((v, ctx) => {
      for (const k of Object.keys(v)) {
        if (!(k in SHAPE_KEYS) && !CUSTOM.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'extra_forbidden' });
      }
      if (!v.email && !v.linkedin_url) ctx.addIssue({ code: 'custom', path: [], message: 'email_or_linkedin_required' });
    });
}

const SHAPE_KEYS = Object.fromEntries(
  ['email', 'linkedin_url', 'first_name', 'last_name', 'title', 'phone_number', 'location', 'account_id', 'domain', 'do_not_contact', 'tags'].map((k) => [k, true]),
);

const schemas = new Map();

/** Validates one payload with the npm stack: `{ok, value?, errors, warnings}`. */
export function validateContactStack(payload, options = {}) {
  const region = options.defaultRegion;
  let schema = schemas.get(region);
  if (!schema) schemas.set(region, (schema = makeSchema(region)));
  const r = schema.safeParse(payload);
  if (!r.success) {
    return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path, code: i.message })), warnings: [] };
  }
  const value = r.data;
  const warnings = [];
  if (typeof value.email === 'string' && FREE.has(value.email.split('@')[1])) {
    warnings.push({ path: ['email'], code: 'email_free_provider' });
  }
  return { ok: true, value, errors: [], warnings };
}
