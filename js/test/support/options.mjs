// The shared vectors (tests/vectors/*.json) hold Rust options (snake_case); the package takes
// camelCase names.

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** A vector's options as the package takes them (`undefined` stays `undefined`). */
export function jsOptions(o) {
  if (o === undefined) return undefined;
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    out[camel(k)] = v !== null && typeof v === 'object' ? jsOptions(v) : v;
  }
  return out;
}
