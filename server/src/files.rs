//! The demo page (`www/` at `/`) and the built npm package (`pkg/` at `/pkg/`), served as
//! `node www/serve.mjs` serves them: the same MIME types (`application/wasm` for the
//! WebAssembly module, which streaming compilation requires), `index.html` for a directory,
//! a redirect to add the slash, `no-cache`, `nosniff`, and nothing outside the two
//! directories. Each file also carries `x-contact-rules-server: VERSION`, by which the page
//! knows that the API is behind it.

use crate::api::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

/// `www/serve.mjs`'s table.
const TYPES: &[(&str, &str)] = &[
    ("html", "text/html; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("mjs", "text/javascript; charset=utf-8"),
    ("css", "text/css; charset=utf-8"),
    ("json", "application/json; charset=utf-8"),
    ("wasm", "application/wasm"),
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("ico", "image/x-icon"),
    ("ts", "text/plain; charset=utf-8"),
    ("md", "text/plain; charset=utf-8"),
    ("csv", "text/csv; charset=utf-8"),
    ("ndjson", "application/x-ndjson; charset=utf-8"),
    ("txt", "text/plain; charset=utf-8"),
];

/// The MIME type of a file, by its extension (any case).
pub fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    TYPES
        .iter()
        .find(|(e, _)| *e == ext)
        .map_or("application/octet-stream", |(_, t)| t)
}

fn text(status: StatusCode, body: &'static str, head: bool) -> Response {
    let mut r = (
        status,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        if head { "" } else { body },
    )
        .into_response();
    if head {
        r.headers_mut().remove(CONTENT_LENGTH);
    }
    r
}

/// Percent-decodes a URL path as `decodeURIComponent` does; `None` for a bad escape or
/// bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file a URL path names: under `pkg` for `/pkg` and `/pkg/...`, else under `www`;
/// `None` outside them (`..` past the root, a NUL, a bad escape).
pub fn file_for(www: &Path, pkg: &Path, url_path: &str) -> Option<PathBuf> {
    let path = percent_decode(url_path)?;
    if path.contains('\0') {
        return None;
    }
    let (root, rest) = if path == "/pkg" || path.starts_with("/pkg/") {
        (pkg, &path[4..])
    } else {
        (www, path.as_str())
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut file = root.to_path_buf();
    file.extend(&parts);
    if rest.is_empty() || rest.ends_with('/') {
        file.push("index.html");
    }
    Some(file)
}

/// GET/HEAD of a static file; anything else under these paths is 405.
pub async fn serve(State(state): State<AppState>, req: Request) -> Response {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method not allowed\n",
            false,
        );
        r.headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let url_path = req.uri().path().to_owned();
    let Some(mut file) = file_for(&state.www, &state.pkg, &url_path) else {
        return text(StatusCode::NOT_FOUND, "Not found\n", head);
    };
    let not_found = |head| {
        if url_path.starts_with("/pkg/") {
            text(
                StatusCode::NOT_FOUND,
                "Not found (pkg/ is built by: bash scripts/build-pkg.sh)\n",
                head,
            )
        } else {
            text(StatusCode::NOT_FOUND, "Not found\n", head)
        }
    };
    let mut meta = match tokio::fs::metadata(&file).await {
        Ok(m) => m,
        Err(_) => return not_found(head),
    };
    if meta.is_dir() {
        if !url_path.ends_with('/') {
            let query = req
                .uri()
                .query()
                .map(|q| format!("?{q}"))
                .unwrap_or_default();
            let mut r = text(StatusCode::MOVED_PERMANENTLY, "", head);
            if let Ok(v) = HeaderValue::from_str(&format!("{url_path}/{query}")) {
                r.headers_mut().insert(LOCATION, v);
            }
            return r;
        }
        file.push("index.html");
        meta = match tokio::fs::metadata(&file).await {
            Ok(m) => m,
            Err(_) => return not_found(head),
        };
    }
    let body = if head {
        Body::empty()
    } else {
        match tokio::fs::read(&file).await {
            Ok(bytes) => Body::from(bytes),
            Err(_) => return not_found(head),
        }
    };
    let mut r = Response::new(body);
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(mime_type(&file)));
    h.insert(CONTENT_LENGTH, HeaderValue::from(meta.len()));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // How the demo page knows the API is here (a HEAD of the page, which never 404s, so a page
    // served by `node www/serve.mjs` logs no failed request).
    h.insert(
        SERVER_HEADER,
        HeaderValue::from_static(env!("CARGO_PKG_VERSION")),
    );
    r
}

/// The header on every static file this server sends: the page then calls the API.
pub const SERVER_HEADER: &str = "x-contact-rules-server";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside() {
        let (w, p) = (Path::new("/srv/www"), Path::new("/srv/pkg"));
        let f = |u| file_for(w, p, u).map(|f| f.display().to_string());
        assert_eq!(f("/").as_deref(), Some("/srv/www/index.html"));
        assert_eq!(f("/app.js").as_deref(), Some("/srv/www/app.js"));
        assert_eq!(f("/pkg/index.js").as_deref(), Some("/srv/pkg/index.js"));
        assert_eq!(
            f("/pkg").as_deref(),
            Some("/srv/pkg/index.html"),
            "as serve.mjs"
        );
        assert_eq!(f("/pkgx.js").as_deref(), Some("/srv/www/pkgx.js"));
        assert_eq!(f("/a/../b.js").as_deref(), Some("/srv/www/b.js"));
        assert_eq!(f("/../etc/passwd"), None);
        assert_eq!(f("/pkg/../../etc/passwd"), None);
        assert_eq!(f("/%2e%2e/etc/passwd"), None);
        assert_eq!(f("/x%00.js"), None);
        assert_eq!(f("/%zz"), None);
        assert_eq!(f("/%ff"), None);
    }

    #[test]
    fn types_as_serve_mjs() {
        assert_eq!(mime_type(Path::new("a/b.WASM")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("x.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(mime_type(Path::new("x")), "application/octet-stream");
    }
}
