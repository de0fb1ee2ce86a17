//! The API's response envelope: `{"data": ContactResponse, "meta": {"timestamp": ...}}`.

use crate::Contact;
use serde::{Deserialize, Serialize};

/// The envelope every API response comes in.
///
/// # Example
/// ```
/// use contact_rules::{ContactResponse, Envelope, Field};
/// let body = r#"{"data": {"id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
///   "email": "jane@acme.com", "phone_number": null,
///   "custom_field_0b8f7d2e-3c1a-4e5f-9a6b-7c8d9e0f1a2b": "gold",
///   "created_at": "2026-11-29T11:59:58Z"},
///   "meta": {"timestamp": "2026-11-29T12:00:00Z"}}"#;
/// let env: Envelope<ContactResponse> = serde_json::from_str(body).unwrap();
/// assert_eq!(env.data.contact.email, Field::Value("jane@acme.com".to_string()));
/// assert_eq!(env.data.contact.phone_number, Field::Null);
/// assert_eq!(env.data.contact.custom_fields.len(), 1);
/// assert_eq!(env.data.created_at.as_deref(), Some("2026-11-29T11:59:58Z"));
/// // Serialized in the API's order: id, fields, custom fields, created_at.
/// let text = serde_json::to_string(&env.data).unwrap();
/// assert!(text.starts_with(r#"{"id":"#) && text.ends_with(r#""created_at":"2026-11-29T11:59:58Z"}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The resource.
    pub data: T,
    /// Response metadata.
    pub meta: Meta,
}

/// Response metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// When the response was made (RFC 3339).
    pub timestamp: String,
}

/// A contact as the API returns it: its id, the payload fields, custom fields included, and
/// when it was created — `{"id", ...fields, ...custom fields, "created_at"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactResponse {
    /// The contact's id (a UUID).
    pub id: String,
    /// The contact's fields; custom fields are in [`Contact::custom_fields`].
    #[serde(flatten)]
    pub contact: Contact,
    /// When the contact was created (RFC 3339), when the response says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}
