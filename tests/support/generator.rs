//! A seeded generator of realistic contact payloads, with optional deliberate faults.
//!
//! Shared by the Rust tests (`tests/generated.rs`), by `examples/generate.rs` (NDJSON for the
//! agreement script and the benchmarks) and, through that example, by the Node benchmarks. It
//! has no dependency beyond `serde_json` (already the crate's): the PRNG is xoshiro256** seeded
//! with splitmix64.
//!
//! Payload `i` of seed `s` depends only on `(s, i)`: any prefix of a run is the same whatever
//! the count, and the fault layer is drawn from its own stream, so the faultless base of a
//! payload is the same whatever the fault rate. Integer arithmetic only: the output is the same
//! on every platform.
//!
//! Phone numbers are written for a run whose default region is [`REGION`] (`US`): national
//! formats only for North American numbers, every other country in an international form (`+`
//! or the US exit code `011`; `00` is not an international prefix from the US).
//!
//! Include it with `#[path = "support/generator.rs"] mod generator;`.

// Several targets include this file and each uses a different part of it.
#![allow(dead_code)]

use serde_json::{json, Map, Value};

/// Every option away from its default: the second set of options the generated payloads are
/// checked under (idempotence, the fast parse path).
pub fn unusual_options() -> contact_rules::Options {
    use contact_rules::{
        Blank, DomainMode, EmailCase, Options, PhoneValidity, Region, UnknownKeys,
    };
    Options {
        default_region: Some(Region::parse("GB").expect("GB is a region")),
        phone_validity: PhoneValidity::Possible,
        unknown_keys: UnknownKeys::Keep,
        blank: Blank::Omit,
        email_case: EmailCase::PreserveLocal,
        domain_mode: DomainMode::Host,
        lax_booleans: false,
        derive_domain_from_email: true,
        ..Options::default()
    }
}

/// The default region the generated phone numbers are written for.
pub const REGION: &str = "US";

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/// One splitmix64 step: used to seed xoshiro and to mix seeds.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** with a few helpers for picking things.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator seeded through splitmix64 (any seed, 0 included, is fine).
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (`n > 0`), by widening multiplication.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One item by weight: `(weight, item)` pairs, total weight > 0.
    pub fn weighted<'a, T>(&mut self, items: &'a [(u32, T)]) -> &'a T {
        let total: u32 = items.iter().map(|(w, _)| w).sum();
        let mut x = self.below(total as usize) as u32;
        for (w, item) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].1
    }

    /// `n` random decimal digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// `n` random lower-case hex digits.
    pub fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b"0123456789abcdef"[self.below(16)]))
            .collect()
    }

    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The seed of payload `index` in the run of `seed`.
fn payload_seed(seed: u64, index: u64) -> u64 {
    let mut s = seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03);
    splitmix64(&mut s)
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

/// A deliberate fault; each makes the payload invalid with one of [`Fault::codes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// An invalid email (no dot in the domain, quoted local part, IP literal, `..`, spaces...).
    EmailInvalid,
    /// An email at a special-use domain (`localhost`, `.local`, `.test`, `.invalid`).
    EmailSpecialUse,
    /// Too few digits for a phone number.
    PhoneTooShort,
    /// A phone number of a plausible length that is not valid (unassigned area code...).
    PhoneInvalid,
    /// Too many digits for a phone number.
    PhoneTooLong,
    /// A LinkedIn company, school, showcase, group, feed or jobs URL.
    LinkedinNotProfile,
    /// Sales Navigator, Recruiter, `lnkd.in`, legacy `/pub/` and `/profile/view?id=` URLs.
    LinkedinUnsupported,
    /// Not a LinkedIn URL, or a malformed one.
    LinkedinInvalid,
    /// `localhost`, an IP address, a public suffix, a single label, a special-use name.
    DomainNotPublic,
    /// `account_id` that is not a UUID.
    AccountIdInvalid,
    /// A tag that is not a UUID (or null, or a number).
    TagInvalid,
    /// `tags` that is not an array.
    TagsNotList,
    /// A string field holding a number, boolean, array or object.
    WrongType,
    /// `do_not_contact` that is no boolean.
    BoolInvalid,
    /// An unknown key (`firstName`, `phone`, `website`...).
    UnknownKey,
    /// Control or invisible format characters in a text field.
    ControlCharacters,
    /// A custom field holding an array or an object.
    CustomFieldType,
    /// A malformed custom field key, or two keys equal but for case.
    CustomFieldKey,
    /// Neither email nor LinkedIn URL (absent, null or blank).
    MissingIdentity,
    /// A text field or custom field string over its cap.
    TooLong,
    /// The payload is not an object.
    NotObject,
    /// More than 1,000 tags.
    TooManyTags,
}

impl Fault {
    /// Every fault kind.
    pub const ALL: &'static [Fault] = &[
        Fault::EmailInvalid,
        Fault::EmailSpecialUse,
        Fault::PhoneTooShort,
        Fault::PhoneInvalid,
        Fault::PhoneTooLong,
        Fault::LinkedinNotProfile,
        Fault::LinkedinUnsupported,
        Fault::LinkedinInvalid,
        Fault::DomainNotPublic,
        Fault::AccountIdInvalid,
        Fault::TagInvalid,
        Fault::TagsNotList,
        Fault::WrongType,
        Fault::BoolInvalid,
        Fault::UnknownKey,
        Fault::ControlCharacters,
        Fault::CustomFieldType,
        Fault::CustomFieldKey,
        Fault::MissingIdentity,
        Fault::TooLong,
        Fault::NotObject,
        Fault::TooManyTags,
    ];

    /// A snake_case name, as written by `examples/generate.rs --annotate`.
    pub fn name(self) -> &'static str {
        match self {
            Fault::EmailInvalid => "email_invalid",
            Fault::EmailSpecialUse => "email_special_use",
            Fault::PhoneTooShort => "phone_too_short",
            Fault::PhoneInvalid => "phone_invalid",
            Fault::PhoneTooLong => "phone_too_long",
            Fault::LinkedinNotProfile => "linkedin_not_profile",
            Fault::LinkedinUnsupported => "linkedin_unsupported",
            Fault::LinkedinInvalid => "linkedin_invalid",
            Fault::DomainNotPublic => "domain_not_public",
            Fault::AccountIdInvalid => "account_id_invalid",
            Fault::TagInvalid => "tag_invalid",
            Fault::TagsNotList => "tags_not_list",
            Fault::WrongType => "wrong_type",
            Fault::BoolInvalid => "bool_invalid",
            Fault::UnknownKey => "unknown_key",
            Fault::ControlCharacters => "control_characters",
            Fault::CustomFieldType => "custom_field_type",
            Fault::CustomFieldKey => "custom_field_key",
            Fault::MissingIdentity => "missing_identity",
            Fault::TooLong => "too_long",
            Fault::NotObject => "not_object",
            Fault::TooManyTags => "too_many_tags",
        }
    }

    /// The error codes (SPEC.md §2) one of which the fault must produce.
    pub fn codes(self) -> &'static [&'static str] {
        const PHONE: &[&str] = &[
            "phone_invalid",
            "phone_unassigned",
            "phone_too_short",
            "phone_too_long",
        ];
        match self {
            Fault::EmailInvalid | Fault::EmailSpecialUse => &["email_invalid"],
            Fault::PhoneTooShort | Fault::PhoneInvalid | Fault::PhoneTooLong => PHONE,
            Fault::LinkedinNotProfile => &["linkedin_url_not_profile"],
            Fault::LinkedinUnsupported => &["linkedin_url_unsupported"],
            Fault::LinkedinInvalid => &["linkedin_url_invalid"],
            Fault::DomainNotPublic => &["domain_invalid", "domain_not_public"],
            // A UUID cut at a hyphen (`6ba7b810-9dad-11d1-80b4`) is `uuid_split` (issue 16).
            Fault::AccountIdInvalid | Fault::TagInvalid => &["uuid_parsing", "uuid_split"],
            Fault::TagsNotList => &["list_type"],
            Fault::WrongType => &["string_type"],
            Fault::BoolInvalid => &["bool_parsing"],
            Fault::UnknownKey => &["extra_forbidden"],
            Fault::ControlCharacters => &["control_characters"],
            Fault::CustomFieldType => &["custom_field_type"],
            Fault::CustomFieldKey => &["custom_field_key_invalid"],
            Fault::MissingIdentity => &["email_or_linkedin_required"],
            Fault::TooLong => &["string_too_long"],
            Fault::NotObject => &["object_type"],
            Fault::TooManyTags => &["payload_too_large"],
        }
    }

    /// Relative frequency among faults.
    fn weight(self) -> u32 {
        match self {
            Fault::EmailInvalid => 12,
            Fault::EmailSpecialUse => 4,
            Fault::PhoneTooShort | Fault::PhoneInvalid | Fault::PhoneTooLong => 5,
            Fault::LinkedinNotProfile => 6,
            Fault::LinkedinUnsupported => 5,
            Fault::LinkedinInvalid => 5,
            Fault::DomainNotPublic => 7,
            Fault::AccountIdInvalid | Fault::TagInvalid => 5,
            Fault::TagsNotList => 3,
            Fault::WrongType => 7,
            Fault::BoolInvalid => 4,
            Fault::UnknownKey => 8,
            Fault::ControlCharacters => 6,
            Fault::CustomFieldType => 4,
            Fault::CustomFieldKey => 4,
            Fault::MissingIdentity => 6,
            Fault::TooLong => 4,
            Fault::NotObject => 1,
            Fault::TooManyTags => 1,
        }
    }
}

/// A generated payload and the faults put into it (none for a faultless payload).
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The payload's index in its run.
    pub index: u64,
    /// The payload (an object, unless the fault [`Fault::NotObject`] was drawn).
    pub payload: Value,
    /// The deliberate faults, in the order they were applied.
    pub faults: Vec<Fault>,
}

/// Converts a fault rate in `0.0..=1.0` to parts per million.
pub fn rate_ppm(rate: f64) -> Option<u32> {
    (0.0..=1.0)
        .contains(&rate)
        .then(|| (rate * 1_000_000.0).round() as u32)
}

/// What the generated payloads look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Every form and fault the rules handle, the giant ones included (over 1,000 tags, strings
    /// of 10,000 characters): what the tests and the stress benchmark use.
    Mixed,
    /// What a CRM export holds (issue 14): about 500 bytes a payload, an email in ~95% and a
    /// LinkedIn URL in ~80%, a phone in ~90%, a domain in every one, names nearly always, 0–6
    /// tags, one or two custom fields; faults of the same kinds but no giant ones (a text field
    /// over its cap is 256–300 characters, never 1,001 tags).
    Export,
}

/// Payload `index` of the run of `seed`, faulty with probability `fault_ppm / 1_000_000`.
pub fn sample(seed: u64, index: u64, fault_ppm: u32) -> Sample {
    sample_shaped(seed, index, fault_ppm, Shape::Mixed)
}

/// Payload `index` of the run of `seed` in the given shape. [`Shape::Mixed`] is [`sample`].
pub fn sample_shaped(seed: u64, index: u64, fault_ppm: u32, shape: Shape) -> Sample {
    let pseed = payload_seed(seed, index);
    let mut rng = Rng::new(pseed);
    let faulty = (rng.below(1_000_000) as u64) < u64::from(fault_ppm);
    let mut fields = contact(&mut rng, shape);
    let mut faults = Vec::new();
    let mut frng = Rng::new(pseed ^ 0xFA01_7FA0_17FA_017F);
    if faulty {
        faults = apply_faults(&mut frng, &mut fields, shape);
    }
    let payload = if faults.contains(&Fault::NotObject) {
        not_object(&mut frng, fields)
    } else {
        Value::Object(fields.into_iter().collect::<Map<String, Value>>())
    };
    Sample {
        index,
        payload,
        faults,
    }
}

/// An endless run of samples from index `start`.
#[derive(Debug, Clone)]
pub struct Samples {
    seed: u64,
    next: u64,
    fault_ppm: u32,
    shape: Shape,
}

impl Samples {
    /// The run of `seed` from index 0.
    pub fn new(seed: u64, fault_ppm: u32) -> Samples {
        Samples {
            seed,
            next: 0,
            fault_ppm,
            shape: Shape::Mixed,
        }
    }

    /// The run of `seed` from index `start`.
    pub fn starting_at(seed: u64, fault_ppm: u32, start: u64) -> Samples {
        Samples {
            seed,
            next: start,
            fault_ppm,
            shape: Shape::Mixed,
        }
    }

    /// The same run in another shape.
    pub fn shaped(self, shape: Shape) -> Samples {
        Samples { shape, ..self }
    }
}

impl Iterator for Samples {
    type Item = Sample;
    fn next(&mut self) -> Option<Sample> {
        let s = sample_shaped(self.seed, self.next, self.fault_ppm, self.shape);
        self.next += 1;
        Some(s)
    }
}

// ---------------------------------------------------------------------------------------------
// The faultless contact
// ---------------------------------------------------------------------------------------------

type Fields = Vec<(String, Value)>;

/// A person the payload is about.
struct Person {
    country: &'static Country,
    first: (&'static str, &'static str),
    last: (&'static str, &'static str),
    /// The display names are in Latin letters (the ASCII forms, capitalized).
    latin: bool,
}

impl Person {
    fn first_display(&self) -> String {
        if self.latin {
            capitalize(self.first.1)
        } else {
            self.first.0.to_owned()
        }
    }
    fn last_display(&self) -> String {
        if self.latin {
            capitalize_words(self.last.1)
        } else {
            self.last.0.to_owned()
        }
    }
}

/// The person's company.
struct Company {
    /// ASCII label, e.g. `acme` or `stark-industries`.
    label: &'static str,
    /// Registrable domain as people write it, e.g. `acme.co.uk` or `bücher.de`.
    domain: String,
    /// The ASCII (punycode) form of `domain` for IDN domains.
    ascii: Option<&'static str>,
    /// The domain's suffix, e.g. `co.uk`.
    tld: &'static str,
}

fn pick_country(rng: &mut Rng) -> &'static Country {
    let total: u32 = COUNTRIES.iter().map(|c| c.weight).sum();
    let mut x = rng.below(total as usize) as u32;
    for c in COUNTRIES {
        if x < c.weight {
            return c;
        }
        x -= c.weight;
    }
    &COUNTRIES[0]
}

/// Per-mille frequencies of the optional fields in each shape.
struct Mix {
    first_name: u32,
    last_name: u32,
    title: u32,
    phone_number: u32,
    location: u32,
    account_id: u32,
    /// `None`: always there.
    domain: Option<u32>,
    do_not_contact: u32,
    tags: u32,
    /// `None`: always one or two.
    custom_fields: Option<u32>,
    /// Keys in another order than the table's.
    shuffled: u32,
}

const MIXED: Mix = Mix {
    first_name: 850,
    last_name: 800,
    title: 600,
    phone_number: 550,
    location: 500,
    account_id: 450,
    domain: Some(550),
    do_not_contact: 450,
    tags: 400,
    custom_fields: Some(400),
    shuffled: 300,
};

/// A CRM export: names, phone and domain nearly always, custom fields in every record, keys in
/// the export's column order.
const EXPORT: Mix = Mix {
    first_name: 980,
    last_name: 980,
    title: 850,
    phone_number: 900,
    location: 750,
    account_id: 600,
    domain: None,
    do_not_contact: 600,
    tags: 800,
    custom_fields: None,
    shuffled: 0,
};

/// A faultless contact of the given shape.
fn contact(rng: &mut Rng, shape: Shape) -> Fields {
    let mix = match shape {
        Shape::Mixed => &MIXED,
        Shape::Export => &EXPORT,
    };
    let country = pick_country(rng);
    let latin = match shape {
        Shape::Mixed => !country.script_latin && rng.chance(250),
        // Exports hold fewer non-ASCII names than the mixed set (many CRMs and sign-up forms
        // store names without accents or in Latin letters): non-ASCII names in about half.
        Shape::Export => rng.chance(if country.script_latin { 400 } else { 700 }),
    };
    let person = Person {
        country,
        first: *rng.pick(country.names.first),
        last: *rng.pick(country.names.last),
        latin,
    };
    let company = company(rng, country);
    let mut f: Fields = Vec::new();

    // Identity: an email, a LinkedIn URL, or both; at least one holds a value. Mixed: email
    // in 85%, LinkedIn in 50%, sometimes the other one blank or null; export: email in 95%,
    // LinkedIn in 80%.
    let draw = rng.below(100);
    let (has_email, has_linkedin) = match shape {
        Shape::Mixed => (draw <= 84, draw >= 50),
        Shape::Export => (draw >= 5, draw <= 4 || draw >= 25),
    };
    if has_email {
        f.push(("email".into(), Value::String(email(rng, &person, &company))));
    } else if shape == Shape::Mixed && rng.chance(300) {
        f.push(("email".into(), blank_or_null(rng)));
    }
    if has_linkedin {
        f.push(("linkedin_url".into(), Value::String(linkedin(rng, &person))));
    } else if shape == Shape::Mixed && rng.chance(200) {
        f.push(("linkedin_url".into(), blank_or_null(rng)));
    }

    optional(rng, &mut f, "first_name", mix.first_name, |rng| {
        let name = maybe_nfd(rng, &person.first_display());
        Value::String(messy(rng, &name))
    });
    optional(rng, &mut f, "last_name", mix.last_name, |rng| {
        let name = maybe_nfd(rng, &person.last_display());
        Value::String(messy(rng, &name))
    });
    optional(rng, &mut f, "title", mix.title, |rng| {
        let t = if country.titles.is_empty() || rng.chance(600) {
            *rng.pick(TITLES)
        } else {
            *rng.pick(country.titles)
        };
        Value::String(messy(rng, t))
    });
    optional(rng, &mut f, "phone_number", mix.phone_number, |rng| {
        Value::String(phone(rng, country))
    });
    optional(rng, &mut f, "location", mix.location, |rng| {
        let place = *rng.pick(country.locations);
        Value::String(messy(rng, place))
    });
    optional(rng, &mut f, "account_id", mix.account_id, |rng| {
        let u = random_uuid(rng);
        Value::String(uuid_form(rng, &u))
    });
    match mix.domain {
        Some(per_mille) => optional(rng, &mut f, "domain", per_mille, |rng| {
            Value::String(domain_field(rng, &company))
        }),
        None => f.push(("domain".into(), Value::String(domain_field(rng, &company)))),
    }
    if rng.chance(mix.do_not_contact) {
        let v = do_not_contact(rng);
        f.push(("do_not_contact".into(), v));
    }
    if rng.chance(mix.tags) {
        let v = match shape {
            Shape::Mixed if rng.chance(60) => {
                if rng.chance(500) {
                    Value::Null
                } else {
                    json!([])
                }
            }
            Shape::Mixed => tags(rng, 1, 4, 250),
            Shape::Export => tags(rng, 0, 7, 0),
        };
        f.push(("tags".into(), v));
    }
    if mix
        .custom_fields
        .is_none_or(|per_mille| rng.chance(per_mille))
    {
        for _ in 0..rng.range(1, 3) {
            let u = random_uuid(rng);
            let key = custom_key(rng, &u);
            let v = custom_value(rng);
            f.push((key, v));
        }
    }
    // Real clients send keys in their own order.
    if mix.shuffled > 0 && rng.chance(mix.shuffled) {
        rng.shuffle(&mut f);
    }
    f
}

/// Pushes `key` with a value (`per_mille` of the time), else leaves it absent or null/blank.
fn optional(
    rng: &mut Rng,
    f: &mut Fields,
    key: &str,
    per_mille: u32,
    make: impl FnOnce(&mut Rng) -> Value,
) {
    if rng.chance(per_mille) {
        let v = make(rng);
        f.push((key.into(), v));
    } else if rng.chance(150) {
        let v = blank_or_null(rng);
        f.push((key.into(), v));
    }
}

fn blank_or_null(rng: &mut Rng) -> Value {
    Value::String(
        match rng.below(5) {
            0 | 1 => return Value::Null,
            2 => "",
            3 => "   ",
            _ => "\u{a0}\t",
        }
        .into(),
    )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalize_words(s: &str) -> String {
    s.split(' ').map(capitalize).collect::<Vec<_>>().join(" ")
}

/// White space as people and spreadsheets leave it: padding, NBSP, tabs, doubled spaces,
/// ideographic spaces, a line break.
fn messy(rng: &mut Rng, s: &str) -> String {
    if !rng.chance(350) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    match rng.below(6) {
        0 => out.push(' '),
        1 => out.push_str("  "),
        2 => out.push('\t'),
        3 => out.push('\u{a0}'),
        _ => {}
    }
    for c in s.chars() {
        if c == ' ' {
            out.push_str(match rng.below(8) {
                0 => "  ",
                1 => "\u{a0}",
                2 => "\t",
                3 => " \u{a0} ",
                4 => "\u{3000}",
                5 => "\n",
                6 => "\u{2009}",
                _ => " ",
            });
        } else {
            out.push(c);
        }
    }
    match rng.below(5) {
        0 => out.push(' '),
        1 => out.push_str(" \u{a0}"),
        2 => out.push('\n'),
        3 => out.push_str("\r\n"),
        _ => {}
    }
    out
}

/// Sometimes writes accented Latin letters decomposed (NFD), as macOS file names and some
/// keyboards do.
fn maybe_nfd(rng: &mut Rng, s: &str) -> String {
    if !rng.chance(80) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match NFD.iter().find(|(composed, _, _)| *composed == c) {
            Some((_, base, mark)) => {
                out.push(*base);
                out.push(*mark);
            }
            None => out.push(c),
        }
    }
    out
}

/// `(composed, base, combining mark)` for the accented letters in the name lists.
const NFD: &[(char, char, char)] = &[
    ('é', 'e', '\u{301}'),
    ('è', 'e', '\u{300}'),
    ('ê', 'e', '\u{302}'),
    ('ë', 'e', '\u{308}'),
    ('á', 'a', '\u{301}'),
    ('à', 'a', '\u{300}'),
    ('â', 'a', '\u{302}'),
    ('ä', 'a', '\u{308}'),
    ('ã', 'a', '\u{303}'),
    ('í', 'i', '\u{301}'),
    ('ï', 'i', '\u{308}'),
    ('ó', 'o', '\u{301}'),
    ('ô', 'o', '\u{302}'),
    ('ö', 'o', '\u{308}'),
    ('ú', 'u', '\u{301}'),
    ('ü', 'u', '\u{308}'),
    ('ñ', 'n', '\u{303}'),
    ('ç', 'c', '\u{327}'),
    ('Á', 'A', '\u{301}'),
    ('É', 'E', '\u{301}'),
    ('Í', 'I', '\u{301}'),
    ('Ó', 'O', '\u{301}'),
    ('Ö', 'O', '\u{308}'),
    ('Ü', 'U', '\u{308}'),
    ('ř', 'r', '\u{30c}'),
    ('š', 's', '\u{30c}'),
    ('ž', 'z', '\u{30c}'),
    ('ć', 'c', '\u{301}'),
    ('ń', 'n', '\u{301}'),
];

// ----- company and domain -----

fn company(rng: &mut Rng, country: &Country) -> Company {
    if !country.idn_domains.is_empty() && rng.chance(120) {
        let (unicode, ascii, tld) = *rng.pick(country.idn_domains);
        return Company {
            label: "idn",
            domain: unicode.to_owned(),
            ascii: Some(ascii),
            tld,
        };
    }
    let label = *rng.pick(COMPANIES);
    let tld = if rng.chance(700) {
        *rng.pick(country.tlds)
    } else {
        *rng.pick(GLOBAL_TLDS)
    };
    Company {
        label,
        domain: format!("{label}.{tld}"),
        ascii: None,
        tld,
    }
}

/// The `domain` field: a bare host, `www.`, a URL with path, port, query or fragment, a
/// trailing dot, mixed case, the punycode form of an IDN, a subdomain.
fn domain_field(rng: &mut Rng, c: &Company) -> String {
    let d = match c.ascii {
        Some(a) if rng.chance(400) => a.to_owned(),
        _ => c.domain.clone(),
    };
    if rng.chance(30) {
        // Sometimes the company's domain is a free mailbox (derived from an email).
        return (*rng.pick(FREE_GLOBAL)).to_owned();
    }
    let d = match rng.below(16) {
        0..=3 => d,
        4 | 5 => format!("www.{d}"),
        6 => format!("WWW.{}", mixed_case(rng, &d)),
        7 => format!("https://www.{d}/"),
        8 => format!("https://{d}/{}", rng.pick(URL_PATHS)),
        9 => format!("http://www.{d}:8080/"),
        10 => format!("{d}."),
        11 => format!("{}.{d}", rng.pick(SUBDOMAINS)),
        12 => format!(
            "https://{}.{d}/{}",
            rng.pick(SUBDOMAINS),
            rng.pick(URL_PATHS)
        ),
        13 => format!("{d}/{}", rng.pick(URL_PATHS)),
        14 => format!("HTTPS://{}", mixed_case(rng, &d)),
        _ => format!("https://www.{d}?utm_source=linkedin&utm_medium=social#contact"),
    };
    if rng.chance(80) {
        format!("  {d} ")
    } else {
        d
    }
}

fn mixed_case(rng: &mut Rng, s: &str) -> String {
    if rng.chance(300) {
        return s.to_uppercase();
    }
    // Capitalize each label.
    s.split('.').map(capitalize).collect::<Vec<_>>().join(".")
}

// ----- email -----

fn email(rng: &mut Rng, p: &Person, c: &Company) -> String {
    let f = p.first.1;
    let l = p.last.1.replace(' ', "");
    let l = l.as_str();
    let free = rng.chance(250);
    let domain: String = if free {
        let list = if rng.chance(500) {
            p.country.free_mail
        } else {
            FREE_GLOBAL
        };
        (*rng.pick(list)).to_owned()
    } else if rng.chance(30) {
        // A typo at a free provider or in the company's suffix: a warning, not an error.
        if c.tld == "com" && rng.chance(400) {
            format!("{}.con", c.label)
        } else {
            (*rng.pick(TYPO_DOMAINS)).to_owned()
        }
    } else {
        let base = match c.ascii {
            Some(a) if rng.chance(400) => a.to_owned(),
            _ => c.domain.clone(),
        };
        if rng.chance(60) {
            format!("{}.{base}", rng.pick(MAIL_SUBDOMAINS))
        } else {
            base
        }
    };
    let first_initial = f.chars().next().map(String::from).unwrap_or_default();
    let local = if !free && rng.chance(60) {
        (*rng.pick(ROLE_ACCOUNTS)).to_owned()
    } else if p.country.script_latin && rng.chance(25) && !p.first.0.is_ascii() {
        // An internationalized local part (SMTPUTF8), e.g. josé.garcía@...
        format!(
            "{}.{}",
            p.first.0.to_lowercase(),
            p.last.0.to_lowercase().replace(' ', "")
        )
    } else {
        match rng.below(12) {
            0..=3 => format!("{f}.{l}"),
            4 => f.to_owned(),
            5 => format!("{first_initial}{l}"),
            6 => format!("{f}_{l}"),
            7 => format!("{f}-{l}"),
            8 => format!("{f}.{l}+{}", rng.pick(PLUS_TAGS)),
            9 => format!("{f}{l}{}", rng.range(1, 99)),
            10 => format!("{l}.{f}"),
            _ => format!("{f}{}", rng.range(1960, 2005)),
        }
    };
    let mut addr = format!("{local}@{domain}");
    match rng.below(20) {
        0..=2 => {
            addr = format!(
                "{}@{}",
                local
                    .split('.')
                    .map(capitalize)
                    .collect::<Vec<_>>()
                    .join("."),
                mixed_case(rng, &domain)
            )
        }
        3 if addr.is_ascii() => addr = addr.to_uppercase(),
        _ => {}
    }
    let name = format!("{} {}", p.first_display(), p.last_display());
    match rng.below(40) {
        0..=2 => format!("\"{name}\" <{addr}>"),
        3 | 4
            if name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '\'' || c == '-') =>
        {
            format!("{name} <{addr}>")
        }
        5 | 6 => format!("mailto:{addr}"),
        7 => format!("MAILTO:{addr}"),
        8..=10 => format!(" {addr}  "),
        11 => format!("\t{addr}\n"),
        _ => addr,
    }
}

// ----- LinkedIn -----

fn linkedin(rng: &mut Rng, p: &Person) -> String {
    let f = p.first.1;
    let l = p.last.1.replace(' ', "-");
    let l = l.as_str();
    let slug_ok = |s: &str| s.chars().all(|c| c.is_alphanumeric() || c == '-');
    let own_script = format!("{}-{}", p.first.0, p.last.0.replace(' ', "-"));
    let accented = own_script.to_lowercase();
    let slug: String = if !p.country.script_latin
        && !p.latin
        && p.country.unicode_slugs
        && slug_ok(&own_script)
        && rng.chance(150)
    {
        // A slug in the person's own script.
        let s = format!("{own_script}-{}", rng.hex(6));
        if rng.chance(500) {
            percent_encode(&s)
        } else {
            s
        }
    } else if p.country.script_latin
        && !accented.is_ascii()
        && slug_ok(&accented)
        && rng.chance(200)
    {
        let s = format!("{accented}-{}", rng.hex(7));
        if rng.chance(600) {
            percent_encode(&s)
        } else {
            s
        }
    } else {
        match rng.below(10) {
            0 | 1 => format!("{f}{l}").replace('-', ""),
            2 | 3 => format!("{f}-{l}"),
            4 | 5 => {
                let n = rng.range(6, 9) as usize;
                format!("{f}-{l}-{}", rng.hex(n))
            }
            6 => format!("{}{}", capitalize(f), capitalize(&l.replace('-', ""))),
            7 => {
                let n = rng.range(6, 9) as usize;
                format!("{f}-{l}-{}", rng.digits(n))
            }
            8 => format!("{}{l}", f.chars().next().unwrap_or('j')),
            _ => format!(
                "{f}-{}-{}",
                l.chars().next().unwrap_or('x'),
                rng.range(100, 999)
            ),
        }
    };
    let sub = p.country.linkedin_sub;
    match rng.below(22) {
        0..=5 => format!("https://www.linkedin.com/in/{slug}"),
        6..=8 => format!("https://www.linkedin.com/in/{slug}/"),
        9 => format!("linkedin.com/in/{slug}/"),
        10 => format!("www.linkedin.com/in/{slug}"),
        11 => format!(
            "http://www.linkedin.com/in/{slug}?trk={}",
            rng.pick(&["public_profile_browsemap", "nav_responsive_tab_profile", "people-guest_people_search-card", "org-employees"])
        ),
        12 => format!("https://{sub}.linkedin.com/in/{slug}"),
        13 => format!("https://www.linkedin.com/mwlite/in/{slug}"),
        14 => format!("https://m.linkedin.com/in/{slug}"),
        15 => format!("https://www.linkedin.com/in/{slug}/{}", rng.pick(LINKEDIN_SUBPAGES)),
        16 => format!(
            "https://www.linkedin.com/in/{slug}/?originalSubdomain={}",
            if sub == "www" { "uk" } else { sub }
        ),
        17 => format!("https://www.linkedin.com/in/{slug}#experience"),
        18 => format!(" https://www.linkedin.com/in/{slug} "),
        19 => format!("HTTPS://WWW.LINKEDIN.COM/in/{slug}"),
        20 => format!(
            "https://www.linkedin.com/in/{slug}?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=ios_app"
        ),
        _ => format!("https://{sub}.linkedin.com/in/{slug}/?locale=en_US"),
    }
}

/// Percent-encodes non-ASCII bytes (upper-case hex), as browsers copy URLs.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ----- phone -----

fn phone(rng: &mut Rng, country: &Country) -> String {
    let mut s = (country.phone)(rng);
    // Extensions are written on office numbers in North America and Europe.
    if rng.chance(50) && country.extensions {
        let n = rng.range(2, 5) as usize;
        let ext = rng.digits(n);
        s.push_str(&match rng.below(5) {
            0 | 1 => format!(" ext. {ext}"),
            2 => format!(" x{ext}"),
            3 => format!(" ext {ext}"),
            _ => format!(" Ext. {ext}"),
        });
    }
    if rng.chance(40) {
        s = format!(" {s} ");
    }
    s
}

/// A North American number: `(area, exchange, line)`.
fn nanp(rng: &mut Rng, areas: &[&str]) -> (String, String, String) {
    let area = (*rng.pick(areas)).to_owned();
    let exchange = loop {
        let e = format!("{}{}", rng.range(2, 9), rng.digits(2));
        // N11 codes, 555 and 950/958/959/976 are not assigned to subscribers.
        if !e.ends_with("11") && !matches!(e.as_str(), "555" | "950" | "958" | "959" | "976") {
            break e;
        }
    };
    (area, exchange, rng.digits(4))
}

fn nanp_format(rng: &mut Rng, (a, e, l): (String, String, String)) -> String {
    match rng.below(14) {
        0..=2 => format!("({a}) {e}-{l}"),
        3 | 4 => format!("{a}-{e}-{l}"),
        5 => format!("{a}.{e}.{l}"),
        6 => format!("{a}{e}{l}"),
        7 => format!("+1 {a} {e} {l}"),
        8 => format!("+1-{a}-{e}-{l}"),
        9 => format!("1 ({a}) {e}-{l}"),
        10 => format!("+1 ({a}) {e}-{l}"),
        11 => format!("+1{a}{e}{l}"),
        12 => format!("1-{a}-{e}-{l}"),
        _ => format!("{a} {e} {l}"),
    }
}

fn phone_us(rng: &mut Rng) -> String {
    if rng.chance(15) {
        return (*rng.pick(VANITY)).to_owned();
    }
    let n = nanp(rng, US_AREAS);
    nanp_format(rng, n)
}

fn phone_ca(rng: &mut Rng) -> String {
    let n = nanp(rng, CA_AREAS);
    nanp_format(rng, n)
}

/// An international form of `+cc` and the national significant number's groups: `+` with
/// spaces (or the country's own separators), compact, or the US exit code `011`.
fn intl(rng: &mut Rng, cc: &str, groups: &[String], sep: &str, trunk_zero: bool) -> String {
    let joined = groups.join(sep);
    match rng.below(20) {
        0..=11 => format!("+{cc} {joined}"),
        12 | 13 => format!("+{cc}{}", groups.concat()),
        14 if trunk_zero => format!("+{cc} (0){joined}"),
        15 => format!("011 {cc} {joined}"),
        16 => format!("+{cc}-{}", groups.join("-")),
        17 => format!("+{cc} {}", groups.join(" ")),
        18 => format!("+{cc}.{}", groups.join(".")),
        _ => format!("+{cc} {joined}"),
    }
}

fn g(rng: &mut Rng, prefix: &str, n: usize) -> String {
    format!("{prefix}{}", rng.digits(n))
}

fn phone_gb(rng: &mut Rng) -> String {
    let groups = match rng.below(4) {
        // London 020 3/7/8, the big cities' 01x1 codes, mobiles 074/075/078.
        0 => {
            let d = rng.pick(&["3", "7", "8"]).to_string();
            vec!["20".into(), g(rng, &d, 3), rng.digits(4)]
        }
        1 => vec![
            format!("7{}{}", rng.pick(&["4", "5", "8"]), rng.digits(2)),
            rng.digits(6),
        ],
        2 => {
            let d = rng.range(2, 7).to_string();
            vec![
                (*rng.pick(&["161", "121", "131", "141"])).to_owned(),
                g(rng, &d, 2),
                rng.digits(4),
            ]
        }
        _ => vec![
            format!("7{}{}", rng.pick(&["4", "5", "8"]), rng.digits(2)),
            rng.digits(3),
            rng.digits(3),
        ],
    };
    intl(rng, "44", &groups, " ", true)
}

fn phone_de(rng: &mut Rng) -> String {
    let groups = match rng.below(3) {
        0 => vec![
            format!(
                "1{}",
                rng.pick(&["51", "52", "60", "62", "70", "71", "72", "75", "76", "77", "78", "79"])
            ),
            rng.digits(8),
        ],
        1 => vec!["30".into(), rng.digits(8)],
        _ => vec!["89".into(), rng.digits(7)],
    };
    intl(rng, "49", &groups, " ", true)
}

fn phone_fr(rng: &mut Rng) -> String {
    // The first two digits of valid ranges: Paris 01, regions 04/05/09, mobiles 06/07.
    let first = (*rng.pick(&[
        "11", "14", "16", "18", "41", "42", "45", "47", "49", "51", "55", "61", "62", "65", "68",
        "73", "75", "76", "77", "78", "91", "95", "98",
    ]))
    .to_owned();
    let first_digit = first[..1].to_owned();
    let rest = first[1..].to_owned();
    let groups = vec![
        first_digit,
        format!("{rest}{}", rng.digits(1)),
        rng.digits(2),
        rng.digits(2),
        rng.digits(2),
    ];
    intl(rng, "33", &groups, " ", true)
}

fn phone_es(rng: &mut Rng) -> String {
    let groups = if rng.chance(600) {
        vec![format!("6{}", rng.digits(2)), rng.digits(3), rng.digits(3)]
    } else {
        vec!["91".into(), rng.digits(3), rng.digits(2), rng.digits(2)]
    };
    intl(rng, "34", &groups, " ", false)
}

fn phone_it(rng: &mut Rng) -> String {
    let groups = if rng.chance(600) {
        vec![
            format!(
                "3{}",
                rng.pick(&["20", "33", "35", "38", "40", "45", "47", "49", "80", "88", "92"])
            ),
            rng.digits(3),
            rng.digits(4),
        ]
    } else {
        vec!["06".into(), rng.digits(4), rng.digits(4)]
    };
    intl(rng, "39", &groups, " ", false)
}

fn phone_nl(rng: &mut Rng) -> String {
    let groups = if rng.chance(600) {
        vec!["6".into(), format!("{}{}", rng.range(1, 5), rng.digits(7))]
    } else {
        vec!["20".into(), rng.digits(3), rng.digits(4)]
    };
    intl(rng, "31", &groups, " ", true)
}

fn phone_ch(rng: &mut Rng) -> String {
    let groups = vec![
        (*rng.pick(&["79", "78", "76", "44", "22", "31"])).to_owned(),
        rng.digits(3),
        rng.digits(2),
        rng.digits(2),
    ];
    intl(rng, "41", &groups, " ", true)
}

fn phone_pl(rng: &mut Rng) -> String {
    let groups = if rng.chance(700) {
        vec![
            format!(
                "{}{}",
                rng.pick(&["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"]),
                rng.digits(1)
            ),
            rng.digits(3),
            rng.digits(3),
        ]
    } else {
        vec!["22".into(), rng.digits(3), rng.digits(2), rng.digits(2)]
    };
    intl(rng, "48", &groups, " ", false)
}

fn phone_br(rng: &mut Rng) -> String {
    let area =
        (*rng.pick(&["11", "19", "21", "31", "41", "51", "61", "71", "81", "85"])).to_owned();
    let local = if rng.chance(700) {
        format!("9{}{}-{}", rng.range(6, 9), rng.digits(3), rng.digits(4))
    } else {
        format!("{}{}-{}", rng.range(2, 5), rng.digits(3), rng.digits(4))
    };
    match rng.below(6) {
        0..=2 => format!("+55 {area} {local}"),
        3 => format!("+55 ({area}) {local}"),
        4 => format!("+55{area}{}", local.replace('-', "")),
        _ => format!("011 55 {area} {local}"),
    }
}

fn phone_mx(rng: &mut Rng) -> String {
    let area = (*rng.pick(&["55", "33", "81"])).to_owned();
    let groups = vec![area, rng.digits(4), rng.digits(4)];
    intl(rng, "52", &groups, " ", false)
}

fn phone_in(rng: &mut Rng) -> String {
    if rng.chance(750) {
        let first = format!("{}{}", rng.range(7, 9), rng.digits(4));
        match rng.below(4) {
            0 | 1 => format!("+91 {first} {}", rng.digits(5)),
            2 => format!("+91-{first}-{}", rng.digits(5)),
            _ => format!("+91{first}{}", rng.digits(5)),
        }
    } else {
        let groups = vec![
            "80".into(),
            format!("{}{}", rng.range(2, 4), rng.digits(3)),
            rng.digits(4),
        ];
        intl(rng, "91", &groups, " ", false)
    }
}

fn phone_jp(rng: &mut Rng) -> String {
    let s = match rng.below(3) {
        0 => format!(
            "+81 3-{}{}-{}",
            rng.range(1, 9),
            rng.digits(3),
            rng.digits(4)
        ),
        1 => {
            let d = rng.range(1, 9).to_string();
            format!(
                "+81 {}-{}-{}",
                rng.pick(&["90", "80", "70"]),
                g(rng, &d, 3),
                rng.digits(4)
            )
        }
        _ => format!(
            "+81 6-{}{}-{}",
            rng.range(1, 9),
            rng.digits(3),
            rng.digits(4)
        ),
    };
    if rng.chance(60) {
        // Full-width digits and plus sign, as Japanese keyboards type them.
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
                '+' => '\u{FF0B}',
                '-' => '\u{FF0D}',
                _ => c,
            })
            .collect()
    } else {
        s
    }
}

fn phone_cn(rng: &mut Rng) -> String {
    let groups = if rng.chance(700) {
        vec![
            format!(
                "1{}",
                rng.pick(&["38", "39", "37", "86", "88", "58", "59", "35", "50"])
            ),
            rng.digits(4),
            rng.digits(4),
        ]
    } else {
        vec![
            "10".into(),
            format!("{}{}", rng.range(5, 8), rng.digits(3)),
            rng.digits(4),
        ]
    };
    intl(rng, "86", &groups, " ", false)
}

fn phone_kr(rng: &mut Rng) -> String {
    let d = rng.range(2, 9).to_string();
    let s = if rng.chance(700) {
        let m = rng.pick(&["2", "3", "4", "6", "7", "8", "9"]).to_string();
        format!("10-{}-{}", g(rng, &m, 3), rng.digits(4))
    } else {
        format!("2-{}-{}", g(rng, &d, 2), rng.digits(4))
    };
    if rng.chance(700) {
        format!("+82 {s}")
    } else {
        format!("+82-{s}")
    }
}

fn phone_au(rng: &mut Rng) -> String {
    let groups = if rng.chance(600) {
        vec![
            format!(
                "4{}",
                rng.pick(&[
                    "00", "01", "02", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13",
                    "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "27",
                    "28", "29", "30", "31", "32", "33", "34", "35", "38", "39", "40", "47", "48",
                    "49", "50", "51", "52", "55", "56", "57", "58", "59", "66", "67", "68", "69"
                ])
            ),
            rng.digits(3),
            rng.digits(3),
        ]
    } else {
        vec![
            (*rng.pick(&["2", "3", "7", "8"])).to_owned(),
            format!("9{}", rng.digits(3)),
            rng.digits(4),
        ]
    };
    intl(rng, "61", &groups, " ", true)
}

fn phone_ru(rng: &mut Rng) -> String {
    if rng.chance(650) {
        let op = format!(
            "9{}",
            rng.pick(&["12", "15", "16", "17", "26", "03", "05", "25", "85", "99"])
        );
        match rng.below(3) {
            0 => format!(
                "+7 {op} {}-{}-{}",
                rng.digits(3),
                rng.digits(2),
                rng.digits(2)
            ),
            1 => format!(
                "+7 ({op}) {}-{}-{}",
                rng.digits(3),
                rng.digits(2),
                rng.digits(2)
            ),
            _ => format!("+7{op}{}", rng.digits(7)),
        }
    } else {
        format!(
            "+7 (495) {}{}-{}-{}",
            rng.range(2, 9),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2)
        )
    }
}

fn phone_gr(rng: &mut Rng) -> String {
    let groups = if rng.chance(600) {
        vec![
            format!("69{}", rng.pick(&["4", "5", "7", "8", "9"])),
            rng.digits(3),
            rng.digits(4),
        ]
    } else {
        vec![
            "210".into(),
            format!("{}{}", rng.range(3, 9), rng.digits(2)),
            rng.digits(4),
        ]
    };
    intl(rng, "30", &groups, " ", false)
}

fn phone_il(rng: &mut Rng) -> String {
    let s = if rng.chance(650) {
        format!(
            "5{}-{}{}-{}",
            rng.pick(&["0", "2", "3", "4"]),
            rng.range(2, 9),
            rng.digits(2),
            rng.digits(4)
        )
    } else {
        format!("3-{}{}-{}", rng.range(5, 7), rng.digits(2), rng.digits(4))
    };
    format!("+972 {s}")
}

fn phone_sa(rng: &mut Rng) -> String {
    let groups = if rng.chance(700) {
        vec![
            format!("5{}", rng.pick(&["0", "3", "4", "5", "6", "9"])),
            rng.digits(3),
            rng.digits(4),
        ]
    } else {
        vec![
            "11".into(),
            format!("{}{}", rng.range(2, 4), rng.digits(2)),
            rng.digits(4),
        ]
    };
    let s = intl(rng, "966", &groups, " ", false);
    if rng.chance(50) {
        // Arabic-Indic digits.
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0x0660).unwrap_or(c),
                _ => c,
            })
            .collect()
    } else {
        s
    }
}

fn phone_ae(rng: &mut Rng) -> String {
    let groups = vec![
        format!("5{}", rng.pick(&["0", "2", "5", "6", "8"])),
        rng.digits(3),
        rng.digits(4),
    ];
    intl(rng, "971", &groups, " ", false)
}

fn phone_eg(rng: &mut Rng) -> String {
    let groups = vec![
        format!("1{}", rng.pick(&["0", "1", "2", "5"])),
        rng.digits(4),
        rng.digits(4),
    ];
    intl(rng, "20", &groups, " ", false)
}

// ----- UUIDs, tags, flags, custom fields -----

fn random_uuid(rng: &mut Rng) -> [u8; 16] {
    let mut b = [0u8; 16];
    for chunk in b.chunks_mut(8) {
        chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
    }
    let version = *rng.weighted(&[(80, 4u8), (10, 1), (10, 7)]);
    b[6] = (b[6] & 0x0F) | (version << 4);
    b[8] = (b[8] & 0x3F) | 0x80;
    b
}

fn hyphenated(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn random_case(rng: &mut Rng, s: &str) -> String {
    s.chars()
        .map(|c| {
            if rng.chance(500) {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// A UUID in one of the forms the API takes: hyphenated in any case, braced, `urn:uuid:`,
/// 32 hex digits.
fn uuid_form(rng: &mut Rng, b: &[u8; 16]) -> String {
    let h = hyphenated(b);
    match rng.below(20) {
        0..=7 => h,
        8..=10 => h.to_uppercase(),
        11 | 12 => random_case(rng, &h),
        13 | 14 => format!("{{{h}}}"),
        15 => format!("{{{}}}", h.to_uppercase()),
        16 => format!("urn:uuid:{h}"),
        17 => h.replace('-', ""),
        18 => h.replace('-', "").to_uppercase(),
        _ => format!("urn:uuid:{}", h.to_uppercase()),
    }
}

/// A tenant's tag UUIDs: tags repeat across payloads.
fn tag_pool() -> Vec<[u8; 16]> {
    let mut rng = Rng::new(0x7A65_0000_0000_7A65);
    (0..12).map(|_| random_uuid(&mut rng)).collect()
}

/// From `lo` to `hi - 1` tags in any of the UUID forms; `twice` per mille of the time, one more
/// tag twice, in two forms.
fn tags(rng: &mut Rng, lo: u64, hi: u64, twice: u32) -> Value {
    let pool = tag_pool();
    let n = rng.range(lo, hi) as usize;
    let mut items: Vec<Value> = (0..n)
        .map(|_| {
            let t = *rng.pick(&pool);
            Value::String(uuid_form(rng, &t))
        })
        .collect();
    if twice > 0 && rng.chance(twice) {
        // The same tag again, in another form.
        let t = *rng.pick(&pool);
        items.push(Value::String(uuid_form(rng, &t)));
        items.push(Value::String(uuid_form(rng, &t)));
    }
    Value::Array(items)
}

fn do_not_contact(rng: &mut Rng) -> Value {
    match rng.below(20) {
        0..=5 => Value::Bool(false),
        6..=9 => Value::Bool(true),
        10 => Value::Null,
        11 => json!(0),
        12 => json!(1),
        _ => Value::String(
            (*rng.pick(&[
                "true", "false", "Yes", "no", "TRUE", "False", "1", "0", "on", "off", "Y", "n",
                " yes ", "t", "F",
            ]))
            .to_owned(),
        ),
    }
}

fn custom_key(rng: &mut Rng, b: &[u8; 16]) -> String {
    let h = hyphenated(b);
    let h = match rng.below(4) {
        0 | 1 => h,
        2 => h.to_uppercase(),
        _ => random_case(rng, &h),
    };
    format!("custom_field_{h}")
}

fn custom_value(rng: &mut Rng) -> Value {
    match rng.below(60) {
        0..=19 => {
            let s = *rng.pick(CUSTOM_STRINGS);
            Value::String(messy(rng, s))
        }
        20..=31 => json!(rng.range(0, 5000) as i64 - 100),
        32..=37 => json!(rng.range(0, 1_000_000) as f64 / 100.0),
        38..=42 => json!(*rng.pick(&[0.5, 99.99, 3.25, -12.5, 1e-3, 2.5e10, 1.0])),
        43..=49 => Value::Bool(rng.chance(500)),
        50..=54 => Value::Null,
        // Integers beyond 2^53 and i64 extremes are kept exactly.
        55 => json!(*rng.pick(&[9_007_199_254_740_993i64, i64::MIN, -1])),
        56 => json!(u64::MAX),
        _ => Value::String(String::new()),
    }
}

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

fn has_key(f: &Fields, key: &str) -> bool {
    f.iter().any(|(k, _)| k == key)
}

/// A text field (names, title, location) no earlier fault touched, or `None`.
fn free_text_field(rng: &mut Rng, touched: &[&str]) -> Option<&'static str> {
    let free: Vec<&'static str> = TEXT_FIELDS
        .iter()
        .copied()
        .filter(|k| !touched.contains(k))
        .collect();
    if free.is_empty() {
        return None;
    }
    Some(*rng.pick(&free))
}

fn set(f: &mut Fields, key: &str, v: Value) {
    match f.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = v,
        None => f.push((key.to_owned(), v)),
    }
}

fn remove(f: &mut Fields, key: &str) {
    f.retain(|(k, _)| k != key);
}

/// The fields each fault touches; faults on the same field are not combined.
fn fault_fields(fault: Fault) -> &'static [&'static str] {
    match fault {
        Fault::EmailInvalid | Fault::EmailSpecialUse => &["email"],
        Fault::PhoneTooShort | Fault::PhoneInvalid | Fault::PhoneTooLong => &["phone_number"],
        Fault::LinkedinNotProfile | Fault::LinkedinUnsupported | Fault::LinkedinInvalid => {
            &["linkedin_url"]
        }
        Fault::DomainNotPublic => &["domain"],
        Fault::AccountIdInvalid => &["account_id"],
        Fault::TagInvalid | Fault::TagsNotList | Fault::TooManyTags => &["tags"],
        Fault::BoolInvalid => &["do_not_contact"],
        Fault::MissingIdentity => &["email", "linkedin_url"],
        // These pick a field that no other fault touched.
        Fault::WrongType | Fault::ControlCharacters | Fault::TooLong => &[],
        Fault::UnknownKey | Fault::CustomFieldType | Fault::CustomFieldKey => &[],
        Fault::NotObject => &[],
    }
}

fn apply_faults(rng: &mut Rng, f: &mut Fields, shape: Shape) -> Vec<Fault> {
    let count = *rng.weighted(&[(70, 1usize), (20, 2), (10, 3)]);
    let weights: Vec<(u32, Fault)> = Fault::ALL
        .iter()
        .filter(|&&k| shape == Shape::Mixed || k != Fault::TooManyTags)
        .map(|&k| (k.weight(), k))
        .collect();
    let mut chosen: Vec<Fault> = Vec::new();
    let mut touched: Vec<&'static str> = Vec::new();
    for _ in 0..count * 4 {
        if chosen.len() == count {
            break;
        }
        let fault = *rng.weighted(&weights);
        if chosen.contains(&fault) || (fault == Fault::NotObject && !chosen.is_empty()) {
            continue;
        }
        if chosen.contains(&Fault::NotObject) {
            break;
        }
        if fault_fields(fault).iter().any(|k| touched.contains(k)) {
            continue;
        }
        if fault == Fault::NotObject {
            chosen.push(fault);
            break;
        }
        if let Some(field) = apply(rng, f, fault, &touched, shape) {
            touched.extend(fault_fields(fault));
            touched.push(field);
            chosen.push(fault);
        }
    }
    chosen
}

/// Applies one fault; returns the key it touched (or `Some("")`), or `None` when it could not
/// be applied to this payload.
fn apply(
    rng: &mut Rng,
    f: &mut Fields,
    fault: Fault,
    touched: &[&str],
    shape: Shape,
) -> Option<&'static str> {
    match fault {
        Fault::EmailInvalid => set(f, "email", json!(*rng.pick(BAD_EMAILS))),
        Fault::EmailSpecialUse => set(f, "email", json!(*rng.pick(SPECIAL_USE_EMAILS))),
        Fault::PhoneTooShort => set(f, "phone_number", json!(*rng.pick(SHORT_PHONES))),
        Fault::PhoneInvalid => set(f, "phone_number", json!(*rng.pick(INVALID_PHONES))),
        Fault::PhoneTooLong => set(f, "phone_number", json!(*rng.pick(LONG_PHONES))),
        Fault::LinkedinNotProfile => set(f, "linkedin_url", json!(*rng.pick(LINKEDIN_NOT_PROFILE))),
        Fault::LinkedinUnsupported => {
            set(f, "linkedin_url", json!(*rng.pick(LINKEDIN_UNSUPPORTED)))
        }
        Fault::LinkedinInvalid => set(f, "linkedin_url", json!(*rng.pick(LINKEDIN_INVALID))),
        Fault::DomainNotPublic => set(f, "domain", json!(*rng.pick(BAD_DOMAINS))),
        Fault::AccountIdInvalid => set(f, "account_id", json!(*rng.pick(BAD_UUIDS))),
        Fault::TagInvalid => {
            let mut items = match f.iter().find(|(k, _)| k == "tags") {
                Some((_, Value::Array(a))) => a.clone(),
                _ => Vec::new(),
            };
            let bad = match rng.below(4) {
                0 => Value::Null,
                1 => json!(42),
                _ => json!(*rng.pick(BAD_UUIDS)),
            };
            let at = rng.below(items.len() + 1);
            items.insert(at, bad);
            set(f, "tags", Value::Array(items));
        }
        Fault::TagsNotList => {
            let v = match rng.below(3) {
                0 => json!("vip, enterprise"),
                1 => json!({"id": "a0000000-0000-4000-8000-000000000001"}),
                _ => json!(hyphenated(&random_uuid(rng))),
            };
            set(f, "tags", v);
        }
        Fault::TooManyTags => {
            let pool = tag_pool();
            let items: Vec<Value> = (0..1001)
                .map(|i| Value::String(hyphenated(&pool[i % pool.len()])))
                .collect();
            set(f, "tags", Value::Array(items));
        }
        Fault::WrongType => {
            // The string-valued fields: every known key but the flag and the tag list.
            let free: Vec<&str> = contact_rules::contact::KNOWN_KEYS
                .iter()
                .copied()
                .filter(|k| !matches!(*k, "do_not_contact" | "tags") && !touched.contains(k))
                .collect();
            if free.is_empty() {
                return None;
            }
            let key = *rng.pick(&free);
            let v = match rng.below(5) {
                0 => json!(4_155_552_671u64),
                1 => json!(true),
                2 => json!(["x"]),
                3 => json!({"value": "x"}),
                _ => json!(3.5),
            };
            set(f, key, v);
            return Some(key);
        }
        Fault::BoolInvalid => {
            let v = match rng.below(5) {
                0 => json!("maybe"),
                1 => json!(2),
                2 => json!("si"),
                3 => json!([]),
                _ => json!("yes please"),
            };
            set(f, "do_not_contact", v);
        }
        Fault::UnknownKey => {
            let (k, v) = *rng.pick(UNKNOWN_KEYS);
            if has_key(f, k) {
                return None;
            }
            f.insert(rng.below(f.len() + 1), (k.to_owned(), json!(v)));
            return Some("");
        }
        Fault::ControlCharacters => {
            let key = free_text_field(rng, touched)?;
            let bad = *rng.pick(&[
                "\u{7}",
                "\u{0}",
                "\u{200b}",
                "\u{202e}",
                "\u{feff}",
                "\u{1b}[31m",
                "\u{ad}",
                "\u{2066}",
            ]);
            let text = match f.iter().find(|(k, _)| k == key) {
                Some((_, Value::String(s))) if !s.trim().is_empty() => s.clone(),
                _ => "Jane".to_owned(),
            };
            let at = text.chars().count() / 2;
            let mixed: String = text
                .chars()
                .take(at)
                .chain(bad.chars())
                .chain(text.chars().skip(at))
                .collect();
            set(f, key, json!(mixed));
            return Some(key);
        }
        Fault::CustomFieldType => {
            let u = random_uuid(rng);
            let key = custom_key(rng, &u);
            let v = if rng.chance(500) {
                json!(["a", "b"])
            } else {
                json!({"nested": 1})
            };
            f.push((key, v));
            return Some("");
        }
        Fault::CustomFieldKey => {
            let u = random_uuid(rng);
            let h = hyphenated(&u);
            match rng.below(4) {
                0 => f.push(("custom_field_42".into(), json!("x"))),
                1 => f.push((format!("custom_field_{}", h.replace('-', "")), json!(1))),
                2 => f.push((format!("Custom_Field_{h}"), json!("x"))),
                _ => {
                    f.push((format!("custom_field_{h}"), json!("a")));
                    f.push((format!("custom_field_{}", h.to_uppercase()), json!("b")));
                }
            }
            return Some("");
        }
        Fault::MissingIdentity => {
            for key in ["email", "linkedin_url"] {
                match rng.below(3) {
                    0 => remove(f, key),
                    1 => set(f, key, Value::Null),
                    _ => set(f, key, json!(*rng.pick(&["", "  ", "\u{a0}"]))),
                }
            }
        }
        Fault::TooLong if shape == Shape::Export => {
            // An export's overlong field: a title or name just over the cap.
            let key = free_text_field(rng, touched)?;
            set(f, key, json!("a".repeat(rng.range(256, 301) as usize)));
            return Some(key);
        }
        Fault::TooLong => {
            if rng.chance(250) {
                let u = random_uuid(rng);
                let key = custom_key(rng, &u);
                f.push((key, json!("lorem ipsum ".repeat(1000))));
                return Some("");
            }
            let key = free_text_field(rng, touched)?;
            let long = match rng.below(3) {
                0 => "Geschäftsführerin ".repeat(16),
                1 => "é".repeat(256),
                _ => "a".repeat(rng.range(256, 2000) as usize),
            };
            set(f, key, json!(long));
            return Some(key);
        }
        Fault::NotObject => return Some(""),
    }
    // A broken identity field is still given: it gets its own error only.
    Some("")
}

fn not_object(rng: &mut Rng, f: Fields) -> Value {
    match rng.below(5) {
        0 => Value::Null,
        1 => json!("jane@acme.com"),
        2 => json!(42),
        3 => Value::Array(vec![Value::Object(f.into_iter().collect())]),
        _ => json!([]),
    }
}

const TEXT_FIELDS: &[&str] = &["first_name", "last_name", "title", "location"];

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

/// First and last names: `(as written, ASCII form for email addresses and slugs)`.
struct Names {
    first: &'static [(&'static str, &'static str)],
    last: &'static [(&'static str, &'static str)],
}

struct Country {
    code: &'static str,
    weight: u32,
    names: &'static Names,
    /// Names are written in Latin letters.
    script_latin: bool,
    /// LinkedIn slugs in the names' own script occur.
    unicode_slugs: bool,
    locations: &'static [&'static str],
    titles: &'static [&'static str],
    tlds: &'static [&'static str],
    idn_domains: &'static [(&'static str, &'static str, &'static str)],
    free_mail: &'static [&'static str],
    linkedin_sub: &'static str,
    phone: fn(&mut Rng) -> String,
    /// Office extensions are common.
    extensions: bool,
}

const EN: Names = Names {
    first: &[
        ("Jane", "jane"),
        ("John", "john"),
        ("Emily", "emily"),
        ("Michael", "michael"),
        ("Sarah", "sarah"),
        ("David", "david"),
        ("Aaliyah", "aaliyah"),
        ("Chloé", "chloe"),
        ("Zoë", "zoe"),
        ("Seán", "sean"),
        ("Siobhán", "siobhan"),
        ("José", "jose"),
        ("Priya", "priya"),
        ("Wei", "wei"),
        ("Olivia", "olivia"),
        ("Liam", "liam"),
        ("Mary-Kate", "mary-kate"),
        ("D'Andre", "dandre"),
        ("Renée", "renee"),
        ("Noah", "noah"),
    ],
    last: &[
        ("Smith", "smith"),
        ("Johnson", "johnson"),
        ("O'Brien", "obrien"),
        ("García", "garcia"),
        ("Nguyễn", "nguyen"),
        ("Van der Berg", "van der berg"),
        ("McDonald", "mcdonald"),
        ("Williams", "williams"),
        ("Brown", "brown"),
        ("Davis", "davis"),
        ("Patel", "patel"),
        ("Kim", "kim"),
        ("Lefèvre", "lefevre"),
        ("Smith-Jones", "smith-jones"),
        ("Taylor", "taylor"),
        ("Ó Súilleabháin", "osullivan"),
        ("Thompson", "thompson"),
        ("Müller", "muller"),
    ],
};

const DE_NAMES: Names = Names {
    first: &[
        ("Jürgen", "juergen"),
        ("Günther", "guenther"),
        ("Lena", "lena"),
        ("Lukas", "lukas"),
        ("Sophie", "sophie"),
        ("Maximilian", "maximilian"),
        ("Jörg", "joerg"),
        ("Anna-Lena", "anna-lena"),
        ("Łukasz", "lukasz"),
        ("Małgorzata", "malgorzata"),
        ("Zoltán", "zoltan"),
        ("Tomáš", "tomas"),
    ],
    last: &[
        ("Müller", "mueller"),
        ("Schröder", "schroeder"),
        ("Weiß", "weiss"),
        ("Groß", "gross"),
        ("Becker", "becker"),
        ("Köhler", "koehler"),
        ("von Bülow", "von buelow"),
        ("Wójcik", "wojcik"),
        ("Dvořák", "dvorak"),
        ("Nowak", "nowak"),
        ("Schmidt", "schmidt"),
        ("Fischer", "fischer"),
    ],
};

const FR_NAMES: Names = Names {
    first: &[
        ("François", "francois"),
        ("Hélène", "helene"),
        ("Léa", "lea"),
        ("Benoît", "benoit"),
        ("Camille", "camille"),
        ("Gaëlle", "gaelle"),
        ("Jean-Luc", "jean-luc"),
        ("Anaïs", "anais"),
        ("Loïc", "loic"),
        ("Mathéo", "matheo"),
    ],
    last: &[
        ("Lefèvre", "lefevre"),
        ("Dubois", "dubois"),
        ("Bélanger", "belanger"),
        ("Moreau", "moreau"),
        ("Girard", "girard"),
        ("de La Fontaine", "de la fontaine"),
        ("Chevalier", "chevalier"),
        ("Rousseau", "rousseau"),
        ("Lemaître", "lemaitre"),
    ],
};

const ES_NAMES: Names = Names {
    first: &[
        ("José", "jose"),
        ("María", "maria"),
        ("Ángel", "angel"),
        ("Lucía", "lucia"),
        ("Íñigo", "inigo"),
        ("Begoña", "begona"),
        ("Sofía", "sofia"),
        ("Martín", "martin"),
        ("Giuseppe", "giuseppe"),
        ("Niccolò", "niccolo"),
        ("Chiara", "chiara"),
    ],
    last: &[
        ("García", "garcia"),
        ("Fernández", "fernandez"),
        ("Núñez", "nunez"),
        ("Pérez", "perez"),
        ("Muñoz", "munoz"),
        ("Ibáñez", "ibanez"),
        ("de la Cruz", "de la cruz"),
        ("Rossi", "rossi"),
        ("D'Angelo", "dangelo"),
        ("Esposito", "esposito"),
    ],
};

const PT_NAMES: Names = Names {
    first: &[
        ("João", "joao"),
        ("Conceição", "conceicao"),
        ("Gonçalo", "goncalo"),
        ("Thaís", "thais"),
        ("Luíza", "luiza"),
        ("Antônio", "antonio"),
        ("Letícia", "leticia"),
    ],
    last: &[
        ("Silva", "silva"),
        ("Gonçalves", "goncalves"),
        ("Araújo", "araujo"),
        ("dos Santos", "dos santos"),
        ("Magalhães", "magalhaes"),
        ("Conceição", "conceicao"),
    ],
};

const NL_NAMES: Names = Names {
    first: &[
        ("Sven", "sven"),
        ("Daan", "daan"),
        ("Anouk", "anouk"),
        ("Sanne", "sanne"),
        ("Noël", "noel"),
    ],
    last: &[
        ("van den Berg", "van den berg"),
        ("de Vries", "de vries"),
        ("Jansen", "jansen"),
        ("Bakker", "bakker"),
        ("van Dijk", "van dijk"),
    ],
};

const RU_NAMES: Names = Names {
    first: &[
        ("Иван", "ivan"),
        ("Ольга", "olga"),
        ("Дмитрий", "dmitry"),
        ("Наталья", "natalya"),
        ("Сергей", "sergey"),
        ("Анастасия", "anastasia"),
        ("Алексей", "alexey"),
        ("Юлия", "yulia"),
    ],
    last: &[
        ("Петров", "petrov"),
        ("Иванова", "ivanova"),
        ("Смирнов", "smirnov"),
        ("Кузнецова", "kuznetsova"),
        ("Соколов", "sokolov"),
        ("Попова", "popova"),
    ],
};

const GR_NAMES: Names = Names {
    first: &[
        ("Γιώργος", "giorgos"),
        ("Ελένη", "eleni"),
        ("Δημήτρης", "dimitris"),
        ("Μαρία", "maria"),
        ("Νίκος", "nikos"),
    ],
    last: &[
        ("Παπαδόπουλος", "papadopoulos"),
        ("Κωνσταντίνου", "konstantinou"),
        ("Οικονόμου", "oikonomou"),
        ("Γεωργίου", "georgiou"),
    ],
};

const JP_NAMES: Names = Names {
    first: &[
        ("太郎", "taro"),
        ("花子", "hanako"),
        ("翔太", "shota"),
        ("さくら", "sakura"),
        ("健一", "kenichi"),
        ("美咲", "misaki"),
    ],
    last: &[
        ("佐藤", "sato"),
        ("鈴木", "suzuki"),
        ("高橋", "takahashi"),
        ("田中", "tanaka"),
        ("渡辺", "watanabe"),
    ],
};

const CN_NAMES: Names = Names {
    first: &[
        ("伟", "wei"),
        ("芳", "fang"),
        ("敏", "min"),
        ("静", "jing"),
        ("秀英", "xiuying"),
        ("志强", "zhiqiang"),
    ],
    last: &[
        ("王", "wang"),
        ("李", "li"),
        ("张", "zhang"),
        ("刘", "liu"),
        ("陈", "chen"),
    ],
};

const KR_NAMES: Names = Names {
    first: &[
        ("민준", "minjun"),
        ("서연", "seoyeon"),
        ("지훈", "jihoon"),
        ("하은", "haeun"),
    ],
    last: &[("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi")],
};

const AR_NAMES: Names = Names {
    first: &[
        ("محمد", "mohammed"),
        ("فاطمة", "fatima"),
        ("أحمد", "ahmed"),
        ("نور", "nour"),
        ("عبد الله", "abdullah"),
        ("محمد\u{200c}رضا", "mohammadreza"),
        ("ليلى", "layla"),
    ],
    last: &[
        ("العتيبي", "alotaibi"),
        ("حسن", "hassan"),
        ("الشمري", "alshammari"),
        ("المنصوري", "almansoori"),
        ("إبراهيم", "ibrahim"),
    ],
};

const IN_NAMES: Names = Names {
    first: &[
        ("राहुल", "rahul"),
        ("प्रिया", "priya"),
        ("अर्जुन", "arjun"),
        ("अनन्या", "ananya"),
        // ZWJ after the virama asks for the half form: these names need it.
        ("लक्\u{200d}ष्मी", "lakshmi"),
        ("क्\u{200d}षितिज", "kshitij"),
        ("ശ്രീ\u{200d}ദേവി", "sreedevi"),
    ],
    last: &[
        ("शर्मा", "sharma"),
        ("पटेल", "patel"),
        ("गुप्ता", "gupta"),
        ("सिंह", "singh"),
        ("रेड्डी", "reddy"),
    ],
};

const HE_NAMES: Names = Names {
    first: &[
        ("דוד", "david"),
        ("נועה", "noa"),
        ("יוסי", "yossi"),
        ("מיכל", "michal"),
        ("אבי", "avi"),
    ],
    last: &[
        ("כהן", "cohen"),
        ("לוי", "levi"),
        ("מזרחי", "mizrahi"),
        ("פרץ", "peretz"),
    ],
};

/// The countries of the people, weighted as the contacts of a B2B CRM with a US seller.
static COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        weight: 320,
        names: &EN,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "San Francisco, CA",
            "New York, NY",
            "Austin, Texas",
            "Seattle, WA, United States",
            "Boston, MA",
            "Chicago, IL",
            "Miami, Florida",
            "Denver, CO",
            "San José, CA",
            "Greater Los Angeles Area",
        ],
        titles: &[],
        tlds: &["com", "io", "co", "ai", "net", "us", "org"],
        idn_domains: &[],
        free_mail: &[
            "gmail.com",
            "yahoo.com",
            "outlook.com",
            "hotmail.com",
            "icloud.com",
            "aol.com",
            "protonmail.com",
        ],
        linkedin_sub: "www",
        phone: phone_us,
        extensions: true,
    },
    Country {
        code: "CA",
        weight: 40,
        names: &EN,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Toronto, ON",
            "Montréal, Québec",
            "Vancouver, BC, Canada",
            "Ottawa",
        ],
        titles: &[],
        tlds: &["ca", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "hotmail.ca", "yahoo.ca", "outlook.com"],
        linkedin_sub: "ca",
        phone: phone_ca,
        extensions: true,
    },
    Country {
        code: "GB",
        weight: 80,
        names: &EN,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "London, UK",
            "Manchester, England, United Kingdom",
            "Edinburgh, Scotland",
            "Bristol",
            "Cambridge, UK",
        ],
        titles: &[],
        tlds: &["co.uk", "org.uk", "uk", "com"],
        idn_domains: &[],
        free_mail: &[
            "gmail.com",
            "hotmail.co.uk",
            "yahoo.co.uk",
            "btinternet.com",
            "outlook.com",
        ],
        linkedin_sub: "uk",
        phone: phone_gb,
        extensions: true,
    },
    Country {
        code: "DE",
        weight: 70,
        names: &DE_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "München, Deutschland",
            "Berlin",
            "Hamburg, Germany",
            "Köln",
            "Frankfurt am Main",
            "Düsseldorf, Nordrhein-Westfalen",
        ],
        titles: &[],
        tlds: &["de", "com", "eu", "at", "pl"],
        idn_domains: &[
            ("bücher.de", "xn--bcher-kva.de", "de"),
            ("münchen.de", "xn--mnchen-3ya.de", "de"),
            ("müller-bau.de", "xn--mller-bau-q9a.de", "de"),
            ("bäckerei-schmidt.de", "xn--bckerei-schmidt-0kb.de", "de"),
            ("öbb.at", "xn--bb-eka.at", "at"),
            ("łódź.pl", "xn--d-uga0v4h.pl", "pl"),
        ],
        free_mail: &[
            "gmx.de",
            "web.de",
            "t-online.de",
            "gmail.com",
            "gmx.net",
            "wp.pl",
        ],
        linkedin_sub: "de",
        phone: phone_de,
        extensions: true,
    },
    Country {
        code: "FR",
        weight: 50,
        names: &FR_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Paris, Île-de-France",
            "Lyon, France",
            "Marseille",
            "Bordeaux, Nouvelle-Aquitaine",
            "Genève, Suisse",
        ],
        titles: &[],
        tlds: &["fr", "com", "eu"],
        idn_domains: &[("café-lumière.fr", "xn--caf-lumire-66ag.fr", "fr")],
        free_mail: &[
            "orange.fr",
            "free.fr",
            "laposte.net",
            "gmail.com",
            "wanadoo.fr",
            "sfr.fr",
        ],
        linkedin_sub: "fr",
        phone: phone_fr,
        extensions: false,
    },
    Country {
        code: "ES",
        weight: 25,
        names: &ES_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Madrid, Comunidad de Madrid",
            "Barcelona, Cataluña",
            "Roma, Italia",
            "Milano",
            "Sevilla",
        ],
        titles: &[],
        tlds: &["es", "it", "com"],
        idn_domains: &[("españa.es", "xn--espaa-rta.es", "es")],
        free_mail: &["gmail.com", "hotmail.es", "libero.it", "yahoo.es"],
        linkedin_sub: "es",
        phone: phone_es,
        extensions: false,
    },
    Country {
        code: "IT",
        weight: 20,
        names: &ES_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Roma, Lazio",
            "Milano, Lombardia",
            "Torino",
            "Napoli, Italia",
        ],
        titles: &[],
        tlds: &["it", "com"],
        idn_domains: &[],
        free_mail: &["libero.it", "gmail.com", "virgilio.it", "tiscali.it"],
        linkedin_sub: "it",
        phone: phone_it,
        extensions: false,
    },
    Country {
        code: "NL",
        weight: 20,
        names: &NL_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Amsterdam, Noord-Holland",
            "Rotterdam",
            "Utrecht, Netherlands",
            "Zürich, Schweiz",
        ],
        titles: &[],
        tlds: &["nl", "ch", "com", "eu"],
        idn_domains: &[(
            "zürich-versicherung.ch",
            "xn--zrich-versicherung-m6b.ch",
            "ch",
        )],
        free_mail: &["gmail.com", "ziggo.nl", "kpnmail.nl", "bluewin.ch"],
        linkedin_sub: "nl",
        phone: phone_nl,
        extensions: false,
    },
    Country {
        code: "CH",
        weight: 10,
        names: &DE_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &["Zürich", "Genève", "Basel, Switzerland", "Bern"],
        titles: &[],
        tlds: &["ch", "com"],
        idn_domains: &[(
            "zürich-versicherung.ch",
            "xn--zrich-versicherung-m6b.ch",
            "ch",
        )],
        free_mail: &["bluewin.ch", "gmail.com", "gmx.ch"],
        linkedin_sub: "ch",
        phone: phone_ch,
        extensions: false,
    },
    Country {
        code: "PL",
        weight: 15,
        names: &DE_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &["Warszawa, mazowieckie", "Kraków", "Wrocław, Polska", "Łódź"],
        titles: &[],
        tlds: &["pl", "com.pl", "com"],
        idn_domains: &[("łódź.pl", "xn--d-uga0v4h.pl", "pl")],
        free_mail: &["wp.pl", "onet.pl", "gmail.com", "interia.pl"],
        linkedin_sub: "pl",
        phone: phone_pl,
        extensions: false,
    },
    Country {
        code: "BR",
        weight: 40,
        names: &PT_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "São Paulo, SP, Brazil",
            "Rio de Janeiro",
            "Belo Horizonte, Minas Gerais",
            "Campinas, São Paulo",
            "Lisboa, Portugal",
        ],
        titles: &[],
        tlds: &["com.br", "com", "pt"],
        idn_domains: &[],
        free_mail: &[
            "gmail.com",
            "hotmail.com",
            "uol.com.br",
            "bol.com.br",
            "terra.com.br",
        ],
        linkedin_sub: "br",
        phone: phone_br,
        extensions: false,
    },
    Country {
        code: "MX",
        weight: 20,
        names: &ES_NAMES,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Ciudad de México, CDMX",
            "Guadalajara, Jalisco",
            "Monterrey, Nuevo León",
        ],
        titles: &[],
        tlds: &["com.mx", "mx", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com"],
        linkedin_sub: "mx",
        phone: phone_mx,
        extensions: false,
    },
    Country {
        code: "IN",
        weight: 60,
        names: &IN_NAMES,
        script_latin: false,
        unicode_slugs: false,
        locations: &[
            "Bengaluru, Karnataka, India",
            "Mumbai, Maharashtra",
            "New Delhi",
            "Hyderabad, Telangana",
            "बेंगलुरु, कर्नाटक",
            "Pune",
        ],
        titles: &["सॉफ्टवेयर इंजीनियर", "प्रबंधक"],
        tlds: &["in", "co.in", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"],
        linkedin_sub: "in",
        phone: phone_in,
        extensions: false,
    },
    Country {
        code: "JP",
        weight: 35,
        names: &JP_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &[
            "東京都",
            "Tokyo, Japan",
            "大阪府大阪市",
            "横浜市, 神奈川県",
            "京都",
        ],
        titles: &[
            "プロダクトマネージャー",
            "営業部長",
            "代表取締役社長",
            "エンジニア",
        ],
        tlds: &["co.jp", "jp", "com", "ne.jp"],
        idn_domains: &[
            ("ジェーピーニック.jp", "xn--hckqz9bzb1cyrb.jp", "jp"),
            ("例え.jp", "xn--r8jz45g.jp", "jp"),
        ],
        free_mail: &["yahoo.co.jp", "gmail.com", "docomo.ne.jp", "ezweb.ne.jp"],
        linkedin_sub: "jp",
        phone: phone_jp,
        extensions: false,
    },
    Country {
        code: "CN",
        weight: 20,
        names: &CN_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &[
            "北京市",
            "上海",
            "Shenzhen, Guangdong, China",
            "杭州市 浙江省",
        ],
        titles: &["产品经理", "软件工程师", "销售总监"],
        tlds: &["cn", "com.cn", "com"],
        idn_domains: &[("中文网.cn", "xn--fiq228c5hs.cn", "cn")],
        free_mail: &["qq.com", "163.com", "126.com", "sina.com"],
        linkedin_sub: "cn",
        phone: phone_cn,
        extensions: false,
    },
    Country {
        code: "KR",
        weight: 15,
        names: &KR_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &["서울특별시", "Seoul, South Korea", "부산광역시", "판교"],
        titles: &["소프트웨어 엔지니어", "마케팅 매니저"],
        tlds: &["co.kr", "kr", "com"],
        idn_domains: &[],
        free_mail: &["naver.com", "daum.net", "gmail.com", "hanmail.net"],
        linkedin_sub: "kr",
        phone: phone_kr,
        extensions: false,
    },
    Country {
        code: "AU",
        weight: 30,
        names: &EN,
        script_latin: true,
        unicode_slugs: false,
        locations: &[
            "Sydney NSW",
            "Melbourne, Victoria, Australia",
            "Brisbane QLD",
            "Perth",
            "Auckland, New Zealand",
        ],
        titles: &[],
        tlds: &["com.au", "net.au", "org.au", "co.nz", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "bigpond.com", "outlook.com", "optusnet.com.au"],
        linkedin_sub: "au",
        phone: phone_au,
        extensions: false,
    },
    Country {
        code: "RU",
        weight: 25,
        names: &RU_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &[
            "Москва, Россия",
            "Санкт-Петербург",
            "Новосибирск",
            "Moscow, Russia",
            "Київ, Україна",
        ],
        titles: &[
            "Менеджер по продажам",
            "Генеральный директор",
            "Разработчик",
        ],
        tlds: &["ru", "com", "рф"],
        idn_domains: &[
            ("яндекс.рф", "xn--d1acpjx3f.xn--p1ai", "xn--p1ai"),
            ("пример.рф", "xn--e1afmkfd.xn--p1ai", "xn--p1ai"),
        ],
        free_mail: &["yandex.ru", "mail.ru", "rambler.ru", "gmail.com", "bk.ru"],
        linkedin_sub: "ru",
        phone: phone_ru,
        extensions: false,
    },
    Country {
        code: "GR",
        weight: 10,
        names: &GR_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &["Αθήνα", "Θεσσαλονίκη, Ελλάδα", "Athens, Greece"],
        titles: &["Διευθυντής Πωλήσεων", "Μηχανικός Λογισμικού"],
        tlds: &["gr", "com.gr", "com"],
        idn_domains: &[("αθήνα.gr", "xn--jxafb0a0a.gr", "gr")],
        free_mail: &["gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"],
        linkedin_sub: "gr",
        phone: phone_gr,
        extensions: false,
    },
    Country {
        code: "IL",
        weight: 20,
        names: &HE_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &["תל אביב-יפו", "Tel Aviv-Yafo, Israel", "ירושלים", "Haifa"],
        titles: &["מנהל מוצר", "מהנדס תוכנה"],
        tlds: &["co.il", "com", "org.il"],
        idn_domains: &[],
        free_mail: &["gmail.com", "walla.co.il", "012.net.il"],
        linkedin_sub: "il",
        phone: phone_il,
        extensions: false,
    },
    Country {
        code: "SA",
        weight: 15,
        names: &AR_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &[
            "الرياض، المملكة العربية السعودية",
            "Riyadh, Saudi Arabia",
            "جدة",
            "Jeddah",
        ],
        titles: &["مدير المبيعات", "مهندس برمجيات"],
        tlds: &["com.sa", "sa", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "hotmail.com", "outlook.sa"],
        linkedin_sub: "sa",
        phone: phone_sa,
        extensions: false,
    },
    Country {
        code: "AE",
        weight: 10,
        names: &AR_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &["دبي", "Dubai, United Arab Emirates", "Abu Dhabi"],
        titles: &["المدير التنفيذي"],
        tlds: &["ae", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "hotmail.com", "emirates.net.ae"],
        linkedin_sub: "ae",
        phone: phone_ae,
        extensions: false,
    },
    Country {
        code: "EG",
        weight: 10,
        names: &AR_NAMES,
        script_latin: false,
        unicode_slugs: true,
        locations: &["القاهرة، مصر", "Cairo, Egypt", "Alexandria"],
        titles: &["مدير التسويق"],
        tlds: &["com.eg", "eg", "com"],
        idn_domains: &[],
        free_mail: &["gmail.com", "yahoo.com", "hotmail.com"],
        linkedin_sub: "eg",
        phone: phone_eg,
        extensions: false,
    },
];

const TITLES: &[&str] = &[
    "VP of Sales",
    "Head of Engineering",
    "CTO & Co-founder",
    "Software Engineer II",
    "Senior Product Manager",
    "Chief Executive Officer",
    "Marketing Director, EMEA",
    "Account Executive",
    "Directeur Général",
    "Geschäftsführer",
    "Responsable Marketing",
    "Ingeniero de Software",
    "Data Scientist (ML/AI)",
    "Head of Growth — APAC",
    "Sr. Customer Success Manager",
    "Founder",
    "Office Manager",
    "Chief Revenue Officer",
    "Engineering Manager, Platform",
    "Rechtsanwältin",
    "Procurement Lead",
];

const COMPANIES: &[&str] = &[
    "acme",
    "globex",
    "initech",
    "umbrella-corp",
    "hooli",
    "piedpiper",
    "soylent",
    "vandelay",
    "wonka",
    "cyberdyne",
    "tyrell",
    "wayne-enterprises",
    "stark-industries",
    "oscorp",
    "massive-dynamic",
    "aperture",
    "contoso",
    "fabrikam",
    "northwind",
    "tailspintoys",
    "litware",
    "adatum",
    "woodgrove",
    "proseware",
    "wingtiptoys",
    "fourthcoffee",
    "blueyonder",
    "nordwind-logistik",
    "lumen-analytics",
    "quantumleap",
    "brightpath",
    "redwood-labs",
];

const GLOBAL_TLDS: &[&str] = &[
    "com", "io", "net", "org", "co", "ai", "app", "dev", "tech", "eu",
];

const URL_PATHS: &[&str] = &[
    "about",
    "about-us/",
    "en/contact",
    "impressum",
    "careers?ref=linkedin",
    "index.html",
    "products/crm#pricing",
    "de-de/",
];

const SUBDOMAINS: &[&str] = &["shop", "eu", "blog", "app", "careers", "investors"];

const MAIL_SUBDOMAINS: &[&str] = &["mail", "eng", "us", "corp", "emea"];

const FREE_GLOBAL: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "protonmail.com",
    "proton.me",
    "aol.com",
    "googlemail.com",
    "live.com",
    "me.com",
    "zoho.com",
];

const TYPO_DOMAINS: &[&str] = &[
    "gmial.com",
    "gmai.com",
    "gmail.co",
    "gamil.com",
    "hotmial.com",
    "yaho.com",
    "outlok.com",
    "yahooo.com",
    "gmail.cm",
    "hotmail.con",
];

const ROLE_ACCOUNTS: &[&str] = &[
    "info",
    "sales",
    "support",
    "contact",
    "hello",
    "team",
    "admin",
    "office",
    "billing",
    "careers",
    "marketing",
    "noreply",
];

const PLUS_TAGS: &[&str] = &["crm", "newsletter", "linkedin", "work", "2024"];

const LINKEDIN_SUBPAGES: &[&str] = &[
    "details/experience/",
    "recent-activity/all/",
    "overlay/contact-info/",
    "detail/recent-activity/",
    "details/skills/",
    "recent-activity/shares/",
];

const VANITY: &[&str] = &[
    "1-800-FLOWERS",
    "1-800-GOT-JUNK",
    "1 800 MATTRES",
    "1-888-NEW-CARS",
    "1-800-HOLIDAY",
];

const US_AREAS: &[&str] = &[
    "201", "202", "206", "212", "213", "214", "215", "303", "305", "310", "312", "313", "323",
    "404", "408", "412", "415", "424", "503", "512", "602", "617", "619", "646", "650", "702",
    "713", "718", "720", "773", "786", "801", "818", "858", "917", "919", "925", "949", "972",
];

const CA_AREAS: &[&str] = &[
    "416", "647", "437", "604", "778", "514", "438", "403", "587", "613", "905", "902", "780",
];

const CUSTOM_STRINGS: &[&str] = &[
    "Gold tier",
    "Enterprise plan",
    "Q3 2024 — renewal",
    "Met at SaaStr",
    "Münchner Büro",
    "Referral: Jane D.",
    "東京オフィス",
    "renewal due 2025-01-31",
    "NPS 9",
    "Champion",
];

// ----- fault data -----

const BAD_EMAILS: &[&str] = &[
    "jane@acme",
    "jane.acme.com",
    "jane@@acme.com",
    "\"jane doe\"@acme.com",
    "jane@[192.168.0.1]",
    "jane..doe@acme.com",
    ".jane@acme.com",
    "jane.@acme.com",
    "jane@-acme.com",
    "jane@acme_corp.com",
    "jane doe@acme.com",
    "jane@acme..com",
    "@acme.com",
    "jane@",
    "jane@acme.com, john@acme.com",
    "Jane Doe",
    "jane@123.456",
    "jane(at)acme.com",
];

const SPECIAL_USE_EMAILS: &[&str] = &[
    "jane@localhost",
    "admin@printer.local",
    "jane@acme.test",
    "jane@example.invalid",
    "dev@app.localhost",
    "jane@host.internal.arpa",
];

const SHORT_PHONES: &[&str] = &[
    "555-12",
    "12345",
    "+44 20 80",
    "+49 30 1",
    "911",
    "+1 415 55",
];

const INVALID_PHONES: &[&str] = &[
    "(123) 456-7890",
    "+1 123 456 7890",
    "+44 00 1234 5678",
    "+33 0 12 34 56 78",
    "call me maybe",
    "+49 0000 000000",
    "000-000-0000",
    "+91 01234 56789",
];

const LONG_PHONES: &[&str] = &[
    "+49 1234567890123456789",
    "+1 415 555 2671 2345 6789",
    "+44 20 8006 0227 8006 0227 11",
    "+33 6 12 34 56 78 90 12 34 56",
];

const LINKEDIN_NOT_PROFILE: &[&str] = &[
    "https://www.linkedin.com/company/acme/",
    "https://www.linkedin.com/company/1035/",
    "https://www.linkedin.com/school/stanford-university/",
    "https://www.linkedin.com/showcase/acme-cloud/",
    "https://www.linkedin.com/groups/12345/",
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/jobs/view/3791234567/",
    "linkedin.com/company/globex",
];

const LINKEDIN_UNSUPPORTED: &[&str] = &[
    "https://www.linkedin.com/sales/people/ACwAAAB1c2VyLmlk,NAME_SEARCH,a1b2",
    "https://www.linkedin.com/sales/lead/ACwAAAB1c2VyLmlk,NAME_SEARCH,x9y8",
    "https://www.linkedin.com/talent/profile/AEMAAAB1c2VyLmlk",
    "https://lnkd.in/dXyZ12a",
    "http://www.linkedin.com/pub/jane-smith/12/345/678",
    "https://www.linkedin.com/profile/view?id=12345678",
];

const LINKEDIN_INVALID: &[&str] = &[
    "https://twitter.com/janesmith",
    "https://www.linkedin.com/in/j",
    "linkedin.com/in/ab",
    "https://www.linkedin.evil.com/in/jane-smith",
    "jane smith",
    "https://www.facebook.com/jane.smith",
    "https://www.linkedin.com/in/jane%20smith",
];

const BAD_DOMAINS: &[&str] = &[
    "localhost",
    "http://localhost:3000/",
    "127.0.0.1",
    "192.168.1.10",
    "http://[::1]/",
    "co.uk",
    "com.au",
    "acme",
    "acme.local",
    "intranet.test",
    "printer.invalid",
    "https://10.0.0.5/login",
    "com",
    "app.localhost",
];

const BAD_UUIDS: &[&str] = &[
    "not-a-uuid",
    "6ba7b810-9dad-11d1-80b4",
    "6ba7b810-9dad-11d1-80b4-00c04fd430c8-1",
    "{6ba7b8109dad11d180b400c04fd430c8}",
    "g7e55044-10b1-426f-9247-bb680e5fe0c8",
    "12345",
    "6ba7b810_9dad_11d1_80b4_00c04fd430c8",
    "urn:uuid:",
    "0x6ba7b8109dad11d180b400c04fd430c8",
];

const UNKNOWN_KEYS: &[(&str, &str)] = &[
    ("firstName", "Jane"),
    ("lastName", "Doe"),
    ("phone", "+1 415 555 2671"),
    ("linkedin", "https://www.linkedin.com/in/jane"),
    ("website", "acme.com"),
    ("company_domain", "acme.com"),
    ("Email", "jane@acme.com"),
    ("e-mail", "jane@acme.com"),
    ("jobTitle", "CTO"),
    ("company", "Acme"),
    ("notes", "met at a fair"),
    ("favourite_colour", "blue"),
    ("id", "42"),
];
