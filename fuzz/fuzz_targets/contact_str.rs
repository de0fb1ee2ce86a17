//! `validate_contact_str` with options from the first two bytes (see `contact_options`).
#![no_main]
use contact_rules_fuzz::{check_contact, contact_options, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(([b0, b1], json)) = split::<2>(data) {
        check_contact(json, &contact_options(b0, b1));
    }
});
