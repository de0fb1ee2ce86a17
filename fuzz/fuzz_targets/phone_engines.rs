//! Differential: the compact phone engine that every build uses (`src/phone/lite.rs`)
//! must answer exactly as rlibphonenumber, its reference, does — same value, warnings or error code —
//! for any input, region and validity option (header byte as in the `phone` target, which
//! checks the properties of `phone::normalize` itself on the same inputs).
#![no_main]
use contact_rules_fuzz::{field_options, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(([b0], input)) = split::<1>(data) {
        let options = field_options(b0);
        let reference = contact_rules::phone::normalize_reference(input, &options);
        let ours = contact_rules::phone::normalize(input, &options);
        match (&reference, &ours) {
            (Ok(a), Ok(b)) => assert!(
                a.value == b.value
                    && a.warnings.iter().map(|w| w.code).eq(b.warnings.iter().map(|w| w.code)),
                "{input:?} {options:?}: reference {a:?}, ours {b:?}"
            ),
            (Err(a), Err(b)) => assert_eq!(a.code, b.code, "{input:?} {options:?}"),
            _ => panic!("{input:?} {options:?}: reference {reference:?}, ours {ours:?}"),
        }
    }
});
