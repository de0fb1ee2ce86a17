// The options panel: the default-region picker and the other options of the package
// (SPEC.md §3), read into one camelCase ContactOptions object for the form and the bulk check.
import { COMMON_REGIONS, localeRegion, regionNamer } from './regions.js';
import { h } from './dom.js';

const PLACEHOLDER = { linkedin_url: 'https://www.linkedin.com/in/region-check' };
const OTHER = 'other';

/**
 * Whether the phone rule knows a region code. The package answers: options with an unknown
 * region make `validateContact` throw a TypeError.
 */
export function isKnownRegion(pkg, code) {
  try {
    pkg.validateContact(PLACEHOLDER, { defaultRegion: code });
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/** The region to start from: the first of the browser's languages that names a known region. */
export function startRegion(pkg, languages) {
  for (const tag of languages) {
    const r = localeRegion(tag);
    if (r && isKnownRegion(pkg, r)) return r;
  }
  return '';
}

/**
 * Wires the options panel. `onChange()` is called whenever an option changes. Returns
 * `{get, emptyFields}`: `get()` is the ContactOptions object (defaults left out, so that it
 * reads as what a developer would write), `emptyFields()` is `"absent"` or `"null"`.
 */
export function setupOptions(pkg, onChange) {
  const $ = (id) => document.getElementById(id);
  const select = $('opt-region');
  const otherField = $('opt-region-other-field');
  const other = $('opt-region-other');
  const otherMsg = $('opt-region-other-msg');

  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  const name = regionNamer(languages[0] ?? 'en');
  const initial = startRegion(pkg, languages);
  const codes = new Set(COMMON_REGIONS);
  if (initial) codes.add(initial);
  const sorted = [...codes].sort((a, b) => name(a).localeCompare(name(b)));
  select.replaceChildren(
    h('option', { value: '' }, 'None (numbers need a + country code)'),
    ...sorted.map((c) => h('option', { value: c }, `${name(c)} (${c})`)),
    h('option', { value: OTHER }, 'Other region…'),
  );
  select.value = initial;

  let otherRegion = null; // the valid code typed in "Other region", if any
  function checkOther() {
    const code = other.value.trim().toUpperCase();
    otherRegion = null;
    if (code === '') {
      otherMsg.textContent = 'Type a two-letter region code, such as FR.';
      other.removeAttribute('aria-invalid');
      otherMsg.className = 'msg';
    } else if (isKnownRegion(pkg, code)) {
      otherRegion = code;
      otherMsg.textContent = `${name(code)}: national numbers are read as ${code} numbers.`;
      otherMsg.className = 'msg ok';
      other.removeAttribute('aria-invalid');
    } else {
      otherMsg.textContent = `“${code}” is not a region the phone rule knows: no default region is used.`;
      otherMsg.className = 'msg error-text';
      other.setAttribute('aria-invalid', 'true');
    }
  }

  select.addEventListener('change', () => {
    otherField.hidden = select.value !== OTHER;
    if (select.value === OTHER) {
      checkOther();
      other.focus();
    }
    onChange();
  });
  other.addEventListener('input', () => {
    checkOther();
    onChange();
  });

  const ids = ['opt-phone-validity', 'opt-unknown-keys', 'opt-blank', 'opt-email-case', 'opt-domain-mode',
    'opt-lax-booleans', 'opt-derive-domain', 'opt-empty-fields'];
  for (const id of ids) $(id).addEventListener('change', onChange);

  function get() {
    const o = {};
    const region = select.value === OTHER ? otherRegion : select.value;
    if (region) o.defaultRegion = region;
    const pick = (id, key, dflt) => {
      const v = $(id).value;
      if (v !== dflt) o[key] = v;
    };
    pick('opt-phone-validity', 'phoneValidity', 'valid');
    pick('opt-unknown-keys', 'unknownKeys', 'error');
    pick('opt-blank', 'blank', 'null');
    pick('opt-email-case', 'emailCase', 'lower');
    pick('opt-domain-mode', 'domainMode', 'registrable');
    if (!$('opt-lax-booleans').checked) o.laxBooleans = false;
    if ($('opt-derive-domain').checked) o.deriveDomainFromEmail = true;
    return o;
  }

  return { get, emptyFields: () => $('opt-empty-fields').value };
}
