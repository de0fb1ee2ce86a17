//! The text rule (byte 0 unused), with the default cap (255) and a small one (8); a normalized
//! value must normalize to itself.
#![no_main]
use contact_rules::{text, Limits, Options};
use contact_rules_fuzz::{check_field, field_options, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(([b0], input)) = split::<1>(data) {
        let options = field_options(b0);
        check_field("text", text::normalize, input, &options);
        let small = Options {
            limits: Limits {
                text_max_chars: 8,
                ..Limits::default()
            },
            ..options
        };
        check_field("text (8)", text::normalize, input, &small);
    }
});
