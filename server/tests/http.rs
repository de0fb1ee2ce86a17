//! The server over HTTP against the library: for the shared vectors, thousands of generated
//! payloads (every fault kind) and the hostile corpus, every `PUT /v1/contacts` is answered
//! exactly as `ValidatedContact::from_body` judges the same bytes in-process — the same status
//! and, for a refusal, the same body byte for byte (the bytes the browser package's
//! `toFastApiErrors` gives, see `www/test/server.e2e.test.mjs`); an accepted payload is stored
//! as normalized, and `GET` returns it. Then the upsert rules, and hostile HTTP.

mod support;

#[path = "../../tests/support/generator.rs"]
mod generator;
#[path = "../../tests/support/hostile_corpus.rs"]
mod hostile_corpus;

use contact_rules::axum::ValidatedContact;
use contact_rules::{Options, Region};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::net::TcpStream;
use support::{temp_dir, Client, Server};

const JSON: &str = "application/json";

/// What went wrong with one payload, or `None`.
fn check_one(
    client: &mut Client,
    options: &Options,
    ct: Option<&str>,
    body: &[u8],
) -> Option<String> {
    let want = ValidatedContact::from_body(ct.map(str::as_bytes), body, options);
    let got = match client.request("PUT", "/v1/contacts", ct, body) {
        Ok(r) => r,
        Err(e) => return Some(format!("no answer: {e}")),
    };
    if got.status >= 500 {
        return Some(format!("{}: {}", got.status, got.text()));
    }
    match want {
        Err(rejection) => {
            if got.status != rejection.status().as_u16() {
                return Some(format!(
                    "status: want {}, got {} {}",
                    rejection.status(),
                    got.status,
                    got.text()
                ));
            }
            if got.body != rejection.body_text().as_bytes() {
                return Some(format!(
                    "body:\n  want {}\n  got  {}",
                    rejection.body_text(),
                    got.text()
                ));
            }
            if got.header("content-type") != Some(JSON) {
                return Some(format!("content-type {:?}", got.header("content-type")));
            }
            None
        }
        Ok(valid) => {
            let body = got.json();
            if got.status == 409 {
                return check_conflict(client, &valid, &body);
            }
            if got.status != 200 && got.status != 201 {
                return Some(format!(
                    "status {} for a valid payload: {}",
                    got.status,
                    got.text()
                ));
            }
            let data = &body["data"];
            let Value::Object(expected) = serde_json::to_value(&valid.contact).expect("serializes")
            else {
                return Some("the contact is not an object".into());
            };
            for (k, v) in &expected {
                if data[k] != *v {
                    return Some(format!("{k}: stored {}, previewed {v}", data[k]));
                }
            }
            let id = data["id"].as_str().unwrap_or_default();
            let read = client.get(&format!("/v1/contacts/{id}"));
            if read.status != 200 || read.json()["data"] != *data {
                return Some(format!("GET {id}: {} {}", read.status, read.text()));
            }
            None
        }
    }
}

/// A 409: the email belongs to one stored contact and the LinkedIn URL to another.
fn check_conflict(client: &mut Client, valid: &ValidatedContact, body: &Value) -> Option<String> {
    let d = &body["detail"][0];
    if d["type"] != "identity_conflict" {
        return Some(format!("409 {body}"));
    }
    let a = client.get(&format!(
        "/v1/contacts/{}",
        d["ctx"]["email_contact_id"].as_str()?
    ));
    let b = client.get(&format!(
        "/v1/contacts/{}",
        d["ctx"]["linkedin_contact_id"].as_str()?
    ));
    let email = valid.contact.email.value()?;
    let linkedin = valid.contact.linkedin_url.value()?;
    let ok = a.json()["data"]["email"] == json!(email)
        && b.json()["data"]["linkedin_url"] == json!(linkedin)
        && a.json()["data"]["id"] != b.json()["data"]["id"];
    (!ok).then(|| format!("409 without a real conflict: {body}"))
}

fn report(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}: {} failures, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn shared_vectors_over_http() {
    let dir = temp_dir("vectors");
    let vectors = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
    // Cases grouped by their options: one server per option set.
    let mut groups: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(vectors)
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for file in files {
        let cases: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("reads")).expect("JSON");
        for case in cases {
            let options = case.get("options").cloned().unwrap_or(json!({}));
            let body = match (&case["input"], &case["input_text"]) {
                (Value::Null, Value::String(text)) if case.get("input").is_none() => {
                    text.clone().into_bytes()
                }
                (input, _) => serde_json::to_vec(input).expect("serializes"),
            };
            let name = format!("{}: {}", file.display(), case["name"]);
            groups
                .entry(options.to_string())
                .or_default()
                .push((name, body));
        }
    }
    let mut failures = Vec::new();
    let (mut total, mut skipped) = (0, 0);
    for (i, (options_json, cases)) in groups.iter().enumerate() {
        let options: Options = serde_json::from_str(options_json).expect("options");
        if options.unknown_keys == contact_rules::UnknownKeys::Keep {
            // The server refuses to start with "keep" (kept keys could shadow `id` and
            // `created_at`): these cases are the library's only.
            let status = std::process::Command::new(support::BIN)
                .args(["--db", dir.join("keep.db").to_str().expect("utf-8")])
                .args(["--listen", "127.0.0.1:0", "--options", options_json])
                .stderr(std::process::Stdio::null())
                .status()
                .expect("runs");
            assert!(!status.success(), "unknown_keys keep must be refused");
            skipped += cases.len();
            continue;
        }
        let server = Server::start(&dir.join(format!("v{i}.db")), &["--options", options_json]);
        let mut client = server.client();
        for (name, body) in cases {
            total += 1;
            if let Some(f) = check_one(&mut client, &options, Some(JSON), body) {
                failures.push(format!("{name} (options {options_json}): {f}"));
            }
        }
    }
    assert!(total > 300, "only {total} vectors");
    assert!(skipped < 20, "{skipped} vectors with unknown_keys keep");
    report("shared vectors over HTTP", &failures);
}

fn generated_run(name: &str, options: &Options, count: usize, fault_rate: f64) {
    let dir = temp_dir(name);
    let options_json = serde_json::to_string(options).expect("options serialize");
    let server = Server::start(&dir.join("g.db"), &["--options", &options_json]);
    let mut client = server.client();
    let mut failures = Vec::new();
    let mut kinds = BTreeSet::new();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let ppm = generator::rate_ppm(fault_rate).expect("a rate");
    for s in generator::Samples::new(0x5E7_7E57, ppm).take(count) {
        kinds.extend(s.faults.iter().map(|f| f.name()));
        let body = serde_json::to_vec(&s.payload).expect("serializes");
        if let Some(f) = check_one(&mut client, options, Some(JSON), &body) {
            failures.push(format!(
                "payload {} ({:?}): {f}\n    {}",
                s.index, s.faults, s.payload
            ));
        }
        let want = ValidatedContact::from_body(Some(JSON.as_bytes()), &body, options);
        *statuses
            .entry(want.map_or_else(|r| r.status().as_u16(), |_| 200))
            .or_default() += 1;
    }
    report(name, &failures);
    let all: BTreeSet<_> = generator::Fault::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(kinds, all, "every fault kind is sent");
    assert!(
        statuses.get(&200).copied().unwrap_or(0) > count / 2,
        "{statuses:?}"
    );
    assert!(
        statuses.get(&422).copied().unwrap_or(0) > count / 10,
        "{statuses:?}"
    );
}

#[test]
fn generated_payloads_over_http() {
    let us = Options {
        default_region: Some(Region::parse(generator::REGION).expect("US")),
        ..Options::default()
    };
    generated_run("generated-us", &us, 3000, 0.35);
    // Every option away from its default, except unknown_keys: the server refuses "keep"
    // (kept keys could shadow the API's `id` and `created_at`).
    let unusual = Options {
        unknown_keys: contact_rules::UnknownKeys::Strip,
        ..generator::unusual_options()
    };
    generated_run("generated-unusual", &unusual, 1000, 0.35);
}

#[test]
fn hostile_corpus_over_http() {
    let dir = temp_dir("hostile-corpus");
    let server = Server::start(&dir.join("h.db"), &[]);
    let options = Options::default();
    let mut client = server.client();
    let mut failures = Vec::new();
    let corpus = hostile_corpus::corpus();
    assert!(corpus.len() > 30);
    for case in &corpus {
        let body = (case.bytes)();
        if let Some(f) = check_one(&mut client, &options, Some(JSON), &body) {
            failures.push(format!("{}: {f}", case.name));
        }
    }
    report("hostile corpus over HTTP", &failures);
}

/// PUT a JSON body and return (status, data).
fn put(client: &mut Client, body: Value) -> (u16, Value) {
    put_text(client, &body.to_string())
}

/// PUT a JSON text and return (status, data).
fn put_text(client: &mut Client, body: &str) -> (u16, Value) {
    let r = client.put_json(body.as_bytes());
    (
        r.status,
        r.json().get("data").cloned().unwrap_or_else(|| r.json()),
    )
}

#[test]
fn upsert_semantics() {
    let dir = temp_dir("upsert");
    let server = Server::start(&dir.join("u.db"), &["--region", "US"]);
    let mut c = server.client();
    let cf = "custom_field_0b8f7d2e-3c1a-4e5f-9a6b-7c8d9e0f1a2b";
    let cf2 = "custom_field_1b8f7d2e-3c1a-4e5f-9a6b-7c8d9e0f1a2b";
    let tag = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

    // Created: every known field in the answer, null when not given; custom fields and tags.
    let (status, a) = put_text(
        &mut c,
        &format!(
            r#"{{"email": "\"Jane Doe\" <Jane.Doe@ACME.com>", "title": "VP   Sales",
                "phone_number": "(415) 555-2671", "tags": ["{}"],
                "custom_field_0B8F7D2E-3C1A-4E5F-9A6B-7C8D9E0F1A2B": 12.50}}"#,
            tag.to_uppercase()
        ),
    );
    assert_eq!(status, 201, "{a}");
    let id = a["id"].as_str().expect("id").to_owned();
    let keys: Vec<&str> = a
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "email",
            "linkedin_url",
            "first_name",
            "last_name",
            "title",
            "phone_number",
            "location",
            "account_id",
            "domain",
            "do_not_contact",
            "tags",
            cf,
            "created_at"
        ]
    );
    assert_eq!(a["email"], "jane.doe@acme.com");
    assert_eq!(a["title"], "VP Sales");
    assert_eq!(a["phone_number"], "+14155552671");
    assert_eq!(a["tags"], json!([tag]));
    assert_eq!(a[cf].to_string(), "12.50", "a number kept as written");
    assert_eq!(a["location"], Value::Null);

    // Same identity in another spelling: updated. Absent keeps, null clears, value replaces.
    let (status, b) = put(
        &mut c,
        json!({"email": "mailto:JANE.DOE@acme.com", "title": null, "location": "Paris",
               cf2: "gold", "linkedin_url": "linkedin.com/in/Jane-Doe/"}),
    );
    assert_eq!(status, 200, "{b}");
    assert_eq!(b["id"], id.as_str());
    assert_eq!(b["created_at"], a["created_at"]);
    assert_eq!(b["title"], Value::Null, "null clears");
    assert_eq!(b["phone_number"], "+14155552671", "absent keeps");
    assert_eq!(b["tags"], json!([tag]), "absent keeps");
    assert_eq!(b["location"], "Paris");
    assert_eq!(b[cf].to_string(), "12.50");
    assert_eq!(b[cf2], "gold");
    assert_eq!(b["linkedin_url"], "https://www.linkedin.com/in/jane-doe");

    // Matched by the LinkedIn URL alone (another spelling), and the email changes.
    let (status, d) = put(
        &mut c,
        json!({"linkedin_url": "https://WWW.LINKEDIN.COM/in/jane-doe?trk=x",
               "email": "jane@acme.co.uk", "tags": null, cf: null}),
    );
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["id"], id.as_str());
    assert_eq!(d["email"], "jane@acme.co.uk");
    assert_eq!(d["tags"], Value::Null);
    assert_eq!(d[cf], Value::Null, "a custom field cleared");
    // The old email is free again: a new contact.
    let (status, e) = put(&mut c, json!({"email": "Jane.Doe@acme.com"}));
    assert_eq!(status, 201, "{e}");
    let other = e["id"].as_str().expect("id").to_owned();
    assert_ne!(other, id);

    // The conflict rule: email of one contact, LinkedIn URL of another -> 409, nothing written.
    let r = c.put_json(
        json!({"email": "jane.doe@acme.com", "linkedin_url": "linkedin.com/in/jane-doe", "title": "X"})
            .to_string()
            .as_bytes(),
    );
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(
        r.text(),
        json!({"detail": [{
            "type": "identity_conflict",
            "loc": ["body", "linkedin_url"],
            "msg": "This LinkedIn URL belongs to another contact than this email address; send one of them, or change the other contact first.",
            "input": "https://www.linkedin.com/in/jane-doe",
            "ctx": {"email_contact_id": other, "linkedin_contact_id": id},
        }]})
        .to_string()
    );
    assert_eq!(
        c.get(&format!("/v1/contacts/{other}")).json()["data"]["title"],
        Value::Null
    );
    assert_eq!(
        c.get(&format!("/v1/contacts/{id}")).json()["data"]["title"],
        Value::Null
    );

    // POST creates, and refuses a taken identity.
    let r = c
        .request(
            "POST",
            "/v1/contacts",
            Some(JSON),
            br#"{"email": "new@acme.com", "first_name": "N"}"#,
        )
        .expect("answered");
    assert_eq!(r.status, 201, "{}", r.text());
    let r = c
        .request(
            "POST",
            "/v1/contacts",
            Some(JSON),
            br#"{"email": "NEW@acme.com"}"#,
        )
        .expect("answered");
    assert_eq!(r.status, 409);
    assert_eq!(r.json()["detail"][0]["type"], "contact_exists");
    assert_eq!(r.json()["detail"][0]["loc"], json!(["body", "email"]));
    // POST validates as PUT does.
    let r = c
        .request(
            "POST",
            "/v1/contacts",
            Some(JSON),
            br#"{"email": "x@acme"}"#,
        )
        .expect("answered");
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "email_invalid");

    // GET: the envelope; unknown ids are 404.
    let r = c.get(&format!("/v1/contacts/{id}"));
    assert_eq!(r.status, 200);
    assert!(r.json()["meta"]["timestamp"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
    for missing in [
        "/v1/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "/v1/contacts/x",
        "/v1/nothing",
    ] {
        let r = c.get(missing);
        assert_eq!(
            (r.status, r.text()),
            (404, r#"{"detail":"Not Found"}"#.into()),
            "{missing}"
        );
    }
    let r = c
        .request("DELETE", "/v1/contacts", None, b"")
        .expect("answered");
    assert_eq!(
        (r.status, r.text()),
        (405, r#"{"detail":"Method Not Allowed"}"#.into())
    );

    // Meta: the options, as the page needs them.
    let m = c.get("/v1/meta").json();
    assert_eq!(m["data"]["options"]["defaultRegion"], "US");
    assert_eq!(m["data"]["service"], "contact-rules-server");
}

#[test]
fn serves_the_demo_page_and_the_package() {
    let dir = temp_dir("static");
    let www = dir.join("www");
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(www.join("sub")).expect("dirs");
    std::fs::create_dir_all(&pkg).expect("dirs");
    std::fs::write(www.join("index.html"), "<!doctype html>").expect("write");
    std::fs::write(www.join("app.js"), "export {}").expect("write");
    std::fs::write(www.join("sub/index.html"), "sub").expect("write");
    std::fs::write(pkg.join("m.wasm"), b"\0asm").expect("write");
    std::fs::write(dir.join("secret.txt"), "no").expect("write");
    let server = Server::start(
        &dir.join("s.db"),
        &[
            "--www",
            www.to_str().expect("utf-8"),
            "--pkg",
            pkg.to_str().expect("utf-8"),
        ],
    );
    let mut c = server.client();
    for (path, status, ctype, body) in [
        ("/", 200, "text/html; charset=utf-8", "<!doctype html>"),
        (
            "/app.js",
            200,
            "text/javascript; charset=utf-8",
            "export {}",
        ),
        ("/sub/", 200, "text/html; charset=utf-8", "sub"),
        ("/pkg/m.wasm", 200, "application/wasm", "\0asm"),
        (
            "/../secret.txt",
            404,
            "text/plain; charset=utf-8",
            "Not found\n",
        ),
        (
            "/%2e%2e/secret.txt",
            404,
            "text/plain; charset=utf-8",
            "Not found\n",
        ),
        (
            "/pkg/../../secret.txt",
            404,
            "text/plain; charset=utf-8",
            "Not found\n",
        ),
        ("/nope.js", 404, "text/plain; charset=utf-8", "Not found\n"),
    ] {
        let r = c.get(path);
        assert_eq!(
            (r.status, r.header("content-type"), r.text().as_str()),
            (status, Some(ctype), body),
            "{path}"
        );
        if status == 200 {
            assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
            assert_eq!(r.header("cache-control"), Some("no-cache"));
            assert_eq!(r.header("x-contact-rules-server"), Some("0.1.0"));
        }
    }
    let r = c.get("/sub");
    assert_eq!((r.status, r.header("location")), (301, Some("/sub/")));
    let r = c.request("POST", "/app.js", None, b"").expect("answered");
    assert_eq!(r.status, 405);
}

/// Bytes written raw on a new connection; the response, if the server sends one.
fn raw(server: &Server, bytes: &[u8], half_close: bool) -> Option<support::Response> {
    let s = TcpStream::connect(server.addr).expect("connects");
    s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .expect("timeout");
    let mut w = s.try_clone().expect("clone");
    w.write_all(bytes).expect("writes");
    if half_close {
        s.shutdown(std::net::Shutdown::Write).expect("shutdown");
    }
    let mut r = std::io::BufReader::new(s);
    support::read_response(&mut r).ok()
}

#[test]
fn hostile_http() {
    let dir = temp_dir("hostile-http");
    let mut server = Server::start(&dir.join("x.db"), &[]);
    // (mut: `alive` polls the child)
    let options = Options::default();
    let mut c = server.client();
    let body = br#"{"email": "jane@acme.com"}"#;

    // Content types: FastAPI reads only application/json and application/*+json as JSON.
    for ct in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/json-seq"),
        Some("application/json; charset=utf-8"),
        Some("application/merge-patch+json"),
        Some("APPLICATION/JSON"),
    ] {
        assert_eq!(check_one(&mut c, &options, ct, body), None, "{ct:?}");
    }
    // Empty, non-UTF-8, UTF-16, broken JSON bodies.
    let utf16: Vec<u8> =
        r#"{"email": "jané@acme.com"}"#.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for b in [
        &b""[..],
        b"{\"email\": \"\xff\xfe\"}",
        b"\xc3\x28",
        &utf16,
        b"{\"email\": \"jane@acme.com\"",
        b"{\"email\": \"jane@acme.com\",}",
        b"{'email': 'jane@acme.com'}",
        b"\xef\xbb\xbf{\"email\": \"jane@acme.com\"}",
    ] {
        assert_eq!(check_one(&mut c, &options, Some(JSON), b), None, "{b:?}");
    }
    let r = c
        .request("PUT", "/v1/contacts", Some(JSON), b"{\"email\": \"\xff\"}")
        .expect("answered");
    assert_eq!(
        (r.status, r.text()),
        (
            400,
            r#"{"detail":"There was an error parsing the body"}"#.into()
        )
    );

    // Over the limit: declared (answered before reading), chunked (stopped while reading),
    // and exactly at the limit (read, then judged by the rules).
    let max = options.limits.max_payload_bytes;
    let mut exact = format!(
        "{{\"email\": \"jane@acme.com\", \"title\": \"{}",
        "a".repeat(max)
    );
    exact.truncate(max - 2);
    exact.push_str("\"}");
    assert_eq!(exact.len(), max);
    assert_eq!(
        check_one(&mut c, &options, Some(JSON), exact.as_bytes()),
        None
    );
    let over = format!("{exact} ");
    assert_eq!(
        check_one(&mut c, &options, Some(JSON), over.as_bytes()),
        None
    );
    let r = c.put_json(over.as_bytes());
    assert_eq!(r.status, 413);
    let mut chunked = b"PUT /v1/contacts HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for piece in over.as_bytes().chunks(100_000) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let r = c.send_raw(&chunked).expect("answered");
    assert_eq!(r.status, 413, "{}", r.text());
    assert_eq!(r.json()["detail"][0]["type"], "payload_too_large");
    let r = raw(
        &server,
        b"PUT /v1/contacts HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100000000000\r\n\r\n{",
        false,
    )
    .expect("answered before the body");
    assert_eq!(r.status, 413);

    // Truncated: fewer bytes than Content-Length, then the client stops sending.
    let r = raw(
        &server,
        b"PUT /v1/contacts HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\": \"ja",
        true,
    );
    if let Some(r) = r {
        assert_eq!(r.status, 400, "{}", r.text());
    }
    // Not HTTP at all.
    if let Some(r) = raw(
        &server,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
        true,
    ) {
        assert!(r.status >= 400 && r.status < 500, "{}", r.status);
    }
    if let Some(r) = raw(
        &server,
        b"PUT /v1/contacts HTTP/1.1\r\nContent-Length: x\r\n\r\n",
        true,
    ) {
        assert!(r.status >= 400 && r.status < 500, "{}", r.status);
    }

    // Slow clients: connections stalled inside the headers and inside the body do not keep
    // anyone else from being served; one of them then finishes a byte at a time.
    let mut stalled = Vec::new();
    for i in 0..40 {
        let mut s = TcpStream::connect(server.addr).expect("connects");
        let part: &[u8] = if i % 2 == 0 {
            b"PUT /v1/contacts HTTP/1.1\r\nHost: t\r\nContent-Ty"
        } else {
            b"PUT /v1/contacts HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n{\"email\": \"sl"
        };
        s.write_all(part).expect("writes");
        stalled.push(s);
    }
    for i in 0..50 {
        let r = c.put_json(format!(r#"{{"email": "busy{i}@acme.com"}}"#).as_bytes());
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let mut slow = stalled.pop().expect("a stalled body");
    for b in b"ow@acme.com\"}" {
        slow.write_all(&[*b]).expect("writes");
    }
    let mut slow = std::io::BufReader::new(slow);
    let r = support::read_response(&mut slow).expect("answered");
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["data"]["email"], "slow@acme.com");
    for mut s in stalled {
        let _ = s.write_all(b"\r\n");
        drop(s);
    }

    // Still serving, never a 5xx.
    assert!(server.alive());
    let r = c.get("/v1/meta");
    assert_eq!(r.status, 200);
    let log = std::fs::read_to_string(&server.stderr).unwrap_or_default();
    assert!(!log.contains("error"), "stderr: {log}");
}
