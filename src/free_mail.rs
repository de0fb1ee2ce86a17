//! Free mailbox providers (stub).

/// Whether `domain` (lower-case ASCII or Unicode) is a free mailbox provider.
pub(crate) fn is_free_mail_domain(domain: &str) -> bool {
    let _ = domain;
    false
}
