//! The `phone` rule (stub, being written).
use crate::{FieldResult, Options};

/// Normalizes one phone value.
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let _ = (input, options);
    todo!()
}

/// Whether libphonenumber has metadata for this region.
pub fn is_supported_region(region: crate::Region) -> bool {
    let _ = region;
    true
}
