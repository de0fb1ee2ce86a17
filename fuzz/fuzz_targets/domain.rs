//! the domain rule (byte 0 bit 2: host mode); a normalized value must normalize to itself.
#![no_main]
use contact_rules_fuzz::{check_field, field_options, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(([b0], input)) = split::<1>(data) {
        check_field(
            "domain",
            contact_rules::domain::normalize,
            input,
            &field_options(b0),
        );
    }
});
