// The default-region picker's data: a curated list of common regions (the phone rule supports
// every region libphonenumber knows, about 245; other codes are typed in and checked by the
// package itself), their names in the reader's language, and the region of the browser's locale.

/** ISO 3166 alpha-2 codes offered in the picker. */
export const COMMON_REGIONS = [
  'AE', 'AR', 'AT', 'AU', 'BD', 'BE', 'BG', 'BR', 'CA', 'CH', 'CL', 'CN', 'CO', 'CZ', 'DE',
  'DK', 'EE', 'EG', 'ES', 'FI', 'FR', 'GB', 'GR', 'HK', 'HR', 'HU', 'ID', 'IE', 'IL', 'IN',
  'IS', 'IT', 'JP', 'KE', 'KR', 'LT', 'LU', 'LV', 'MA', 'MX', 'MY', 'NG', 'NL', 'NO', 'NZ',
  'PE', 'PH', 'PK', 'PL', 'PT', 'QA', 'RO', 'RS', 'SA', 'SE', 'SG', 'SI', 'SK', 'TH', 'TR',
  'TW', 'UA', 'US', 'VN', 'ZA',
];

/** A function naming a region code in `locale` ("GB" → "United Kingdom"), or the code itself. */
export function regionNamer(locale) {
  let names = null;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/**
 * The region of a BCP 47 language tag: `en-GB` → `GB`; a tag without one is maximized by the
 * browser's likely-subtags data (`de` → `DE`, `en` → `US`). `null` when there is none.
 */
export function localeRegion(tag) {
  if (typeof tag !== 'string' || tag === '') return null;
  try {
    const loc = new Intl.Locale(tag);
    const region = loc.region ?? loc.maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}
