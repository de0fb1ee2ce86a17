//! The API: `PUT /v1/contacts` (upsert), `POST /v1/contacts` (create), `GET
//! /v1/contacts/{id}`, `GET /v1/meta`; every answer JSON, successes in the envelope
//! `{"data": ..., "meta": {"timestamp"}}`, errors in FastAPI's `{"detail": ...}` shape.

use crate::db::{Db, Stored, WriteError, Written};
use crate::files;
use crate::time::now_rfc3339;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use axum::Router;
use contact_rules::axum::{json_response, ValidatedContact};
use contact_rules::{ContactResponse, Envelope, Meta, Options};
use serde_json::{json, Value};
use std::path::PathBuf;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The validation options (the extractor takes them through `FromRef`).
    pub options: Options,
    /// The store.
    pub db: Db,
    /// The demo page's directory (`www/`).
    pub www: PathBuf,
    /// The built npm package (`pkg/`).
    pub pkg: PathBuf,
}

impl FromRef<AppState> for Options {
    fn from_ref(state: &AppState) -> Options {
        state.options.clone()
    }
}

/// The application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/contacts", put(upsert).post(create))
        .route("/v1/contacts/{id}", get(read))
        .route("/v1/meta", get(meta))
        .route("/v1", get(not_found))
        .route("/v1/{*rest}", get(not_found).fallback(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(files::serve)
        .with_state(state)
}

fn envelope(status: StatusCode, data: Value) -> Response {
    let body = Envelope {
        data,
        meta: Meta {
            timestamp: now_rfc3339(),
        },
    };
    match serde_json::to_value(&body) {
        Ok(v) => json_response(status, &v),
        Err(e) => internal(&e.to_string()),
    }
}

/// A stored contact in the envelope.
fn stored_envelope(status: StatusCode, stored: Stored) -> Response {
    let data: ContactResponse = stored.response();
    match serde_json::to_value(&data) {
        Ok(v) => envelope(status, v),
        Err(e) => internal(&e.to_string()),
    }
}

fn internal(message: &str) -> Response {
    eprintln!("contact-rules-server: error: {message}");
    json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        &json!({"detail": "Internal Server Error"}),
    )
}

/// Runs a database call on the blocking pool.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, WriteError> + Send + 'static,
) -> Result<T, WriteError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(WriteError::Storage(format!("database task: {e}"))))
}

/// `PUT /v1/contacts`: 201 when created, 200 when updated; 409 on an identity conflict.
async fn upsert(State(state): State<AppState>, body: ValidatedContact) -> Response {
    let contact = body.contact;
    let now = now_rfc3339();
    let probe = contact.linkedin_url.value().cloned();
    match blocking(move || state.db.upsert(&contact, &now)).await {
        Ok(Written::Created(s)) => stored_envelope(StatusCode::CREATED, s),
        Ok(Written::Updated(s)) => stored_envelope(StatusCode::OK, s),
        Err(WriteError::Conflict {
            email_id,
            linkedin_id,
        }) => json_response(
            StatusCode::CONFLICT,
            &json!({"detail": [{
                "type": "identity_conflict",
                "loc": ["body", "linkedin_url"],
                "msg": "This LinkedIn URL belongs to another contact than this email address; send one of them, or change the other contact first.",
                "input": probe,
                "ctx": {"email_contact_id": email_id, "linkedin_contact_id": linkedin_id},
            }]}),
        ),
        Err(e) => write_error(e),
    }
}

/// `POST /v1/contacts`: 201, or 409 when the email or LinkedIn URL is taken.
async fn create(State(state): State<AppState>, body: ValidatedContact) -> Response {
    let contact = body.contact;
    let now = now_rfc3339();
    let probe = contact.clone();
    match blocking(move || state.db.create(&contact, &now)).await {
        Ok(s) => stored_envelope(StatusCode::CREATED, s),
        Err(WriteError::Exists { field, id }) => {
            let input = match field {
                "email" => probe.email.value().cloned(),
                _ => probe.linkedin_url.value().cloned(),
            };
            json_response(
                StatusCode::CONFLICT,
                &json!({"detail": [{
                    "type": "contact_exists",
                    "loc": ["body", field],
                    "msg": "A contact with this identity exists; update it with PUT /v1/contacts.",
                    "input": input,
                    "ctx": {"contact_id": id},
                }]}),
            )
        }
        Err(e) => write_error(e),
    }
}

fn write_error(e: WriteError) -> Response {
    match e {
        WriteError::Storage(message) => internal(&message),
        other => internal(&format!("{other:?}")),
    }
}

/// `GET /v1/contacts/{id}`: 200, or 404 `{"detail": "Not Found"}` (any id that is not one).
async fn read(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match blocking(move || state.db.get(&id)).await {
        Ok(Some(s)) => stored_envelope(StatusCode::OK, s),
        Ok(None) => not_found().await,
        Err(e) => write_error(e),
    }
}

/// `GET /v1/meta`: who answers and with which options (camelCase, as the npm package takes
/// them), so that the demo page validates exactly as this server does.
async fn meta(State(state): State<AppState>) -> Response {
    let o = &state.options;
    let options = json!({
        "defaultRegion": o.default_region.map(|r| r.as_str().to_owned()),
        "phoneValidity": o.phone_validity,
        "unknownKeys": o.unknown_keys,
        "blank": o.blank,
        "emailCase": o.email_case,
        "domainMode": o.domain_mode,
        "laxBooleans": o.lax_booleans,
        "deriveDomainFromEmail": o.derive_domain_from_email,
        "limits": {
            "textMaxChars": o.limits.text_max_chars,
            "customFieldMaxChars": o.limits.custom_field_max_chars,
            "maxPayloadBytes": o.limits.max_payload_bytes,
            "maxKeys": o.limits.max_keys,
            "maxTags": o.limits.max_tags,
        },
    });
    envelope(
        StatusCode::OK,
        json!({
            "service": "contact-rules-server",
            "version": env!("CARGO_PKG_VERSION"),
            "options": options,
        }),
    )
}

async fn not_found() -> Response {
    json_response(StatusCode::NOT_FOUND, &json!({"detail": "Not Found"}))
}

async fn method_not_allowed() -> Response {
    json_response(
        StatusCode::METHOD_NOT_ALLOWED,
        &json!({"detail": "Method Not Allowed"}),
    )
}
