// A few DOM helpers (no framework).

/**
 * Creates an element: `h('p', {class: 'hint', id: 'x'}, 'text', child)`. Attributes that are
 * `null`, `undefined` or `false` are left out; `true` sets an empty attribute; `on<event>` adds
 * a listener; `dataset` sets data attributes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** Shows or hides an element (the `hidden` attribute). */
export function show(el, visible) {
  el.hidden = !visible;
}

/** A number with thousands separators in the page's language. */
export function fmt(n) {
  return new Intl.NumberFormat(document.documentElement.lang || 'en').format(n);
}

/** A JSON value as text for a `<code>`: strings as they are, the rest as JSON. */
export function jsonish(v) {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A random version-4 UUID (also outside secure contexts, where crypto.randomUUID is missing). */
export function randomUuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
