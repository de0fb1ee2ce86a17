//! Differential: the compact phone engine that the WebAssembly build uses (`src/phone/lite.rs`)
//! must answer exactly as rlibphonenumber does natively — same value, warnings or error code —
//! for any input, region and validity option (header byte as in the `phone` target).
#![no_main]
use contact_rules_fuzz::{check_field, field_options, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(([b0], input)) = split::<1>(data) {
        let options = field_options(b0);
        check_field(
            "phone (lite)",
            contact_rules::phone::normalize_lite,
            input,
            &options,
        );
        let native = contact_rules::phone::normalize(input, &options);
        let lite = contact_rules::phone::normalize_lite(input, &options);
        match (&native, &lite) {
            (Ok(a), Ok(b)) => assert!(
                a.value == b.value
                    && a.warnings.iter().map(|w| w.code).eq(b.warnings.iter().map(|w| w.code)),
                "{input:?} {options:?}: native {a:?}, lite {b:?}"
            ),
            (Err(a), Err(b)) => assert_eq!(a.code, b.code, "{input:?} {options:?}"),
            _ => panic!("{input:?} {options:?}: native {native:?}, lite {lite:?}"),
        }
    }
});
