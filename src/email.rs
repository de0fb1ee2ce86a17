//! The `email` rule (stub, being written).
use crate::{FieldResult, Options};

/// Normalizes one email value.
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let _ = (input, options);
    todo!()
}
