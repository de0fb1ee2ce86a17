//! Starting `contact-rules-server` on a free port with its own database, and speaking HTTP/1.1
//! to it over `std::net::TcpStream` — by hand, so that tests can also send what no HTTP client
//! library sends (truncated, slow, non-UTF-8, over-long requests).

// Each test target uses a different part of this module.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The server binary Cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_contact-rules-server");

/// A fresh directory under Cargo's temporary directory for tests.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("server-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A running server; killed when dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub stderr: PathBuf,
}

impl Server {
    /// Starts the server on `db` with extra arguments, and waits for its "listening" line.
    pub fn start(db: &Path, args: &[&str]) -> Server {
        let stderr = db.with_extension("stderr");
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads the first line");
        let addr = line
            .trim()
            .strip_prefix("contact-rules-server: listening on http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| {
                panic!(
                    "unexpected first line {line:?}; stderr: {}",
                    std::fs::read_to_string(&stderr).unwrap_or_default()
                )
            })
            .parse()
            .expect("an address");
        Server {
            child,
            addr,
            db: db.to_path_buf(),
            stderr,
        }
    }

    /// A new keep-alive connection.
    pub fn client(&self) -> Client {
        Client::new(self.addr)
    }

    /// SIGKILL, and wait for it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value (first one, name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {}: body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// An HTTP/1.1 connection that reconnects when the server closed it.
pub struct Client {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
}

impl Client {
    pub fn new(addr: SocketAddr) -> Client {
        Client { addr, stream: None }
    }

    fn connect(&mut self) -> std::io::Result<&mut BufReader<TcpStream>> {
        if self.stream.is_none() {
            let s = TcpStream::connect(self.addr)?;
            s.set_nodelay(true)?;
            // A guard against a hung test, never a measure: no test depends on it.
            s.set_read_timeout(Some(Duration::from_secs(120)))?;
            self.stream = Some(BufReader::new(s));
        }
        Ok(self.stream.as_mut().expect("connected"))
    }

    /// Sends one request; `content_type` `None` sends no `Content-Type`.
    pub fn request(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> std::io::Result<Response> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: test\r\n");
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        if !body.is_empty() || method == "PUT" || method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        // A connection the server closed since the last response fails on write or on the
        // first read: retry once on a new one.
        for attempt in 0..2 {
            let result = self.send_raw(&bytes);
            match result {
                Ok(r) => return Ok(r),
                Err(e) if attempt == 0 => {
                    self.stream = None;
                    let _ = e;
                }
                Err(e) => return Err(e),
            }
        }
        unreachable!("the loop returns")
    }

    /// Writes `bytes` as they are and reads one response. A large request is written from
    /// another thread while the response is read, so that a server answering before it has
    /// read everything (413) is heard rather than reset.
    pub fn send_raw(&mut self, bytes: &[u8]) -> std::io::Result<Response> {
        let s = self.connect()?;
        let stream = s.get_ref().try_clone()?;
        let writer = if bytes.len() > 64 * 1024 {
            let mut w = stream.try_clone()?;
            let owned = bytes.to_vec();
            Some(std::thread::spawn(move || {
                let _ = w.write_all(&owned);
            }))
        } else {
            s.get_mut().write_all(bytes)?;
            None
        };
        let r = read_response(s);
        let close = match &r {
            Ok(resp) => {
                resp.header("connection") == Some("close")
                    || (writer.is_some() && resp.status == 413)
            }
            Err(_) => true,
        };
        if close {
            // The server stopped reading (or said so): end the connection, which also stops
            // a writer thread still sending.
            let _ = stream.shutdown(std::net::Shutdown::Both);
            self.stream = None;
        }
        if let Some(w) = writer {
            let _ = w.join();
        }
        r
    }

    pub fn put_json(&mut self, body: &[u8]) -> Response {
        self.request("PUT", "/v1/contacts", Some("application/json"), body)
            .expect("PUT answered")
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.request("GET", path, None, b"").expect("GET answered")
    }
}

/// Reads one response (`Content-Length` or chunked body).
pub fn read_response(s: &mut BufReader<TcpStream>) -> std::io::Result<Response> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
    let mut line = String::new();
    if s.read_line(&mut line)? == 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "connection closed",
        ));
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| bad(&format!("status line {line:?}")))?;
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        s.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (n, v) = h.split_once(':').ok_or_else(|| bad("header"))?;
        headers.push((n.trim().to_owned(), v.trim().to_owned()));
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _): &&(String, String)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if let Some(len) = find("content-length") {
        let len: usize = len.parse().map_err(|_| bad("content-length"))?;
        body.resize(len, 0);
        s.read_exact(&mut body)?;
    } else if find("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            s.read_line(&mut size)?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|_| bad("chunk size"))?;
            let mut chunk = vec![0; n + 2];
            s.read_exact(&mut chunk)?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}
