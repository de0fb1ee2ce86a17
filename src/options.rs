//! Options (SPEC.md §3): one struct natively, a camelCase object in JavaScript, flags on the
//! command line.

use serde::{Deserialize, Serialize};
use std::fmt;

pub(crate) mod js;
use std::str::FromStr;

/// A default region for phone numbers: an ISO 3166 alpha-2 code that libphonenumber knows
/// (e.g. `US`, `GB`, `DE`), stored upper-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region([u8; 2]);

/// An unknown or malformed region code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRegion(pub String);

impl fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown region code {:?}: expected an ISO 3166 alpha-2 code such as US, GB or DE",
            self.0
        )
    }
}

impl std::error::Error for UnknownRegion {}

impl Region {
    /// Parses a region code in any case; it must be one that phone metadata exists for.
    ///
    /// # Errors
    /// [`UnknownRegion`] when the code is not two ASCII letters or has no phone metadata.
    ///
    /// # Example
    /// ```
    /// use contact_rules::Region;
    /// assert_eq!(Region::parse("gb").unwrap().as_str(), "GB");
    /// assert!(Region::parse("XX").is_err());
    /// ```
    pub fn parse(code: &str) -> Result<Region, UnknownRegion> {
        let b = code.as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(UnknownRegion(code.to_owned()));
        }
        let r = Region([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]);
        if crate::phone::is_supported_region(r) {
            Ok(r)
        } else {
            Err(UnknownRegion(code.to_owned()))
        }
    }

    /// The upper-case code, e.g. `"US"`.
    pub fn as_str(&self) -> &str {
        // The two bytes are ASCII letters by construction (see `parse`), so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("ZZ")
    }
}

impl FromStr for Region {
    type Err = UnknownRegion;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::parse(s)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Region {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Region::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Which phone numbers pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneValidity {
    /// Only numbers valid by libphonenumber's metadata (default).
    #[default]
    Valid,
    /// Also numbers of a possible length, with a `phone_possible_only` warning.
    Possible,
}

/// What happens to keys that are not part of the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownKeys {
    /// An `extra_forbidden` error (default).
    #[default]
    Error,
    /// Dropped from the output silently.
    Strip,
    /// Kept untouched in the output, after the known keys.
    Keep,
}

/// What a blank string (empty after trimming) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Blank {
    /// `null` (default): the field is cleared.
    #[default]
    Null,
    /// The key is left out: the field is left as it is.
    Omit,
}

/// How an email address's case is normalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailCase {
    /// The whole address lower-cased (default).
    #[default]
    Lower,
    /// The domain lower-cased, the local part kept as typed.
    PreserveLocal,
}

/// What the `domain` field is normalized to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainMode {
    /// The registrable domain by the Public Suffix List (default): `www.acme.co.uk` → `acme.co.uk`.
    #[default]
    Registrable,
    /// The whole host name, lower-case ASCII: `shop.acme.co.uk` stays.
    Host,
}

/// Length caps, counted in Unicode code points as pydantic counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// `first_name`, `last_name`, `title`, `location`: at most this many characters (255).
    pub text_max_chars: usize,
    /// A custom field's string value: at most this many characters (10,000).
    pub custom_field_max_chars: usize,
    /// A record on the command line or from `validate_contact_str`: at most this many bytes (1 MiB).
    pub max_payload_bytes: usize,
    /// At most this many keys in a payload (1,000).
    pub max_keys: usize,
    /// At most this many tags (1,000).
    pub max_tags: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            text_max_chars: 255,
            custom_field_max_chars: 10_000,
            max_payload_bytes: 1 << 20,
            max_keys: 1_000,
            max_tags: 1_000,
        }
    }
}

/// Every option of SPEC.md §3. `Options::default()` is the API's behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Region for phone numbers written without a country code; none by default.
    pub default_region: Option<Region>,
    /// Valid numbers only (default), or merely possible ones with a warning.
    pub phone_validity: PhoneValidity,
    /// Unknown keys: error (default), strip or keep.
    pub unknown_keys: UnknownKeys,
    /// Blank strings become null (default) or are omitted.
    pub blank: Blank,
    /// Email case: all lower (default) or the local part preserved.
    pub email_case: EmailCase,
    /// `domain` output: registrable domain (default) or the whole host.
    pub domain_mode: DomainMode,
    /// Accept the API's lax booleans (`"yes"`, `1`, ...) for `do_not_contact` (default true).
    pub lax_booleans: bool,
    /// When `domain` is absent, fill it from a non-free email's domain (default false).
    pub derive_domain_from_email: bool,
    /// Length and size caps.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_region: None,
            phone_validity: PhoneValidity::default(),
            unknown_keys: UnknownKeys::default(),
            blank: Blank::default(),
            email_case: EmailCase::default(),
            domain_mode: DomainMode::default(),
            lax_booleans: true,
            derive_domain_from_email: false,
            limits: Limits::default(),
        }
    }
}
