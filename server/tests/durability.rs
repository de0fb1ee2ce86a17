//! Durability: the server is killed with SIGKILL in the middle of a load run and restarted on
//! the same file; every write it had answered 2xx is there, exactly as answered, and the
//! database passes SQLite's integrity check.

mod support;

use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use support::{temp_dir, Client, Server};

const WRITERS: usize = 6;
/// The kill comes once this many writes have been answered (a count, not a time).
const KILL_AFTER: usize = 600;

#[test]
fn every_answered_write_survives_sigkill() {
    let dir = temp_dir("durability");
    let db = dir.join("d.db");
    let mut server = Server::start(&db, &["--region", "US"]);
    let answered: Arc<Mutex<Vec<Value>>> = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    // Each writer's last request sent: answered or not (in flight when the server died).
    let sent: Arc<Vec<AtomicUsize>> = Arc::new((0..WRITERS).map(|_| AtomicUsize::new(0)).collect());
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (answered, count, stop, sent) =
                (answered.clone(), count.clone(), stop.clone(), sent.clone());
            let mut client = server.client();
            std::thread::spawn(move || {
                for n in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    // New contacts and updates of earlier ones (every third request).
                    let who = if n % 3 == 2 { n - 2 } else { n };
                    let body = json!({
                        "email": format!("writer{w}.n{who}@acme.com"),
                        "title": format!("write {n}"),
                        "phone_number": "(415) 555-2671",
                        "tags": [format!("6ba7b810-9dad-11d1-80b4-{:012x}", n)],
                    });
                    sent[w].store(n, Ordering::SeqCst);
                    match client.request(
                        "PUT",
                        "/v1/contacts",
                        Some("application/json"),
                        body.to_string().as_bytes(),
                    ) {
                        Ok(r) if r.status == 200 || r.status == 201 => {
                            answered.lock().unwrap().push(r.json()["data"].clone());
                            count.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(r) => panic!("{} {}", r.status, r.text()),
                        // The server is gone: the run is over for this writer.
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();
    while count.load(Ordering::SeqCst) < KILL_AFTER {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.kill();
    stop.store(true, Ordering::SeqCst);
    for w in writers {
        w.join().expect("a writer thread");
    }
    let answered = answered.lock().unwrap().clone();
    assert!(answered.len() >= KILL_AFTER);

    let server = Server::start(&db, &["--region", "US"]);
    let mut client: Client = server.client();
    // The last answer for each contact is what must be stored (updates of one contact by
    // one writer are sequential, so its last answer is its last write).
    let mut last: std::collections::BTreeMap<String, Value> = Default::default();
    for data in answered {
        last.insert(data["id"].as_str().expect("id").to_owned(), data);
    }
    let write_no = |d: &Value| -> usize {
        d["title"]
            .as_str()
            .and_then(|t| t.strip_prefix("write "))
            .and_then(|n| n.parse().ok())
            .expect("a write number")
    };
    let mut in_flight_seen = 0;
    for (id, data) in &last {
        let r = client.get(&format!("/v1/contacts/{id}"));
        assert_eq!(r.status, 200, "{id} lost: {}", r.text());
        let stored = &r.json()["data"];
        if stored != data {
            // Only the writer's one unanswered request may have landed after its last answer.
            let email = data["email"].as_str().expect("email");
            let w: usize = email["writer".len()..email.find('.').expect("a dot")]
                .parse()
                .expect("writer");
            let n = write_no(stored);
            assert!(
                n > write_no(data) && n == sent[w].load(Ordering::SeqCst),
                "{id}: stored {stored}, answered {data}"
            );
            let mut expect = data.clone();
            expect["title"] = json!(format!("write {n}"));
            expect["tags"] = json!([format!("6ba7b810-9dad-11d1-80b4-{:012x}", n)]);
            assert_eq!(stored, &expect, "{id}");
            in_flight_seen += 1;
        }
    }
    assert!(in_flight_seen <= WRITERS);
    drop(server);
    let conn = rusqlite::Connection::open(&db).expect("opens");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("checks");
    assert_eq!(check, "ok");
}
