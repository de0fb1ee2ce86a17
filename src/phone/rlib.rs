//! The native engine: rlibphonenumber itself (Google libphonenumber's Rust port, `regex`).

use super::{Engine, ParseError, Possibility};
use rlibphonenumber::{
    NumberLengthType, PhoneNumber, PhoneNumberFormat, ValidationError, PHONE_NUMBER_UTIL,
};

/// rlibphonenumber's `PHONE_NUMBER_UTIL`.
pub(crate) struct Rlib;

impl Engine for Rlib {
    type Region = rlibphonenumber::Region;
    type Number = PhoneNumber;

    fn region(code: &str) -> Option<Self::Region> {
        let r = rlibphonenumber::Region::from_code(code).ok()?;
        PHONE_NUMBER_UTIL
            .get_country_code_for_region(r)
            .is_some()
            .then_some(r)
    }

    fn parse(s: &str, region: Option<Self::Region>) -> Result<PhoneNumber, ParseError> {
        PHONE_NUMBER_UTIL.parse(s, region).map_err(|e| match e {
            rlibphonenumber::ParseError::InvalidCountryCode => ParseError::InvalidCountryCode,
            rlibphonenumber::ParseError::NotANumber(_) => ParseError::NotANumber,
            rlibphonenumber::ParseError::TooShortAfterIdd => ParseError::TooShortAfterIdd,
            rlibphonenumber::ParseError::TooShortNsn => ParseError::TooShortNsn,
            rlibphonenumber::ParseError::TooLongNsn => ParseError::TooLongNsn,
        })
    }

    fn is_valid(n: &PhoneNumber) -> bool {
        PHONE_NUMBER_UTIL.is_valid_number(n)
    }

    fn possibility(n: &PhoneNumber) -> Possibility {
        match PHONE_NUMBER_UTIL.is_possible_number_with_reason(n) {
            Ok(NumberLengthType::IsPossible) => Possibility::IsPossible,
            Ok(NumberLengthType::IsPossibleLocalOnly) => Possibility::IsPossibleLocalOnly,
            Err(ValidationError::TooShort) => Possibility::TooShort,
            Err(ValidationError::TooLong) => Possibility::TooLong,
            Err(ValidationError::InvalidLength) => Possibility::InvalidLength,
            Err(ValidationError::InvalidCountryCode) => Possibility::InvalidCountryCode,
        }
    }

    fn e164(n: &PhoneNumber) -> String {
        PHONE_NUMBER_UTIL
            .format(n, PhoneNumberFormat::E164)
            .into_owned()
    }

    fn country_code(n: &PhoneNumber) -> u32 {
        u32::try_from(n.country_code).unwrap_or(0)
    }

    fn extension(n: &PhoneNumber) -> Option<&str> {
        n.extension.as_deref()
    }

    fn digits_only(s: &str) -> String {
        PHONE_NUMBER_UTIL.normalize_digits_only(s)
    }
}
