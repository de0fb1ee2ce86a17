// The page's "Try a generated sample" file: a seeded CSV of realistic contacts, most of them
// valid after normalization, some with the mistakes real imports have.

function rng(seed) {
  // mulberry32: small, fast, good enough for sample data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Jane', 'John', 'Amélie', 'Søren', 'Priya', 'Wei', 'Fatima', 'Carlos', 'Olga', 'Kenji', 'Zoë', 'Liam'];
const LAST = ['Doe', 'Smith', 'Müller', 'García', 'Okafor', 'Nguyen', 'Kowalski', 'Rossi', 'Tanaka', 'Ó Briain'];
const TITLES = ['VP Sales', 'Head of  Growth', 'CTO', 'Office Manager', 'Account Executive', 'Founder, CEO'];
const COMPANIES = [
  ['acme.com', 'https://www.Acme.com/about'],
  ['globex.co.uk', 'globex.co.uk'],
  ['initech.de', 'WWW.INITECH.DE'],
  ['umbrella.io', 'https://umbrella.io/'],
  ['hooli.com', 'hooli.com.'],
];
const PHONES = ['(415) 555-2671', '+44 20 8006 0227', '+49 170 44564819', '213-373-4253 ext. 1234', '+33 1 42 68 53 00'];
const CITIES = ['San Francisco, CA', 'London', 'Berlin', 'Paris', '  New   York ', 'São Paulo'];

function uuid(r) {
  const hex = () => Math.floor(r() * 16).toString(16);
  const s = Array.from({ length: 32 }, hex).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20)}`;
}

function csvCell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV text of `rows` contacts (header included), the same for the same seed. */
export function sampleCsv(rows = 5000, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const header = ['email', 'linkedin_url', 'first_name', 'last_name', 'title', 'phone_number', 'location',
    'account_id', 'domain', 'do_not_contact', 'tags'];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [dom, domInput] = pick(COMPANIES);
    const slug = `${first}-${last}-${i}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9-]/g, '');
    let email = `${first}.${last}@${dom}`.normalize('NFD').replace(/[^A-Za-z0-9.@-]/g, '');
    let linkedin = r() < 0.5 ? `linkedin.com/in/${slug}/` : '';
    const roll = r();
    if (roll < 0.04) email = email.replace('@', '');
    else if (roll < 0.07) email = `${first.toLowerCase()}@gmial.com`;
    else if (roll < 0.1) email = `info@${dom}`;
    else if (roll < 0.13) linkedin = `https://www.linkedin.com/company/${dom.split('.')[0]}`;
    else if (roll < 0.16) email = '';
    const cells = {
      email: email && r() < 0.3 ? `"${first} ${last}" <${email}>` : email,
      linkedin_url: linkedin,
      first_name: r() < 0.2 ? `  ${first} ` : first,
      last_name: last,
      title: r() < 0.7 ? pick(TITLES) : '',
      phone_number: r() < 0.6 ? (r() < 0.04 ? '12' : pick(PHONES)) : '',
      location: r() < 0.5 ? pick(CITIES) : '',
      account_id: r() < 0.3 ? (r() < 0.1 ? 'acct-42' : `{${uuid(r).toUpperCase()}}`) : '',
      domain: r() < 0.5 ? domInput : '',
      do_not_contact: r() < 0.03 ? 'maybe' : pick(['', '', '', 'yes', 'no', 'true', 'FALSE', '0']),
      tags: r() < 0.4 ? [uuid(r), r() < 0.1 ? 'vip' : uuid(r)].join('; ') : '',
    };
    if (cells.email === '' && cells.linkedin_url === '' && r() < 0.5) cells.linkedin_url = `linkedin.com/in/${slug}`;
    lines.push(header.map((k) => csvCell(cells[k])).join(','));
  }
  return lines.join('\n') + '\n';
}
