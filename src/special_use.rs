//! Special-use domain names (stub, being written).

/// Whether `domain` (lower-case ASCII, no trailing dot) is or is under a special-use name such as
/// `localhost`, `local`, `test` or `invalid`.
pub(crate) fn is_special_use_domain(domain: &str) -> bool {
    let _ = domain;
    false
}
