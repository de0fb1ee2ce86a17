//! The `domain` rule (stub, being written).
use crate::{FieldResult, Options};

/// Normalizes one domain value.
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let _ = (input, options);
    todo!()
}
